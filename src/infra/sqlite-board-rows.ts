import type Keyv from 'keyv';
import type { BoardEntry } from '../ports/store.js';
import type { BoardRows } from './cached-board-store.js';

type Query = (sql: string, ...parameters: unknown[]) => Promise<unknown>;

interface RowRecord {
  member: string;
  name: string;
  completed: number;
  minutes: number;
  reached_at: number;
  revision: number;
  removed: number;
}

/**
 * Board rows in their own SQLite table beside Keyv's, one row per member, through @keyv/sqlite's own
 * connection. Boards written by older versions (one JSON document per board in Keyv) move over on first read.
 */
export async function createSqliteBoardRows(query: Query, namespace: string, keyv: Keyv): Promise<BoardRows> {
  await query(`CREATE TABLE IF NOT EXISTS board_rows (
    namespace TEXT NOT NULL, board TEXT NOT NULL, member TEXT NOT NULL, name TEXT NOT NULL,
    completed INTEGER NOT NULL, minutes INTEGER NOT NULL, reached_at INTEGER NOT NULL,
    revision INTEGER NOT NULL, removed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (namespace, board, member)) WITHOUT ROWID`);
  const upsert = createRowWriter(query, namespace);
  const rows: BoardRows = {
    async load(board) {
      const loaded: { rows: BoardEntry[]; removed: [string, number][] } = { rows: [], removed: [] };
      // Page by page: the SQLite driver builds a whole result natively before handing it over, and a
      // channel of 100,000 learners read at once took over 100 MB that the process never gave back.
      for (let after = ''; ;) {
        const page = (await query(
          'SELECT member, name, completed, minutes, reached_at, revision, removed FROM board_rows WHERE namespace = ? AND board = ? AND member > ? ORDER BY member LIMIT ?',
          namespace,
          board,
          after,
          ROWS_PER_PAGE,
        )) as RowRecord[];
        for (const row of page) {
          if (row.removed) loaded.removed.push([row.member, row.revision]);
          else
            loaded.rows.push({
              member: row.member,
              name: row.name,
              completed: row.completed,
              minutes: row.minutes,
              reachedAt: row.reached_at,
              revision: row.revision,
            });
        }
        if (page.length < ROWS_PER_PAGE) break;
        after = page.at(-1)!.member;
      }
      return loaded.rows.length + loaded.removed.length === 0 ? importLegacyBoard(board) : loaded;
    },
    save: (board, entry) => upsert(board, { ...entry, removed: 0 }),
    saveRemoval: (board, member, revision) =>
      upsert(board, { member, name: '', completed: 0, minutes: 0, reachedAt: 0, revision, removed: 1 }),
    forget: (board, member) =>
      query('DELETE FROM board_rows WHERE namespace = ? AND board = ? AND member = ?', namespace, board, member).then(
        () => undefined,
      ),
  };

  async function importLegacyBoard(board: string): Promise<{ rows: BoardEntry[]; removed: [string, number][] }> {
    const legacy: unknown = await keyv.get(`board:${board}`);
    if (legacy === undefined) return { rows: [], removed: [] };
    const stored = Array.isArray(legacy)
      ? { rows: legacy as BoardEntry[], removed: {} }
      : (legacy as { rows?: BoardEntry[]; removed?: Record<string, number> });
    const entries = (stored.rows ?? []).map((row) => ({ ...row, revision: row.revision ?? 0 }));
    const removed = Object.entries(stored.removed ?? {});
    for (const entry of entries) await rows.save(board, entry);
    for (const [member, revision] of removed) await rows.saveRemoval(board, member, revision);
    await keyv.delete(`board:${board}`);
    return { rows: entries, removed };
  }

  return rows;
}

type Row = Omit<RowRecord, 'reached_at'> & { reachedAt: number };

/** Rows read per query when a board is loaded. */
const ROWS_PER_PAGE = 2_000;

/** Rows per statement, 9 parameters each: far below SQLite's limit on parameters. */
const ROWS_PER_STATEMENT = 100;

/**
 * Upserts rows, and resolves once they are written. Rows asked for in the same turn of the event loop go
 * out as one statement: a `done` writes the all-time and the week board together, and every statement is
 * a round trip to SQLite's thread that costs more than the row itself.
 */
function createRowWriter(query: Query, namespace: string): (board: string, row: Row) => Promise<void> {
  const queued: { board: string; row: Row; resolve: () => void; reject: (error: unknown) => void }[] = [];
  const flush = async () => {
    const batch = queued.splice(0, ROWS_PER_STATEMENT);
    if (queued.length > 0) setImmediate(() => void flush());
    try {
      await query(
        `INSERT INTO board_rows (namespace, board, member, name, completed, minutes, reached_at, revision, removed) VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (namespace, board, member) DO UPDATE SET name = excluded.name, completed = excluded.completed, minutes = excluded.minutes,
         reached_at = excluded.reached_at, revision = excluded.revision, removed = excluded.removed`,
        ...batch.flatMap(({ board, row }) => [
          namespace,
          board,
          row.member,
          row.name,
          row.completed,
          row.minutes,
          row.reachedAt,
          row.revision,
          row.removed,
        ]),
      );
      for (const { resolve } of batch) resolve();
    } catch (error) {
      for (const { reject } of batch) reject(error);
    }
  };
  return (board, row) =>
    new Promise<void>((resolve, reject) => {
      queued.push({ board, row, resolve, reject });
      if (queued.length === 1) setImmediate(() => void flush());
    });
}
