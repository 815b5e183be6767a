import type { EngineCommit } from '../store-engine.js';
import type { Query } from './serial-connection.js';
import { RECORD_TABLES } from './sqlite-tables.js';

/**
 * Rows of one kind go in one statement, as one JSON array parameter read back with json_each: a statement
 * is a round trip to SQLite's thread (~80 µs, docs/PERFORMANCE.md), and one parameter per batch never
 * meets SQLite's limit on parameters (999 in older builds), however many rows a repair commits.
 */
const STATEMENTS = {
  addSets: `INSERT INTO set_members (namespace, set_key, member)
    SELECT ?, value ->> 0, value ->> 1 FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`,
  removeSets: `DELETE FROM set_members WHERE namespace = ?
    AND (set_key, member) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))`,
  putBoards: `INSERT INTO board_entries (namespace, board, member, name, completed, minutes, reached_at)
    SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?) WHERE true
    ON CONFLICT (namespace, board, member) DO UPDATE SET name = excluded.name, completed = excluded.completed,
    minutes = excluded.minutes, reached_at = excluded.reached_at`,
  removeBoards: `DELETE FROM board_entries WHERE namespace = ?
    AND (board, member) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))`,
  putRosters: `INSERT INTO roster_entries (namespace, roster, member, sort_key)
    SELECT ?, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true
    ON CONFLICT (namespace, roster, member) DO UPDATE SET sort_key = excluded.sort_key`,
  removeRosters: `DELETE FROM roster_entries WHERE namespace = ?
    AND (roster, member) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))`,
  // The next entry gets the next number; then all but the last `keep` go.
  appendSetAside: `INSERT INTO set_aside (namespace, learner, seq, entry)
    SELECT ?1, ?2, COALESCE(MAX(seq), 0) + 1, ?3 FROM set_aside WHERE namespace = ?1 AND learner = ?2`,
  trimSetAside: `DELETE FROM set_aside WHERE namespace = ?1 AND learner = ?2
    AND seq <= (SELECT MAX(seq) FROM set_aside WHERE namespace = ?1 AND learner = ?2) - ?3`,
  deleteSetAside: 'DELETE FROM set_aside WHERE namespace = ? AND learner = ?',
};

/**
 * The statements of one commit, run in order inside its transaction (the caller holds it): the record,
 * what is set aside, then the rows, in the memory engine's order. `expected` is not checked: the process
 * owns the file, so what it last read is what is stored.
 */
export async function runCommit(
  query: Query,
  namespace: string,
  { record, rows, setAside }: EngineCommit,
): Promise<void> {
  if (record) {
    const table = RECORD_TABLES[record.kind];
    if (record.next === undefined) {
      await query(`DELETE FROM ${table} WHERE namespace = ? AND key = ?`, namespace, record.key);
      if (record.kind === 'learner') await query(STATEMENTS.deleteSetAside, namespace, record.key);
    } else if (record.next !== record.expected) {
      await query(
        `INSERT INTO ${table} (namespace, key, text) VALUES (?, ?, ?) ON CONFLICT (namespace, key) DO UPDATE SET text = excluded.text`,
        namespace,
        record.key,
        record.next,
      );
    }
    if (setAside && record.kind === 'learner') {
      await query(STATEMENTS.appendSetAside, namespace, record.key, JSON.stringify(setAside.entry));
      await query(STATEMENTS.trimSetAside, namespace, record.key, setAside.keep);
    }
  }
  const batch = async (sql: string, values: unknown[][]) => {
    if (values.length > 0) await query(sql, namespace, JSON.stringify(values));
  };
  await batch(
    STATEMENTS.removeSets,
    rows.removeSets.map(({ set, member }) => [set, member]),
  );
  await batch(
    STATEMENTS.addSets,
    rows.addSets.map(({ set, member }) => [set, member]),
  );
  await batch(
    STATEMENTS.removeBoards,
    rows.removeBoards.map(({ board, member }) => [board, member]),
  );
  await batch(
    STATEMENTS.putBoards,
    rows.putBoards.map(({ board, entry }) => [
      board,
      entry.member,
      entry.name,
      entry.completed,
      entry.minutes,
      entry.reachedAt,
    ]),
  );
  await batch(
    STATEMENTS.removeRosters,
    rows.removeRosters.map(({ roster, member }) => [roster, member]),
  );
  await batch(
    STATEMENTS.putRosters,
    rows.putRosters.map(({ roster, member, key }) => [roster, member, key]),
  );
}

/** True when a commit would change nothing at all. */
export function isEmptyCommit({ record, rows, setAside }: EngineCommit): boolean {
  const noRows = Object.values(rows).every((list: unknown[]) => list.length === 0);
  return noRows && !setAside && (!record || (record.next !== undefined && record.next === record.expected));
}
