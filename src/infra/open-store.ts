import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { systemClock, type Clock } from '../ports/clock.js';
import { StartUpError } from '../ops/start-up-error.js';
import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/store.js';
import { createKeyvStore } from './create-keyv-store.js';
import { DEFAULT_STORE_TIMEOUT_MS, guardStore } from './guard-store.js';
import { openRedisStore } from './redis-store.js';
import { createSqliteBoardRows } from './sqlite-board-rows.js';
import { createSqliteSetIndex } from './sqlite-set-index.js';

const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export interface OpenStoreOptions {
  /** "Now" for claim expiry in the embedded stores (Redis uses its own clock, shared by every instance). */
  clock?: Clock;
  /** Prefix of every key, so several bots (or test runs) can share one Redis. */
  namespace?: string;
  /** The deadline of every store call (STORE_TIMEOUT_SECONDS); 3 s unless given. */
  timeoutMs?: number;
}

/**
 * Opens the store a STORE_URL names: `sqlite://./data/x.sqlite` (relative), `sqlite:///abs/x.sqlite`,
 * `redis://[:password@]host:port[/db]` (or `rediss://` for TLS), or `memory://`.
 */
export async function openStore(url: string, logger: Logger, options: OpenStoreOptions = {}): Promise<Store> {
  const clock = options.clock ?? systemClock;
  const namespace = options.namespace ?? 'pathbot';
  const timeoutMs = options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  const bounded = (store: Store) => guardStore(store, { timeoutMs, logger });
  if (url === 'memory://')
    return bounded(createKeyvStore(new Keyv({ namespace, throwOnErrors: true }), 'memory', clock));
  if (url.startsWith('sqlite://')) {
    const file = sqliteFile(url);
    return openSqlite(file, namespace, logger, clock).then(bounded, (error: unknown) => {
      throw new StartUpError(`cannot open the SQLite store ${file}: ${firstLine(error)}. Check STORE_URL.`, {
        cause: error,
      });
    });
  }
  if (/^rediss?:\/\//.test(url)) {
    return openRedisStore({ url, label: redactUrl(url), namespace, logger, timeoutMs }).catch((error: unknown) => {
      throw new StartUpError(`${firstLine(error)}. Start Redis, or check STORE_URL.`, { cause: error });
    });
  }
  throw new StartUpError(
    `STORE_URL "${redactUrl(url)}" is not supported: use sqlite://./data/webrtc.sqlite, redis://host:6379 or memory://`,
  );
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/\.$/, '');
}

/** `sqlite://./data/x.sqlite` -> ./data/x.sqlite; `sqlite:///abs/x.sqlite` -> /abs/x.sqlite. */
export function sqliteFile(url: string): string {
  const path = url.slice('sqlite://'.length);
  if (path === '') throw new StartUpError('STORE_URL sqlite:// needs a file, like sqlite://./data/webrtc.sqlite');
  return resolve(path);
}

async function openSqlite(file: string, namespace: string, logger: Logger, clock: Clock): Promise<Store> {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: SQLITE_BUSY_TIMEOUT_MS });
  // WAL keeps readers from blocking the writer and is ~5x faster here for our write pattern (FIELD-NOTES).
  await sqlite.query('PRAGMA journal_mode=WAL');
  await sqlite.query('PRAGMA synchronous=NORMAL');
  const keyv = new Keyv({ store: sqlite, namespace, throwOnErrors: true });
  keyv.on('error', (error: unknown) => logger.error('sqlite store error', { error: String(error) }));
  logger.info('store opened', { backend: 'sqlite', file });
  const tables = {
    boardRows: await createSqliteBoardRows(sqlite.query, namespace, keyv),
    sets: await createSqliteSetIndex(sqlite.query, namespace, keyv),
  };
  return createKeyvStore(keyv, 'sqlite', clock, tables, async () => {
    await keyv.disconnect();
  });
}

/** Hides credentials in a store URL before it is shown anywhere. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}
