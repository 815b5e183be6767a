import { createHash } from 'node:crypto';
import type { createClient } from '@keyv/redis';

export type RedisClient = ReturnType<typeof createClient>;

/** A Lua script run by its SHA (sent in full only when Redis has not seen it yet, e.g. after a restart). */
export interface RedisScript {
  run(client: RedisClient, keys: string[], args: string[]): Promise<unknown>;
}

export function redisScript(source: string): RedisScript {
  const sha = createHash('sha1').update(source).digest('hex');
  return {
    async run(client, keys, args) {
      try {
        return await client.evalSha(sha, { keys, arguments: args });
      } catch (error) {
        if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
        return client.eval(source, { keys, arguments: args });
      }
    },
  };
}
