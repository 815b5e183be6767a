import type Keyv from 'keyv';
import type { SetIndex } from './set-index.js';

type Query = (sql: string, ...parameters: unknown[]) => Promise<unknown>;

/** Key prefixes of the sets older versions kept as one Keyv value each (see create-keyv-store.ts and keyv-learner-store.ts). */
const LEGACY_SET_PREFIXES = ['due:', 'digest-due:', 'workspace:'];
/** Rows per INSERT when moving a legacy set over (3 parameters each, well under SQLite's limit). */
const ROWS_PER_INSERT = 300;

/**
 * Sets in their own SQLite table beside Keyv's, one row per member, through @keyv/sqlite's own connection.
 * Sets written by older versions (one JSON array per set in Keyv) move over once, when the store opens.
 */
export async function createSqliteSetIndex(query: Query, namespace: string, keyv: Keyv): Promise<SetIndex> {
  await query(`CREATE TABLE IF NOT EXISTS set_members (
    namespace TEXT NOT NULL, set_key TEXT NOT NULL, member TEXT NOT NULL,
    PRIMARY KEY (namespace, set_key, member)) WITHOUT ROWID`);
  const index: SetIndex = {
    async members(key) {
      const rows = (await query(
        'SELECT member FROM set_members WHERE namespace = ? AND set_key = ?',
        namespace,
        key,
      )) as { member: string }[];
      return rows.map((row) => row.member);
    },
    add: (key, member) =>
      query(
        'INSERT OR IGNORE INTO set_members (namespace, set_key, member) VALUES (?, ?, ?)',
        namespace,
        key,
        member,
      ).then(() => undefined),
    remove: (key, member) =>
      query('DELETE FROM set_members WHERE namespace = ? AND set_key = ? AND member = ?', namespace, key, member).then(
        () => undefined,
      ),
  };
  await importLegacySets(query, namespace, keyv);
  return index;
}

async function importLegacySets(query: Query, namespace: string, keyv: Keyv): Promise<void> {
  const patterns = LEGACY_SET_PREFIXES.map((prefix) => `${namespace}:${prefix}%`);
  const rows = (await query(
    `SELECT key FROM keyv WHERE ${patterns.map(() => 'key LIKE ?').join(' OR ')}`,
    ...patterns,
  )) as { key: string }[];
  for (const { key: stored } of rows) {
    const key = stored.slice(namespace.length + 1);
    const value: unknown = await keyv.get(key);
    const members = Array.isArray(value) ? value.filter((member): member is string => typeof member === 'string') : [];
    for (let start = 0; start < members.length; start += ROWS_PER_INSERT) {
      const chunk = members.slice(start, start + ROWS_PER_INSERT);
      await query(
        `INSERT OR IGNORE INTO set_members (namespace, set_key, member) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
        ...chunk.flatMap((member) => [namespace, key, member]),
      );
    }
    // Deleted only once every member is in the table: an interrupted import runs again at the next start.
    await keyv.delete(key);
  }
}
