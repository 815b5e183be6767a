import type { RecordKind } from '../store-engine.js';
import { COUNTED_SET_PREFIX as COUNTED_PREFIX } from '../../model/index-set.js';
import type { Query } from './serial-connection.js';

/**
 * The version of the tables below; absent in a file an older version wrote (its data moves over on open).
 * 2: counted sets and rosters (the dashboard's aggregates), derived from the records when a file of 1 opens.
 */
export const SCHEMA_VERSION = 2;

/** Each kind of record in a table of its own. */
export const RECORD_TABLES: Record<RecordKind, string> = { learner: 'learner_records', digest: 'digest_records' };

/**
 * The engine's own tables beside Keyv's, every row under a namespace. `set_members` is the table older
 * versions kept their sets in (same shape, same set names); `board_entries` replaces their `board_rows`.
 */
const TABLES = [
  `CREATE TABLE IF NOT EXISTS store_meta (
    namespace TEXT NOT NULL, name TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (namespace, name)) WITHOUT ROWID`,
  ...Object.values(RECORD_TABLES).map(
    (table) => `CREATE TABLE IF NOT EXISTS ${table} (
    namespace TEXT NOT NULL, key TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (namespace, key)) WITHOUT ROWID`,
  ),
  `CREATE TABLE IF NOT EXISTS set_aside (
    namespace TEXT NOT NULL, learner TEXT NOT NULL, seq INTEGER NOT NULL, entry TEXT NOT NULL,
    PRIMARY KEY (namespace, learner, seq)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS set_members (
    namespace TEXT NOT NULL, set_key TEXT NOT NULL, member TEXT NOT NULL,
    PRIMARY KEY (namespace, set_key, member)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS board_entries (
    namespace TEXT NOT NULL, board TEXT NOT NULL, member TEXT NOT NULL, name TEXT NOT NULL,
    completed INTEGER NOT NULL, minutes INTEGER NOT NULL, reached_at INTEGER NOT NULL,
    PRIMARY KEY (namespace, board, member)) WITHOUT ROWID`,
  `CREATE TABLE IF NOT EXISTS roster_entries (
    namespace TEXT NOT NULL, roster TEXT NOT NULL, member TEXT NOT NULL, sort_key TEXT NOT NULL,
    PRIMARY KEY (namespace, roster, member)) WITHOUT ROWID`,
  // The size of each counted set, kept by triggers on the rows a statement really inserts or deletes (an
  // insert that meets an existing row does nothing), inside the commit's own transaction.
  `CREATE TABLE IF NOT EXISTS set_counts (
    namespace TEXT NOT NULL, set_key TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY (namespace, set_key)) WITHOUT ROWID`,
  `CREATE TRIGGER IF NOT EXISTS set_members_counted_in AFTER INSERT ON set_members
    WHEN substr(NEW.set_key, 1, ${COUNTED_PREFIX.length}) = '${COUNTED_PREFIX}'
    BEGIN
      INSERT INTO set_counts (namespace, set_key, count) VALUES (NEW.namespace, NEW.set_key, 1)
      ON CONFLICT (namespace, set_key) DO UPDATE SET count = count + 1;
    END`,
  `CREATE TRIGGER IF NOT EXISTS set_members_counted_out AFTER DELETE ON set_members
    WHEN substr(OLD.set_key, 1, ${COUNTED_PREFIX.length}) = '${COUNTED_PREFIX}'
    BEGIN
      UPDATE set_counts SET count = count - 1 WHERE namespace = OLD.namespace AND set_key = OLD.set_key;
      DELETE FROM set_counts WHERE namespace = OLD.namespace AND set_key = OLD.set_key AND count <= 0;
    END`,
  // Claims: a file of an earlier schema without the table gets it, empty, on open (no rebuild needed).
  `CREATE TABLE IF NOT EXISTS claims (
    namespace TEXT NOT NULL, key TEXT NOT NULL, owner TEXT NOT NULL, until INTEGER NOT NULL,
    PRIMARY KEY (namespace, key)) WITHOUT ROWID`,
  'CREATE INDEX IF NOT EXISTS claims_until ON claims (namespace, until)',
];

/** Creates the tables that are not there yet. */
export async function createTables(query: Query): Promise<void> {
  for (const sql of TABLES) await query(sql);
}

/** Names in `store_meta`. */
export type MetaName = 'schema' | 'rebuild-rows';

export async function readMeta(query: Query, namespace: string, name: MetaName): Promise<string | undefined> {
  const rows = await query<{ value: string }>(
    'SELECT value FROM store_meta WHERE namespace = ? AND name = ?',
    namespace,
    name,
  );
  return rows[0]?.value;
}

export async function writeMeta(query: Query, namespace: string, name: MetaName, value: string): Promise<void> {
  await query(
    'INSERT INTO store_meta (namespace, name, value) VALUES (?, ?, ?) ON CONFLICT (namespace, name) DO UPDATE SET value = excluded.value',
    namespace,
    name,
    value,
  );
}

export async function deleteMeta(query: Query, namespace: string, name: MetaName): Promise<void> {
  await query('DELETE FROM store_meta WHERE namespace = ? AND name = ?', namespace, name);
}
