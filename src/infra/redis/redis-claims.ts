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
 * Takes a claim when it is free: absent, or held until an `expiresAt` (by the injected clock, ARGV[1]) that has
 * passed. ARGV[2]: the claim to store (owner + expiresAt), ARGV[3]: Redis's PX. A value of an older version
 * (a bare owner token, expiring by Redis's own TTL) is held while it exists.
 */
const claimScript = redisScript(`
local held = redis.call('GET', KEYS[1])
if held then
  local parsed, claim = pcall(cjson.decode, held)
  if not parsed or type(claim) ~= 'table' or type(claim.expiresAt) ~= 'number' then return 0 end
  if claim.expiresAt > tonumber(ARGV[1]) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1
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
export function redisClaims(client: RedisClient, keys: RedisKeys, clock: Clock): Claims {
  const owner = randomUUID();
  return {
    async claim(key, ttlMs) {
      const now = clock.now();
      const claim = JSON.stringify({ owner, expiresAt: now + ttlMs });
      const args = [String(now), claim, String(Math.ceil(ttlMs) + GARBAGE_GRACE_MS)];
      return (await claimScript.run(client, [keys.claim(key)], args)) === 1;
    },
    async release(key) {
      await releaseScript.run(client, [keys.claim(key)], [owner]);
    },
  };
}
