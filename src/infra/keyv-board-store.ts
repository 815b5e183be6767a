import type Keyv from 'keyv';
import type { BoardEntry, BoardPage, LeaderboardStore } from '../ports/store.js';
import type { KeyedMutex } from './keyed-mutex.js';
import { compareEntries, pageOf } from './rank-entries.js';

/** A board as stored: its sorted rows, and the revision at which members left it (so a late write can't bring them back). */
interface StoredBoard {
  rows: BoardEntry[];
  removed: Record<string, number>;
}

/**
 * Leaderboards over Keyv: one sorted document per board. The embedded store serves one process,
 * so boards are cached in memory after the first read and written through on every change.
 */
export class KeyvBoardStore implements LeaderboardStore {
  private readonly cache = new Map<string, StoredBoard>();

  constructor(
    private readonly keyv: Keyv,
    private readonly mutex: KeyedMutex,
  ) {}

  put(board: string, entry: BoardEntry): Promise<void> {
    return this.change(board, (stored) => {
      if (isStale(stored, entry.member, entry.revision)) return false;
      delete stored.removed[entry.member];
      stored.rows = insertSorted(withoutMember(stored.rows, entry.member), entry);
      return true;
    });
  }

  remove(board: string, member: string, revision?: number): Promise<void> {
    return this.change(board, (stored) => {
      if (revision !== undefined && isStale(stored, member, revision)) return false;
      stored.rows = withoutMember(stored.rows, member);
      if (revision === undefined) delete stored.removed[member];
      else stored.removed[member] = revision;
      return true;
    });
  }

  async top(board: string, limit: number, member?: string): Promise<BoardPage> {
    return pageOf((await this.load(board)).rows, limit, member);
  }

  private async load(board: string): Promise<StoredBoard> {
    const cached = this.cache.get(board);
    if (cached) return cached;
    const stored = parseBoard(await this.keyv.get(boardKey(board)));
    this.cache.set(board, stored);
    return stored;
  }

  /** Edits a copy and writes it through; the cache only ever holds what the store accepted. */
  private change(board: string, edit: (stored: StoredBoard) => boolean): Promise<void> {
    return this.mutex.run(boardKey(board), async () => {
      const current = await this.load(board);
      const next: StoredBoard = { rows: current.rows, removed: { ...current.removed } };
      if (!edit(next)) return;
      if (next.rows.length === 0 && Object.keys(next.removed).length === 0) await this.keyv.delete(boardKey(board));
      else if ((await this.keyv.set(boardKey(board), next)) === false) throw new Error(`store refused to save board ${board}`);
      this.cache.set(board, next);
    });
  }
}

const boardKey = (board: string) => `board:${board}`;

function isStale(stored: StoredBoard, member: string, revision: number): boolean {
  const known = stored.removed[member] ?? stored.rows.find((row) => row.member === member)?.revision;
  return known !== undefined && known > revision;
}

function withoutMember(rows: BoardEntry[], member: string): BoardEntry[] {
  const index = rows.findIndex((row) => row.member === member);
  return index < 0 ? rows : [...rows.slice(0, index), ...rows.slice(index + 1)];
}

/** Binary insertion keeps a board sorted in O(log n) comparisons instead of re-sorting it. */
function insertSorted(rows: BoardEntry[], entry: BoardEntry): BoardEntry[] {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareEntries(rows[middle]!, entry) < 0) low = middle + 1;
    else high = middle;
  }
  return [...rows.slice(0, low), entry, ...rows.slice(low)];
}

/** Boards written before revisions existed were bare arrays; their rows count as revision 0. */
function parseBoard(value: unknown): StoredBoard {
  if (Array.isArray(value)) return { rows: (value as BoardEntry[]).map((row) => ({ ...row, revision: row.revision ?? 0 })).sort(compareEntries), removed: {} };
  if (value && typeof value === 'object' && Array.isArray((value as StoredBoard).rows)) {
    const stored = value as StoredBoard;
    return { rows: [...stored.rows].sort(compareEntries), removed: { ...(stored.removed ?? {}) } };
  }
  return { rows: [], removed: {} };
}
