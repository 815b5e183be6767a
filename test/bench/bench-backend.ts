import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvRedis from '@keyv/redis';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openStore } from '../../src/infra/open-store.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import { dropRedisNamespace } from '../fakes/drop-redis-namespace.js';

export type BackendKind = 'sqlite' | 'redis';

/** One place a data set lives: a temp SQLite file or a Redis namespace of this run, deleted afterwards. */
export interface BenchBackend {
  kind: BackendKind;
  url: string;
  namespace: string;
  /** The store exactly as the bot opens it. */
  open(clock: Clock): Promise<Store>;
  /** A plain Keyv over the same file or server (another namespace), for the raw get+set baseline. */
  openRawKeyv(): Promise<{ keyv: Keyv; close(): Promise<void> }>;
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
      open: (clock) => openStore(redisUrl, silent, { clock, namespace }),
      async openRawKeyv() {
        // Keys as the Redis store lays them out ("<namespace>::<key>"), so dropRedisNamespace finds them.
        const store = new KeyvRedis(redisUrl, { namespace: `${namespace}-raw` });
        const keyv = new Keyv({ store, namespace: `${namespace}-raw`, useKeyPrefix: false, throwOnErrors: true });
        return { keyv, close: () => keyv.disconnect() };
      },
      async dispose() {
        await dropRedisNamespace(namespace, redisUrl);
        await dropRedisNamespace(`${namespace}-raw`, redisUrl);
      },
    };
  }
  const dir = await mkdtemp(join(tmpdir(), 'pathbot-bench-'));
  const file = join(dir, 'bench.sqlite');
  return {
    kind,
    url: `sqlite://${file}`,
    namespace,
    open: (clock) => openStore(`sqlite://${file}`, silent, { clock, namespace }),
    async openRawKeyv() {
      // The same file and the same settings as src/infra/open-store.ts: WAL, synchronous=NORMAL.
      const sqlite = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 5_000 });
      await sqlite.query('PRAGMA journal_mode=WAL');
      await sqlite.query('PRAGMA synchronous=NORMAL');
      const keyv = new Keyv({ store: sqlite, namespace: `${namespace}-raw`, throwOnErrors: true });
      return { keyv, close: () => keyv.disconnect() };
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
