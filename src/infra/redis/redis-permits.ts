import type { PermitSource } from '../send-budget/permit-source.js';
import { permitFigures } from '../send-budget/permit-rule.js';
import { StoreTimeoutError, StoreUnavailableError } from '../../ports/store.js';
import { withinDeadline } from '../within-deadline.js';
import { isRedisUnavailable } from './redis-connection.js';
import type { RedisKeys } from './redis-keys.js';
import { redisScript, type RedisClient, type RedisScript } from './redis-script.js';

/**
 * decidePermit (permit-rule.ts) in Lua, by Redis's own clock so that no instance's clock lets it overspend:
 * 0 when a permit is granted, else the whole milliseconds to wait. KEYS: granted (a sorted set by grant
 * time), pace, pause. ARGV: limit, counted ms, interval ms, tolerance ms, the permit's id (unique).
 */
const tryPermitScript = redisScript(`
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local paused = redis.call('PTTL', KEYS[3])
if paused > 0 then return paused end
local limit, counted = tonumber(ARGV[1]), tonumber(ARGV[2])
local interval, tolerance = tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', string.format('%.3f', now - counted))
if redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(1, math.ceil(tonumber(oldest[2]) + counted - now))
end
local pace = tonumber(redis.call('GET', KEYS[2]) or '0')
local early = pace - tolerance - now
if early > 0.001 then return math.max(1, math.ceil(early)) end
pace = math.max(pace, now) + interval
redis.call('SET', KEYS[2], string.format('%.3f', pace), 'PX', math.ceil(pace - now + counted))
redis.call('ZADD', KEYS[1], string.format('%.3f', now), ARGV[5])
redis.call('PEXPIRE', KEYS[1], math.ceil(counted))
return 0
`);

/** Permit ARGV[2]'s send was answered: it counts from now (Redis's clock) for another window, ARGV[1] ms. KEYS: granted. */
const settleScript = redisScript(`
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
redis.call('ZADD', KEYS[1], string.format('%.3f', now), ARGV[2])
redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[1])))
return 1
`);

/** Pauses a scope for ARGV[1] ms, unless it is paused for longer already. KEYS: pause. */
const pauseScript = redisScript(`
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 1
`);

/**
 * Permits every instance on this Redis shares: one script per try, atomic, by Redis's clock. A permit counts
 * for one window from its grant, and from its answer once settled; an instance that dies never settles, so it
 * holds nothing back for longer than a window. The pause key one instance sets on a 429 holds every instance
 * back. Each call answers within `timeoutMs` or fails.
 */
export function redisPermits(client: RedisClient, keys: RedisKeys, options: { timeoutMs: number }): PermitSource {
  const run = async (operation: string, script: RedisScript, scriptKeys: string[], args: string[]) => {
    const answer = script.run(client, scriptKeys, args).catch((error: unknown) => {
      throw isRedisUnavailable(error) ? new StoreUnavailableError(operation, { cause: error }) : error;
    });
    const expired = () => new StoreTimeoutError(operation, { timeoutMs: options.timeoutMs, write: true });
    return Number(await withinDeadline(answer, options.timeoutMs, expired));
  };
  return {
    shared: true,
    async tryPermit(scope, rate, id) {
      const { countedMs, intervalMs, toleranceMs } = permitFigures(rate);
      const budget = keys.budget(scope);
      const figures = [rate.limit, countedMs, intervalMs, toleranceMs].map(String);
      return run('sendBudget.take', tryPermitScript, [budget.granted, budget.pace, budget.pause], [...figures, id]);
    },
    async settle(scope, rate, id) {
      const { countedMs } = permitFigures(rate);
      await run('sendBudget.settle', settleScript, [keys.budget(scope).granted], [String(countedMs), id]);
    },
    async pause(scope, ms) {
      const pauseMs = String(Math.max(1, Math.ceil(ms)));
      await run('sendBudget.pause', pauseScript, [keys.budget(scope).pause], [pauseMs]);
    },
  };
}
