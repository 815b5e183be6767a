import type { LearnerId } from '../../model/learner-id.js';
import type { BoardEntry } from '../../ports/store.js';

/** Minutes share a score with the resource count; 2^22 minutes (about 70,000 hours) is far above any path. */
const MINUTES_RANGE = 2 ** 22;
const REACHED_AT_DIGITS = 16;

/**
 * A member's row in a board's hash: what the sorted set can't hold, and where the member sits in it.
 * Rows of an older version also carry a `revision` (ignored); one without a slot was its removal marker: no row.
 */
export interface StoredRow {
  name?: string;
  reachedAt?: number;
  slot?: string;
}

/**
 * How a row sits in a board's sorted set, so the top rows and a member's rank cost O(log n) however large
 * the board is. The score orders by resources then minutes (negated: rank 1 comes first); the set member
 * (the slot) is "reachedAt:member", so Redis's own tie order (bytewise) puts whoever got there first ahead.
 */
export function placeOf(entry: BoardEntry): { slot: string; score: string; row: string } {
  const slot = `${String(entry.reachedAt).padStart(REACHED_AT_DIGITS, '0')}:${entry.member}`;
  const row: StoredRow = { name: entry.name, reachedAt: entry.reachedAt, slot };
  return { slot, score: String(scoreOf(entry)), row: JSON.stringify(row) };
}

export function scoreOf(entry: Pick<BoardEntry, 'completed' | 'minutes'>): number {
  return -(entry.completed * MINUTES_RANGE + Math.min(entry.minutes, MINUTES_RANGE - 1));
}

/** The member a slot places. */
export function memberOfSlot(slot: string): string {
  return slot.slice(REACHED_AT_DIGITS + 1);
}

/** A row as read back from its score and its hash entry. */
export function entryOf(member: string, score: number, stored: StoredRow | undefined): BoardEntry {
  const value = Math.abs(score); // scores are negated; a learner with nothing done is -0
  return {
    member: member as LearnerId,
    name: stored?.name ?? member,
    completed: Math.floor(value / MINUTES_RANGE),
    minutes: value % MINUTES_RANGE,
    reachedAt: stored?.reachedAt ?? 0,
  };
}

/** A hash entry as stored; one that is not a row (damaged) reads as none. */
export function parseRow(raw: string | null | undefined): StoredRow | undefined {
  if (raw === null || raw === undefined) return undefined;
  try {
    const row: unknown = JSON.parse(raw);
    return typeof row === 'object' && row !== null ? row : undefined;
  } catch {
    return undefined;
  }
}
