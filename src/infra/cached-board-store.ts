import type { BoardEntry, BoardPage, LeaderboardStore } from '../ports/store.js';
import type { KeyedMutex } from './keyed-mutex.js';
import { RankedBoard } from './ranked-board.js';

/** Where an embedded store keeps board rows between runs; the ranking itself is rebuilt in memory on first use. */
export interface BoardRows {
  load(board: string): Promise<{ rows: BoardEntry[]; removed: [member: string, revision: number][] }>;
  save(board: string, entry: BoardEntry): Promise<void>;
  saveRemoval(board: string, member: string, revision: number): Promise<void>;
  forget(board: string, member: string): Promise<void>;
}

/** Nothing kept between runs (the memory:// store). */
export const unsavedBoardRows: BoardRows = {
  load: async () => ({ rows: [], removed: [] }),
  save: async () => undefined,
  saveRemoval: async () => undefined,
  forget: async () => undefined,
};

/**
 * Leaderboards for one process (memory and SQLite): each board is ranked in memory and written through row
 * by row, so a change costs one small write and a page O(limit + log n) however large the channel.
 */
export class CachedBoardStore implements LeaderboardStore {
  private readonly boards = new Map<string, Promise<RankedBoard>>();

  constructor(
    private readonly saved: BoardRows,
    private readonly mutex: KeyedMutex,
  ) {}

  put(board: string, entry: BoardEntry): Promise<void> {
    return this.mutex.run(`board:${board}`, async () => {
      const ranked = await this.load(board);
      if (ranked.isStale(entry.member, entry.revision)) return;
      await this.saved.save(board, entry);
      ranked.put(entry);
    });
  }

  remove(board: string, member: string, revision?: number): Promise<void> {
    return this.mutex.run(`board:${board}`, async () => {
      const ranked = await this.load(board);
      if (revision === undefined) await this.saved.forget(board, member);
      else if (ranked.isStale(member, revision)) return;
      // Only a row on the board needs a lasting mark; for anyone else the revision is remembered in memory,
      // against late writes in this process (a week board would otherwise store a row per learner who did nothing).
      else if (ranked.has(member)) await this.saved.saveRemoval(board, member, revision);
      ranked.remove(member, revision);
    });
  }

  async top(board: string, limit: number, member?: string): Promise<BoardPage> {
    return (await this.load(board)).page(limit, member);
  }

  private load(board: string): Promise<RankedBoard> {
    let loading = this.boards.get(board);
    if (!loading) {
      loading = this.saved.load(board).then(({ rows, removed }) => new RankedBoard(rows, removed));
      loading.catch(() => this.boards.delete(board));
      this.boards.set(board, loading);
    }
    return loading;
  }
}
