import type { LearnerId } from '../../model/learner-id.js';
import type { BoardEntry, BoardPage } from '../../ports/store.js';
import { RankedBoard } from '../ranked-board.js';
import type { RowChanges } from '../store-engine.js';
import type { SerialConnection } from './serial-connection.js';

/**
 * Rows read per query when a board is loaded: the SQLite driver builds a whole result natively before
 * handing it over, and a channel of 100,000 learners read at once took over 100 MB that the process
 * never gave back.
 */
export const ROWS_PER_PAGE = 2_000;

interface EntryRow {
  member: string;
  name: string;
  completed: number;
  minutes: number;
  reached_at: number;
}

/**
 * The boards, each ranked in memory once it is first asked for, so a page costs O(limit + log n). A board
 * is loaded holding the connection's queue (all its pages at once), so no commit lands between two pages;
 * after that every commit that succeeded is applied to it. A failed commit changes nothing here.
 */
export class SqliteBoards {
  private readonly loaded = new Map<string, RankedBoard>();
  private readonly loading = new Map<string, Promise<RankedBoard>>();

  constructor(
    private readonly connection: SerialConnection,
    private readonly namespace: string,
  ) {}

  async top(board: string, limit: number, member?: string): Promise<BoardPage> {
    return (this.loaded.get(board) ?? (await this.load(board))).page(limit, member);
  }

  /** What a committed change did to the boards already in memory (the others read it when they load). */
  apply(rows: RowChanges): void {
    for (const { board, member } of rows.removeBoards) this.loaded.get(board)?.remove(member);
    for (const { board, entry } of rows.putBoards) this.loaded.get(board)?.put(entryOf(entry));
  }

  private load(board: string): Promise<RankedBoard> {
    let loading = this.loading.get(board);
    if (!loading) {
      loading = this.connection.hold(async (query) => {
        const entries: BoardEntry[] = [];
        for (let after = ''; ;) {
          const page = await query<EntryRow>(
            'SELECT member, name, completed, minutes, reached_at FROM board_entries WHERE namespace = ? AND board = ? AND member > ? ORDER BY member LIMIT ?',
            this.namespace,
            board,
            after,
            ROWS_PER_PAGE,
          );
          entries.push(...page.map(entryFromRow));
          if (page.length < ROWS_PER_PAGE) break;
          after = page.at(-1)!.member;
        }
        const ranked = new RankedBoard(entries);
        this.loaded.set(board, ranked);
        return ranked;
      });
      const forget = () => this.loading.delete(board);
      loading.then(forget, forget);
      this.loading.set(board, loading);
    }
    return loading;
  }
}

/** A row as a board entry. */
export function entryFromRow(row: EntryRow): BoardEntry {
  return {
    member: row.member as LearnerId,
    name: row.name,
    completed: row.completed,
    minutes: row.minutes,
    reachedAt: row.reached_at,
  };
}

/** The entry's own fields, as a reload would read them. */
function entryOf({ member, name, completed, minutes, reachedAt }: BoardEntry): BoardEntry {
  return { member, name, completed, minutes, reachedAt };
}
