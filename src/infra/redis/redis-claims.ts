import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import type { Claims } from '../../ports/store.js';
import type { RedisKeys } from './redis-keys.js';
import { redisScript, type RedisClient } from './redis-script.js';

/**
 * How long after its expiry by the injected clock Redis keeps a claim before collecting it (PX): expiry is
 * the clock's to decide (tests move it; no one sleeps), Redis's own TTL only takes the garbage out later.
 */
const GARBAGE_GRACE_MS = 60 * 60_000;

/**
 * Takes each claim of KEYS that is free, in one script: absent, or held until an `expiresAt` (by the injected
 * clock, ARGV[1]) that has passed. ARGV[2]: the claim to store (owner + expiresAt), ARGV[3]: Redis's PX.
 * Returns 1 or 0 for each key, in order (a key listed twice is held by its first place when the second is
 * checked). A value of an older version (a bare owner token, expiring by Redis's own TTL) is held while it exists.
 */
const claimScript = redisScript(`
local now = tonumber(ARGV[1])
local taken = {}
for index, key in ipairs(KEYS) do
  local free = true
  local held = redis.call('GET', key)
  if held then
    local parsed, claim = pcall(cjson.decode, held)
    free = parsed and type(claim) == 'table' and type(claim.expiresAt) == 'number' and claim.expiresAt <= now
  end
  if free then redis.call('SET', key, ARGV[2], 'PX', ARGV[3]) end
  taken[index] = free and 1 or 0
end
return taken
`);

/** Deletes a claim only when the caller (ARGV[1]) holds it. */
const releaseScript = redisScript(`
local held = redis.call('GET', KEYS[1])
if not held then return 0 end
local parsed, claim = pcall(cjson.decode, held)
if parsed and type(claim) == 'table' and claim.owner == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`);

/** Claims shared by every process on the Redis, atomic in Lua, expiring by the injected clock; only their owner frees them. */
export function redisClaims(client: RedisClient, redisKeys: RedisKeys, clock: Clock): Claims {
  const owner = randomUUID();
  const claimMany = async (keys: readonly string[], ttlMs: number): Promise<boolean[]> => {
    if (keys.length === 0) return [];
    const now = clock.now();
    const claim = JSON.stringify({ owner, expiresAt: now + ttlMs });
    const args = [String(now), claim, String(Math.ceil(ttlMs) + GARBAGE_GRACE_MS)];
    const taken = (await claimScript.run(
      client,
      keys.map((key) => redisKeys.claim(key)),
      args,
    )) as number[];
    return taken.map((one) => one === 1);
  };
  return {
    claim: async (key, ttlMs) => (await claimMany([key], ttlMs))[0]!,
    claimMany,
    async release(key) {
      await releaseScript.run(client, [redisKeys.claim(key)], [owner]);
    },
  };
}
