import type Keyv from 'keyv';
import { StartUpError } from '../../ops/start-up-error.js';
import { keyvEntries } from './keyv-entries.js';
import type { Query, SerialConnection } from './serial-connection.js';
import { readMeta, SCHEMA_VERSION, writeMeta } from './sqlite-tables.js';

/** Keyv keys under which older versions kept what now has a table, and where it goes. */
const MOVED = { learner: 'learner:', setAside: 'set-aside:', digest: 'record:digest:' } as const;
/** Keyv keys of older versions that are only deleted: their sets and boards are rebuilt from the records. */
const DROPPED = ['due:', 'digest-due:', 'workspace:', 'board:'];
/** Entries per INSERT while moving (one JSON parameter each: a bound on memory, not on parameters). */
const MOVED_PER_STATEMENT = 500;
const INSERTS = {
  learner: `INSERT INTO learner_records (namespace, key, text)
    SELECT ?, value ->> 0, value ->> 1 FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`,
  digest: `INSERT INTO digest_records (namespace, key, text)
    SELECT ?, value ->> 0, value ->> 1 FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`,
  setAside: `INSERT INTO set_aside (namespace, learner, seq, entry)
    SELECT ?, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`,
};

/**
 * Brings a file up to this version, once per namespace: a file an older version wrote (no schema version)
 * kept learner records, set-aside lists and digest settings in Keyv, its sets partly in Keyv, its board rows
 * in `board_rows`. Those records move into the tables (found with Keyv's iterator, deleted from Keyv once
 * moved; rerun safely if interrupted), the old sets and boards are deleted, and the rows are marked to be
 * rebuilt from the records. The mark stays until `rowsRebuilt`, so a start cut short rebuilds them again.
 * Returns whether the rows are to be rebuilt.
 */
export async function moveOlderData(connection: SerialConnection, keyv: Keyv, namespace: string): Promise<boolean> {
  const version = await readMeta(connection.query, namespace, 'schema');
  if (version === undefined) {
    await moveRecords(connection.query, keyv, namespace);
    await connection.transaction(async (query) => {
      const oldBoards = await query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'board_rows'");
      await query('DROP TABLE IF EXISTS board_rows');
      if (oldBoards.length > 0 || (await holdsRows(query, namespace)))
        await writeMeta(query, namespace, 'rebuild-rows', String(SCHEMA_VERSION));
      await writeMeta(query, namespace, 'schema', String(SCHEMA_VERSION));
    });
  } else if (Number(version) < SCHEMA_VERSION) {
    // Same tables, fewer derived rows: the new ones (counted sets, rosters) are derived from the records.
    await connection.transaction(async (query) => {
      await writeMeta(query, namespace, 'rebuild-rows', String(SCHEMA_VERSION));
      await writeMeta(query, namespace, 'schema', String(SCHEMA_VERSION));
    });
  } else if (Number(version) > SCHEMA_VERSION) {
    throw new StartUpError(
      `the store was written by a newer pathbot (store schema ${version}; this one knows ${SCHEMA_VERSION}): run that version, or restore a backup`,
    );
  }
  return (await readMeta(connection.query, namespace, 'rebuild-rows')) !== undefined;
}

/** Moves what an older version kept in Keyv into the tables, then deletes it from Keyv. */
async function moveRecords(query: Query, keyv: Keyv, namespace: string): Promise<void> {
  const batches = { learner: [] as unknown[][], digest: [] as unknown[][], setAside: [] as unknown[][] };
  const flush = async (least: number) => {
    for (const kind of ['learner', 'digest', 'setAside'] as const) {
      const batch = batches[kind];
      if (batch.length > 0 && batch.length >= least)
        await query(INSERTS[kind], namespace, JSON.stringify(batch.splice(0)));
    }
  };
  const taken: string[] = [];
  for await (const [key, value] of keyvEntries(keyv)) {
    if (key.startsWith(MOVED.learner)) batches.learner.push([key.slice(MOVED.learner.length), asText(value)]);
    else if (key.startsWith(MOVED.digest)) batches.digest.push([key.slice(MOVED.digest.length), asText(value)]);
    else if (key.startsWith(MOVED.setAside)) {
      const learner = key.slice(MOVED.setAside.length);
      const entries = Array.isArray(value) ? (value as unknown[]) : [];
      entries.forEach((entry, index) => batches.setAside.push([learner, index + 1, asText(entry)]));
    } else if (!DROPPED.some((prefix) => key.startsWith(prefix))) continue;
    taken.push(key);
    await flush(MOVED_PER_STATEMENT);
  }
  await flush(0);
  // Deleted only once moved: an interrupted start moves what is left the next time.
  for (let start = 0; start < taken.length; start += MOVED_PER_STATEMENT)
    await keyv.deleteMany(taken.slice(start, start + MOVED_PER_STATEMENT));
}

/** Stored text of a value Keyv read (a record that is not JSON any more still moves, to be set aside). */
function asText(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** Whether any record or set row of the namespace is there (moved now, or by a start that was cut short). */
async function holdsRows(query: Query, namespace: string): Promise<boolean> {
  for (const table of ['learner_records', 'digest_records', 'set_members']) {
    const rows = await query(`SELECT 1 FROM ${table} WHERE namespace = ? LIMIT 1`, namespace);
    if (rows.length > 0) return true;
  }
  return false;
}
