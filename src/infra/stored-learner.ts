import { learnerRecordSchema, newLearnerRecord, type LearnerRecord } from '../model/learner.js';
import type { Logger } from '../ports/logger.js';
import type { SetAsideRecord } from '../ports/store.js';

/** How many set-aside records of one learner are kept; an older one goes when a newer one comes. */
export const SET_ASIDE_KEPT = 5;
/** Issue paths logged per record: enough to find the bug, short enough for one log line. */
const ISSUES_KEPT = 10;

/** A stored learner record as read: valid, or to be set aside and replaced by a fresh one. */
export type StoredLearner =
  { valid: true; record: LearnerRecord } | { valid: false; setAside: SetAsideRecord; fresh: LearnerRecord };

/** The one reading of a stored learner record, shared by every backend. */
export function readStoredLearner(raw: unknown, now: number): StoredLearner {
  const parsed = learnerRecordSchema.safeParse(raw);
  if (parsed.success) return { valid: true, record: parsed.data };
  const issues = [...new Set(parsed.error.issues.map((issue) => issue.path.map(String).join('.') || '(record)'))];
  return {
    valid: false,
    setAside: { at: now, issues: issues.slice(0, ISSUES_KEPT), raw },
    fresh: freshRecord(raw, now),
  };
}

/** Stored text as the value it holds; text that is not JSON stays text (and fails validation as such). */
export function parseStoredText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Logged once per record set aside, by the store that set it aside: the key and where it broke, never its content. */
export function logSetAside(logger: Logger, key: string, setAside: SetAsideRecord): void {
  logger.warn('learner record set aside: failed validation', { learner: key, issues: setAside.issues });
}

/**
 * A fresh record in place of one that cannot be read. It keeps the leaderboards the learner was on, so
 * `forget` still finds their rows, and a higher revision than the old one, so boards take its rows as newer.
 */
function freshRecord(raw: unknown, now: number): LearnerRecord {
  const stored = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { name, boards, rev } = learnerRecordSchema.shape;
  const record = newLearnerRecord(name.safeParse(stored.name).data ?? '', now);
  record.boards = boards.safeParse(stored.boards).data ?? [];
  record.rev = (rev.safeParse(stored.rev).data ?? 0) + 1;
  record.setAside = { at: now, told: false };
  return record;
}
