import type Keyv from 'keyv';
import type { BoardEntry, BoardPage, LeaderboardStore } from '../ports/store.js';
import type { KeyedMutex } from './keyed-mutex.js';
import { compareEntries, pageOf } from './rank-entries.js';

/**
 * Leaderboards over Keyv: one sorted array per board. The embedded store serves one process,
 * so boards are cached in memory after the first read and written through on every change.
 */
export class KeyvBoardStore implements LeaderboardStore {
  private readonly cache = new Map<string, BoardEntry[]>();

  constructor(
    private readonly keyv: Keyv,
    private readonly mutex: KeyedMutex,
  ) {}

  put(board: string, entry: BoardEntry): Promise<void> {
    return this.change(board, (entries) => [...entries.filter((candidate) => candidate.member !== entry.member), entry]);
  }

  remove(board: string, member: string): Promise<void> {
    return this.change(board, (entries) => entries.filter((candidate) => candidate.member !== member));
  }

  async top(board: string, limit: number, member?: string): Promise<BoardPage> {
    return pageOf(await this.load(board), limit, member);
  }

  private async load(board: string): Promise<BoardEntry[]> {
    const cached = this.cache.get(board);
    if (cached) return cached;
    const stored: unknown = await this.keyv.get(boardKey(board));
    const entries = Array.isArray(stored) ? (stored as BoardEntry[]).sort(compareEntries) : [];
    this.cache.set(board, entries);
    return entries;
  }

  private change(board: string, edit: (entries: BoardEntry[]) => BoardEntry[]): Promise<void> {
    return this.mutex.run(boardKey(board), async () => {
      const next = edit(await this.load(board)).sort(compareEntries);
      if (next.length === 0) await this.keyv.delete(boardKey(board));
      else if ((await this.keyv.set(boardKey(board), next)) === false) throw new Error(`store refused to save board ${board}`);
      this.cache.set(board, next);
    });
  }
}

const boardKey = (board: string) => `board:${board}`;
