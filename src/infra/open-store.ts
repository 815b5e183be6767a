import { resolve } from 'node:path';
import { systemClock, type Clock } from '../ports/clock.js';
import { StartUpError } from '../ops/start-up-error.js';
import type { Logger } from '../ports/logger.js';
import type { LearnerRowsRule, Store } from '../ports/store.js';
import { assembleStore } from './assemble-store.js';
import { checkStore } from './check-store.js';
import { DEFAULT_STORE_TIMEOUT_MS, guardStore } from './guard-store.js';
import { createMemoryEngine, type MemoryData } from './memory/memory-engine.js';
import { openRedisEngine, isRedisUnavailable } from './redis/redis-engine.js';
import { openSqliteEngine } from './sqlite/sqlite-engine.js';
import type { StoreEngine } from './store-engine.js';

export interface OpenStoreOptions {
  /** The core's rule for the rows a learner record keeps elsewhere (learnerRowsRule in src/learners). */
  learnerRows: LearnerRowsRule;
  /** "Now" for the expiry of claims and records, and for records set aside. */
  clock?: Clock;
  /** Prefix of every key, so several bots (or test runs) can share one Redis. */
  namespace?: string;
  /** The deadline of every store call (STORE_TIMEOUT_SECONDS); 3 s unless given. */
  timeoutMs?: number;
  /** memory:// only: the data to hold (a test's, to look at or damage). */
  memory?: MemoryData;
}

/**
 * Opens the store a STORE_URL names: `sqlite://./data/x.sqlite` (relative), `sqlite:///abs/x.sqlite`,
 * `redis://[:password@]host:port[/db]` (or `rediss://` for TLS), or `memory://`.
 */
export async function openStore(url: string, logger: Logger, options: OpenStoreOptions): Promise<Store> {
  const clock = options.clock ?? systemClock;
  const { engine, isUnavailable } = await openEngine(url, logger, options);
  if (engine.rebuildRows) {
    // Written by an older version: its rows are rebuilt from the records, the one truth.
    const report = await checkStore(engine, { learnerRows: options.learnerRows, clock, repair: true });
    await engine.rowsRebuilt?.();
    logger.info('store rows rebuilt from the records of an older version', { ...report });
  }
  return guardStore(assembleStore(engine, { clock, logger, learnerRows: options.learnerRows }), {
    timeoutMs: options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS,
    logger,
    ...(isUnavailable && { isUnavailable }),
  });
}

/** The backend's engine alone (store:check works on it); the same URLs as openStore. */
export async function openEngine(
  url: string,
  logger: Logger,
  options: Omit<OpenStoreOptions, 'learnerRows'>,
): Promise<{ engine: StoreEngine; isUnavailable?: (error: unknown) => boolean }> {
  const clock = options.clock ?? systemClock;
  const namespace = options.namespace ?? 'pathbot';
  const timeoutMs = options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
  if (url === 'memory://') return { engine: createMemoryEngine(clock, namespace, options.memory) };
  if (url.startsWith('sqlite://')) {
    const file = sqliteFile(url);
    return openSqliteEngine({ file, namespace, logger, clock }).then(
      (engine) => ({ engine }),
      (error: unknown) => {
        if (error instanceof StartUpError) throw error;
        throw new StartUpError(`cannot open the SQLite store ${file}: ${firstLine(error)}. Check STORE_URL.`, {
          cause: error,
        });
      },
    );
  }
  if (/^rediss?:\/\//.test(url)) {
    return openRedisEngine({ url, label: redactUrl(url), namespace, logger, clock, timeoutMs }).then(
      (engine) => ({ engine, isUnavailable: isRedisUnavailable }),
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

/** Hides credentials in a store URL before it is shown anywhere. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^@/]*)@/, '//***@');
}
