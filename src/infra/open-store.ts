import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { systemClock, type Clock } from '../ports/clock.js';
import { StartUpError } from '../ops/start-up-error.js';
import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/store.js';
import { createKeyvStore } from './create-keyv-store.js';
import { DEFAULT_STORE_TIMEOUT_MS, guardStore } from './guard-store.js';
import { openRedisStore } from './redis-store.js';
import { openSqliteFile } from './open-sqlite-file.js';
import { createSqliteBoardRows } from './sqlite-board-rows.js';
import { createSqliteSetIndex } from './sqlite-set-index.js';

export interface OpenStoreOptions {
  /** "Now" for claim expiry in the embedded stores (Redis claims use its own clock) and for records set aside. */
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
    return bounded(createKeyvStore(new Keyv({ namespace, throwOnErrors: true }), 'memory', clock, logger));
  if (url.startsWith('sqlite://')) {
    const file = sqliteFile(url);
    return openSqlite(file, namespace, logger, clock).then(bounded, (error: unknown) => {
      if (error instanceof StartUpError) throw error;
      throw new StartUpError(`cannot open the SQLite store ${file}: ${firstLine(error)}. Check STORE_URL.`, {
        cause: error,
      });
    });
  }
  if (/^rediss?:\/\//.test(url)) {
    return openRedisStore({ url, label: redactUrl(url), namespace, logger, clock, timeoutMs }).catch(
      (error: unknown) => {
        throw new StartUpError(`${firstLine(error)}. Start Redis, or check STORE_URL.`, { cause: error });
      },
    );
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
  const sqlite = await openSqliteFile(file);
  const keyv = new Keyv({ store: sqlite, namespace, throwOnErrors: true });
  keyv.on('error', (error: unknown) => logger.error('sqlite store error', { error: String(error) }));
  logger.info('store opened', { backend: 'sqlite', file });
  const tables = await sqliteTables(sqlite.query, namespace, keyv).catch(async (error: unknown) => {
    await keyv.disconnect(); // and with it the file's lock
    throw error;
  });
  return createKeyvStore(keyv, 'sqlite', clock, logger, tables, async () => {
    await keyv.disconnect();
  });
}

async function sqliteTables(query: KeyvSqlite['query'], namespace: string, keyv: Keyv) {
  return {
    boardRows: await createSqliteBoardRows(query, namespace, keyv),
    sets: await createSqliteSetIndex(query, namespace, keyv),
  };
}

/** Hides credentials in a store URL before it is shown anywhere. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}
