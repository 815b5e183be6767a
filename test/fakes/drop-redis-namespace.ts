import { createClient } from '@keyv/redis';

/** Deletes every key of a test's (or a benchmark's) Redis namespace. */
export async function dropRedisNamespace(namespace: string, url: string | undefined): Promise<void> {
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
