import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleStore } from '../../src/infra/assemble-store.js';
import { DEFAULT_STORE_TIMEOUT_MS, guardStore } from '../../src/infra/guard-store.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openEngine } from '../../src/infra/open-store.js';
import type { StoreEngine } from '../../src/infra/store-engine.js';
import type { Clock } from '../../src/ports/clock.js';
import type { LearnerRowsRule, Store } from '../../src/ports/store.js';
import { dropRedisNamespace } from '../fakes/drop-redis-namespace.js';
import { countEngineCalls, type EngineCalls } from './engine-calls.js';

export type BackendKind = 'sqlite' | 'redis';

/** The store as the bot opens it, the engine under it, and the calls the store made on that engine. */
export interface OpenedStore {
  store: Store;
  /** The same (counted) engine the store writes through: the raw baseline commits on it. */
  engine: StoreEngine;
  calls: EngineCalls;
}

/** One place a data set lives: a temp SQLite file or a Redis namespace of this run, deleted afterwards. */
export interface BenchBackend {
  kind: BackendKind;
  url: string;
  namespace: string;
  /** The store exactly as openStore assembles it, on an engine whose calls are counted. */
  open(clock: Clock, learnerRows: LearnerRowsRule): Promise<OpenedStore>;
  dispose(): Promise<void>;
}

const silent = createJsonLogger({ level: 'silent' });

export async function createBackend(kind: BackendKind, redisUrl?: string): Promise<BenchBackend> {
  const namespace = `bench-${randomUUID().slice(0, 8)}`;
  if (kind === 'redis') {
    if (!redisUrl) throw new Error('REDIS_URL is not set');
    return {
      kind,
      url: redisUrl,
      namespace,
      open: (clock, learnerRows) => openCounted(redisUrl, namespace, clock, learnerRows),
      dispose: () => dropRedisNamespace(namespace, redisUrl),
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'pathbot-bench-'));
  const url = `sqlite://${join(dir, 'bench.sqlite')}`;
  return {
    kind,
    url,
    namespace,
    open: (clock, learnerRows) => openCounted(url, namespace, clock, learnerRows),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * What openStore (src/infra/open-store.ts) does, with the engine's calls counted in between: the engine
 * of the URL, the one assembled store on it, every call under the store's deadline. A bench data set is
 * always fresh, so there are never an older version's rows to rebuild.
 */
async function openCounted(
  url: string,
  namespace: string,
  clock: Clock,
  learnerRows: LearnerRowsRule,
): Promise<OpenedStore> {
  const { engine, isUnavailable } = await openEngine(url, silent, { clock, namespace });
  if (engine.rebuildRows) throw new Error(`${url} holds data of an older version: the bench needs a fresh store`);
  const { engine: counted, calls } = countEngineCalls(engine);
  const store = guardStore(assembleStore(counted, { clock, logger: silent, learnerRows }), {
    timeoutMs: DEFAULT_STORE_TIMEOUT_MS,
    logger: silent,
    ...(isUnavailable && { isUnavailable }),
  });
  return { store, engine: counted, calls };
}
