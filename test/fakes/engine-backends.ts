import { createJsonLogger } from '../../src/infra/json-logger.js';
import { createMemoryData } from '../../src/infra/memory/memory-engine.js';
import { openEngine } from '../../src/infra/open-store.js';
import type { StoreEngine } from '../../src/infra/store-engine.js';
import type { Logger } from '../../src/ports/logger.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';
import { dropRedisNamespace, freshStoreUrl, type BackendKind } from './store-backends.js';

/** A fresh engine of one kind, on data of its own. */
export interface OpenedEngine {
  kind: BackendKind;
  /** The engine opened first (closed once `reopen` is called). */
  engine: StoreEngine;
  clock: FakeClock;
  namespace: string;
  /** Where the data is: `memory://`, the SQLite file's URL, or the Redis server's. */
  url: string;
  /**
   * Closes every engine open on this data, then opens a new one on it: a restart. The new engine is
   * another owner (of claims) than the ones before it.
   */
  reopen(): Promise<StoreEngine>;
  /**
   * A second engine on the same data while the first stays open: another process on one Redis, another
   * store on the same memory data. Absent for SQLite, whose file one process holds.
   */
  beside?: () => Promise<StoreEngine>;
}

export interface OpenEngineOptions {
  clock?: FakeClock;
  logger?: Logger;
  /** The engine's own deadline (Redis's command timeout). */
  timeoutMs?: number;
  /** A namespace of the test's choosing (Redis: one it filled as an older version would); a fresh one otherwise. */
  namespace?: string;
}

const silent = createJsonLogger({ level: 'silent' });
const cleanups: Array<() => Promise<void>> = [];

/**
 * Opens a fresh engine through openEngine, as the bot does: memory on data of its own, SQLite on a new
 * temp file, Redis (REDIS_URL or the suite's private server) in a namespace of its own. Every engine it
 * opens is closed, and the Redis namespace dropped, by `closeEngines` (call it in afterEach).
 */
export async function openFreshEngine(kind: BackendKind, options: OpenEngineOptions = {}): Promise<OpenedEngine> {
  const clock = options.clock ?? createFakeClock(Date.UTC(2026, 10, 24, 10));
  const fresh = await freshStoreUrl(kind);
  const namespace = options.namespace ?? fresh.namespace;
  const { url } = fresh;
  const memory = kind === 'memory' ? createMemoryData() : undefined;
  const open = new Set<StoreEngine>();
  const closeAll = async () => {
    for (const engine of [...open]) {
      open.delete(engine);
      await engine.close();
    }
  };
  if (kind === 'redis') cleanups.push(() => dropRedisNamespace(namespace));
  cleanups.push(closeAll);
  const openOne = async () => {
    const { engine } = await openEngine(url, options.logger ?? silent, {
      clock,
      namespace,
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      ...(memory && { memory }),
    });
    open.add(engine);
    return engine;
  };
  return {
    kind,
    engine: await openOne(),
    clock,
    namespace,
    url,
    reopen: async () => {
      await closeAll();
      return openOne();
    },
    ...(kind !== 'sqlite' && { beside: openOne }),
  };
}

/** Closes every engine `openFreshEngine` opened, newest first, and drops their Redis namespaces. */
export async function closeEngines(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}
