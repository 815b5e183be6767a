import KeyvSqlite from '@keyv/sqlite';
import { StartUpError } from '../ops/start-up-error.js';

/**
 * How long opening waits for a lock another connection holds. A process that owns the file holds it
 * for good, so waiting longer only delays the refusal; this covers another process's brief open steps.
 */
const OPEN_BUSY_TIMEOUT_MS = 500;
/** Keys per page of Keyv's iterator (it pages by OFFSET; its default of 10 made a large file's pass quadratic). */
const KEYS_PER_PAGE = 1_000;

/**
 * Opens an SQLite file for this process alone, on one connection (every query of the process goes
 * through it). The lock is SQLite's own (`locking_mode=EXCLUSIVE`), taken here by a write transaction
 * and held until the connection closes; the OS drops it when the process dies, so a crash never leaves
 * the file locked. Two processes on one file each kept their own cache and lost acknowledged writes.
 */
export async function openSqliteFile(file: string): Promise<KeyvSqlite> {
  const sqlite = new KeyvSqlite({
    uri: `sqlite://${file}`,
    busyTimeout: OPEN_BUSY_TIMEOUT_MS,
    iterationLimit: KEYS_PER_PAGE,
  });
  try {
    await sqlite.query('PRAGMA locking_mode=EXCLUSIVE');
    // WAL is ~5x faster here for our write pattern (FIELD-NOTES).
    await sqlite.query('PRAGMA journal_mode=WAL');
    await sqlite.query('PRAGMA synchronous=NORMAL');
    // In exclusive mode the lock is taken at the first write and kept: take it now, not at the first command.
    await sqlite.query('BEGIN IMMEDIATE');
    await sqlite.query('COMMIT');
  } catch (error) {
    await sqlite.disconnect().catch(() => undefined);
    if (isBusy(error)) throw new StartUpError(inUseMessage(file), { cause: error });
    throw error;
  }
  return sqlite;
}

/** What a second process on the file is told. */
export function inUseMessage(file: string): string {
  return (
    `${file} is in use by another pathbot process. Stop it first; to run several instances, ` +
    'share a Redis store (STORE_URL=redis://…, see docs/DEPLOY.md).'
  );
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_BUSY';
}
