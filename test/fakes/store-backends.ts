import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@keyv/redis';

/** The Redis the suite may use: CI sets REDIS_URL (and .ci/run starts a server); without it Redis tests are skipped. */
export const REDIS_URL = process.env.REDIS_URL;

export type BackendKind = 'memory' | 'sqlite' | 'redis';
export const BACKENDS: BackendKind[] = REDIS_URL ? ['memory', 'sqlite', 'redis'] : ['memory', 'sqlite'];

/** A fresh, empty place for one test: a temp SQLite file, or a Redis namespace of its own. */
export async function freshStoreUrl(kind: BackendKind): Promise<{ url: string; namespace: string }> {
  const namespace = `test-${randomUUID()}`;
  if (kind === 'memory') return { url: 'memory://', namespace };
  if (kind === 'sqlite') return { url: `sqlite://${join(await mkdtemp(join(tmpdir(), 'pathbot-')), 'bot.sqlite')}`, namespace };
  if (!REDIS_URL) throw new Error('REDIS_URL is not set');
  return { url: REDIS_URL, namespace };
}

/** Deletes every key of a test's Redis namespace. */
export async function dropRedisNamespace(namespace: string, url = REDIS_URL): Promise<void> {
  if (!url) return;
  const client = createClient({ url });
  await client.connect();
  try {
    for await (const keys of client.scanIterator({ MATCH: `${namespace}::*`, COUNT: 1000 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
  } finally {
    client.destroy();
  }
}
