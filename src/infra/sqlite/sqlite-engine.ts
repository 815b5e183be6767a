import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Keyv from 'keyv';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { SetAsideRecord } from '../../ports/store.js';
import { asPlainRecord, clockedRecords, type PlainRecord } from '../clocked-records.js';
import { openSqliteFile } from '../open-sqlite-file.js';
import { assertValidRows, type StoreEngine } from '../store-engine.js';
import { keyvEntries } from './keyv-entries.js';
import { moveOlderData } from './move-older-data.js';
import { serialConnection } from './serial-connection.js';
import { SqliteBoards } from './sqlite-boards.js';
import { isEmptyCommit, runCommit } from './sqlite-commit.js';
import { sqliteClaims } from './sqlite-claims.js';
import { readCounts, recountSets } from './sqlite-counts.js';
import { SqliteRosters } from './sqlite-rosters.js';
import { scanBoards, scanCounts, scanRecords, scanRosters, scanSets } from './sqlite-scans.js';
import { createTables, deleteMeta, RECORD_TABLES } from './sqlite-tables.js';

export interface SqliteEngineOptions {
  file: string;
  namespace: string;
  logger: Logger;
  clock: Clock;
}

/** The SQLite engine, and what store:migrate reads beside it. */
export interface SqliteEngine extends StoreEngine {
  /** Every plain record (Keyv's), expired by the store's clock or not, each once. */
  plainRecords(): AsyncIterable<PlainRecord>;
}

/**
 * The sqlite:// engine: one file that this process alone holds (openSqliteFile's lock), one connection,
 * one queue for every statement on it. Records and their rows are in the engine's own tables, each
 * commit one transaction, and so are claims (one upsert per batch of keys); plain records are Keyv's, on
 * the same connection. Not shared, so a commit trusts the record it was decided on.
 */
export async function openSqliteEngine(options: SqliteEngineOptions): Promise<SqliteEngine> {
  const { file, namespace, logger, clock } = options;
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = await openSqliteFile(file);
  const connection = serialConnection(sqlite);
  const keyv = new Keyv({ store: sqlite, namespace, throwOnErrors: true });
  keyv.on('error', (error: unknown) => logger.error('sqlite store error', { error: String(error) }));
  let rebuildRows: boolean;
  try {
    await connection.hold(createTables);
    rebuildRows = await moveOlderData(connection, keyv, namespace);
  } catch (error) {
    await connection.close().catch(() => undefined); // and with it the file's lock
    throw error;
  }
  logger.info('store opened', { backend: 'sqlite', file });
  const { query } = connection;
  const boards = new SqliteBoards(connection, namespace);
  const rosters = new SqliteRosters(connection, namespace);
  return {
    backend: 'sqlite',
    shared: false,
    rebuildRows,
    async rowsRebuilt() {
      await deleteMeta(query, namespace, 'rebuild-rows');
    },
    async read(kind, key) {
      const sql = `SELECT text FROM ${RECORD_TABLES[kind]} WHERE namespace = ? AND key = ?`;
      return (await query<{ text: string }>(sql, namespace, key))[0]?.text;
    },
    async commit(commit) {
      assertValidRows(commit.rows);
      if (isEmptyCommit(commit)) return true;
      await connection.transaction((run) => runCommit(run, namespace, commit));
      boards.apply(commit.rows);
      rosters.apply(commit.rows);
      return true;
    },
    async members(set) {
      const sql = 'SELECT member FROM set_members WHERE namespace = ? AND set_key = ?';
      return (await query<{ member: string }>(sql, namespace, set)).map((row) => row.member);
    },
    top: (board, limit, member) => boards.top(board, limit, member),
    counts: (group) => readCounts(query, namespace, group),
    roster: (roster, offset, limit, order) => rosters.page(roster, offset, limit, order),
    async setAside(key) {
      const sql = 'SELECT entry FROM set_aside WHERE namespace = ? AND learner = ? ORDER BY seq';
      return (await query<{ entry: string }>(sql, namespace, key)).map(
        (row) => JSON.parse(row.entry) as SetAsideRecord,
      );
    },
    scanRecords: (kind) => scanRecords(query, namespace, kind),
    scanSets: () => scanSets(query, namespace),
    scanBoards: () => scanBoards(query, namespace),
    scanRosters: () => scanRosters(query, namespace),
    scanCounts: () => scanCounts(query, namespace),
    recount: (sets) => recountSets(connection, namespace, sets),
    async *plainRecords() {
      for await (const [key, value] of keyvEntries(keyv)) {
        const record = asPlainRecord(key, value);
        if (record) yield record;
      }
    },
    records: clockedRecords(keyv, clock),
    claims: sqliteClaims(query, namespace, clock, logger),
    async health() {
      try {
        await query('SELECT 1');
        return { ok: true, backend: 'sqlite' };
      } catch (error) {
        return { ok: false, backend: 'sqlite', detail: error instanceof Error ? error.message : String(error) };
      }
    },
    close: () => connection.close(),
  };
}
