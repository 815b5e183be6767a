import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, inject } from 'vitest';
import { dropRedisNamespace as dropNamespace } from './drop-redis-namespace.js';

/**
 * The Redis the suite may use: REDIS_URL when set, else a private redis-server that
 * test/setup/redis-global-setup.ts started. Undefined only when neither exists: then the tests that
 * need it (named "(needs Redis …)") are skipped, and test/setup/skip-reporter.ts says so.
 */
export const REDIS_URL = inject('redisUrl');

export type BackendKind = 'memory' | 'sqlite' | 'redis';

/** `describe(title (kind))` once per backend; the Redis one is skipped, visibly, when there is no Redis. */
export function describeEachBackend(title: string, suite: (kind: BackendKind) => void): void {
  describe(`${title} (memory)`, () => suite('memory'));
  describe(`${title} (sqlite)`, () => suite('sqlite'));
  describe.skipIf(!REDIS_URL)(`${title} (redis) (needs Redis: a redis-server on PATH, or REDIS_URL)`, () =>
    suite('redis'),
  );
}

/** A fresh, empty place for one test: a temp SQLite file, or a Redis namespace of its own. */
export async function freshStoreUrl(kind: BackendKind): Promise<{ url: string; namespace: string }> {
  const namespace = `test-${randomUUID()}`;
  if (kind === 'memory') return { url: 'memory://', namespace };
  if (kind === 'sqlite')
    return { url: `sqlite://${join(await mkdtemp(join(tmpdir(), 'pathbot-')), 'bot.sqlite')}`, namespace };
  if (!REDIS_URL) throw new Error('no Redis: no redis-server on PATH and no REDIS_URL set');
  return { url: REDIS_URL, namespace };
}

/** Deletes every key of a test's Redis namespace. */
export function dropRedisNamespace(namespace: string, url = REDIS_URL): Promise<void> {
  return dropNamespace(namespace, url);
}
