import type { BoardRow, RecordKind, RosterRow, SetCount, SetRow } from '../store-engine.js';
import type { Query } from './serial-connection.js';
import { entryFromRow, ROWS_PER_PAGE } from './sqlite-boards.js';
import { RECORD_TABLES } from './sqlite-tables.js';

/**
 * Every row of a table in key order, a page per statement (each in its turn in the queue, so commits may
 * come between pages, as on Redis; store:check checks each fix against the record it read).
 */
async function* pages<Row>(read: (after: Row | undefined) => Promise<Row[]>): AsyncGenerator<Row, void, undefined> {
  for (let after: Row | undefined; ;) {
    const page = await read(after);
    yield* page;
    if (page.length < ROWS_PER_PAGE) return;
    after = page.at(-1);
  }
}

export async function* scanRecords(
  query: Query,
  namespace: string,
  kind: RecordKind,
): AsyncGenerator<[key: string, text: string]> {
  const sql = `SELECT key, text FROM ${RECORD_TABLES[kind]} WHERE namespace = ? AND key > ? ORDER BY key LIMIT ?`;
  const rows = pages<{ key: string; text: string }>((after) => query(sql, namespace, after?.key ?? '', ROWS_PER_PAGE));
  for await (const { key, text } of rows) yield [key, text];
}

export async function* scanSets(query: Query, namespace: string): AsyncGenerator<SetRow> {
  const sql =
    'SELECT set_key, member FROM set_members WHERE namespace = ? AND (set_key, member) > (?, ?) ORDER BY set_key, member LIMIT ?';
  const rows = pages<{ set_key: string; member: string }>((after) =>
    query(sql, namespace, after?.set_key ?? '', after?.member ?? '', ROWS_PER_PAGE),
  );
  for await (const row of rows) yield { set: row.set_key, member: row.member };
}

export async function* scanBoards(query: Query, namespace: string): AsyncGenerator<BoardRow> {
  const sql = `SELECT board, member, name, completed, minutes, reached_at FROM board_entries
    WHERE namespace = ? AND (board, member) > (?, ?) ORDER BY board, member LIMIT ?`;
  const rows = pages<Parameters<typeof entryFromRow>[0] & { board: string }>((after) =>
    query(sql, namespace, after?.board ?? '', after?.member ?? '', ROWS_PER_PAGE),
  );
  for await (const row of rows) yield { board: row.board, entry: entryFromRow(row) };
}

export async function* scanRosters(query: Query, namespace: string): AsyncGenerator<RosterRow> {
  const sql = `SELECT roster, member, sort_key FROM roster_entries
    WHERE namespace = ? AND (roster, member) > (?, ?) ORDER BY roster, member LIMIT ?`;
  const rows = pages<{ roster: string; member: string; sort_key: string }>((after) =>
    query(sql, namespace, after?.roster ?? '', after?.member ?? '', ROWS_PER_PAGE),
  );
  for await (const row of rows) yield { roster: row.roster, member: row.member, key: row.sort_key };
}

export async function* scanCounts(query: Query, namespace: string): AsyncGenerator<SetCount> {
  const sql = 'SELECT set_key, count FROM set_counts WHERE namespace = ? AND set_key > ? ORDER BY set_key LIMIT ?';
  const rows = pages<{ set_key: string; count: number }>((after) =>
    query(sql, namespace, after?.set_key ?? '', ROWS_PER_PAGE),
  );
  for await (const row of rows) yield { set: row.set_key, count: row.count };
}
