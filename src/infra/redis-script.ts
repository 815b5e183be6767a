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

/**
 * Writes a learner record only if it is still what the writer read ('' = absent); keeps the workspace index
 * with it. Deleting the record (ARGV[2] = '') also deletes what was set aside for the learner (KEYS[3]).
 */
export const compareAndSetLearner = redisScript(`
local current = redis.call('GET', KEYS[1])
if current == false then current = '' end
if current ~= ARGV[1] then return 0 end
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1], KEYS[3])
  redis.call('SREM', KEYS[2], ARGV[3])
else
  redis.call('SET', KEYS[1], ARGV[2])
  redis.call('SADD', KEYS[2], ARGV[3])
end
return 1
`);

/**
 * Sets a learner record that failed validation aside, only if it is still the stored one (ARGV[1]): appends
 * the set-aside entry (ARGV[2]) to the learner's list, keeping the last ARGV[4], and stores the fresh record (ARGV[3]).
 */
export const setAsideLearner = redisScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[2])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[4]), -1)
redis.call('SET', KEYS[1], ARGV[3])
return 1
`);

/** Takes a member's row out of a board's ranking, unless the board holds a newer revision (ARGV[2]; '' = any). */
const TAKE_OUT_OLDER_ROW = `
local old = redis.call('HGET', KEYS[2], ARGV[1])
if old then
  local previous = cjson.decode(old)
  if ARGV[2] ~= '' and previous.revision > tonumber(ARGV[2]) then return 0 end
  if previous.slot then redis.call('ZREM', KEYS[1], previous.slot) end
end`;

/** Places a member on a board (sorted set + row hash) unless the board already holds a newer revision of them. */
export const putBoardRow = redisScript(`${TAKE_OUT_OLDER_ROW}
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[3])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[5])
return 1
`);

/** Takes a member off a board as of a revision (leaving a marker), or forgets them entirely when ARGV[2] is ''. */
export const removeBoardRow = redisScript(`${TAKE_OUT_OLDER_ROW}
if ARGV[2] == '' then
  redis.call('HDEL', KEYS[2], ARGV[1])
else
  redis.call('HSET', KEYS[2], ARGV[1], cjson.encode({ revision = tonumber(ARGV[2]) }))
end
return 1
`);

/** Deletes a claim only when its value is the caller's owner token. */
export const releaseOwnClaim = redisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);
