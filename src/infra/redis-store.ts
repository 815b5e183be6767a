import { randomUUID } from 'node:crypto';
import KeyvRedis, { createClient } from '@keyv/redis';
import Keyv from 'keyv';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Claims, RecordStore, ReminderIndex, Store } from '../ports/store.js';
import { KeyedMutex } from './keyed-mutex.js';
import { RedisBoardStore } from './redis-board-store.js';
import { RedisLearnerStore } from './redis-learner-store.js';
import { guardStore } from './guard-store.js';
import { releaseOwnClaim, type RedisClient } from './redis-script.js';
import { withinDeadline } from './within-deadline.js';

const CONNECT_TIMEOUT_MS = 10_000;
const HEALTH_TIMEOUT_MS = 1_000;

export interface RedisStoreOptions {
  url: string;
  /** Shown instead of the URL (which may hold a password). */
  label: string;
  namespace: string;
  logger: Logger;
  /** When a learner record was set aside (claims use Redis's own clock). */
  clock: Clock;
  /** Every call answers within this (guardStore), a command still waiting to be sent included. */
  timeoutMs: number;
}

/**
 * The whole Store in one Redis, shared by every bot instance. Keyv (@keyv/redis) keeps the plain records;
 * what must be atomic across processes goes through the same client: compare-and-set for learners,
 * sorted sets for boards, SET NX PX for claims. While Redis is unreachable every call fails at once with
 * StoreUnavailableError (no offline queue), and the client reconnects in the background; a call a hung Redis
 * holds fails with StoreTimeoutError after `timeoutMs`.
 */
export async function openRedisStore(options: RedisStoreOptions): Promise<Store> {
  const { logger } = options;
  // Until the first connection is up, a failure ends start-up at once: nobody waits on retries against a
  // Redis that is not there, and the person starting the bot reads why. After that, outages are retried.
  let started = false;
  const client: RedisClient = createClient({
    url: options.url,
    disableOfflineQueue: true,
    // Only ends a command not yet sent (FIELD-NOTES): guardStore bounds the ones a hung server holds.
    commandOptions: { timeout: options.timeoutMs },
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      reconnectStrategy: (retries: number) => started && Math.min(50 * 2 ** retries, 2_000) + Math.random() * 100,
    },
  });
  watchConnection(client, options, () => started);
  await connect(client, options.label);
  started = true;
  const prefix = `${options.namespace}::`;
  const adapter = new KeyvRedis(client, {
    namespace: options.namespace,
    throwOnErrors: true,
    throwOnConnectError: true,
  });
  const keyv = new Keyv({ store: adapter, namespace: options.namespace, useKeyPrefix: false, throwOnErrors: true });
  keyv.on('error', () => undefined); // the client's own listener already reports connection trouble
  logger.info('store opened', { backend: 'redis', server: options.label });
  const store: Store = {
    learners: new RedisLearnerStore(client, prefix, new KeyedMutex(), options.clock, logger),
    boards: new RedisBoardStore(client, prefix),
    reminders: minuteIndex(client, `${prefix}due:`),
    digests: minuteIndex(client, `${prefix}digest-due:`),
    claims: redisClaims(client, `${prefix}claim:`),
    records: keyvRecords(keyv),
    async health() {
      try {
        const ping = client.withCommandOptions({ timeout: HEALTH_TIMEOUT_MS }).ping();
        await withinDeadline(ping, HEALTH_TIMEOUT_MS, () => new Error('no answer'));
        return { ok: true, backend: 'redis' };
      } catch {
        return { ok: false, backend: 'redis', detail: client.isReady ? 'not answering' : 'unreachable, reconnecting' };
      }
    },
    async close() {
      if (client.isReady) await client.close();
      else client.destroy();
    },
  };
  return guardStore(store, { isUnavailable, timeoutMs: options.timeoutMs, logger });
}

async function connect(client: RedisClient, label: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(NO_ANSWER)), CONNECT_TIMEOUT_MS))),
    ]);
  } catch (error) {
    if (client.isOpen) client.destroy();
    throw new Error(`cannot reach Redis at ${label} (${connectFailure(error)})`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

const NO_ANSWER = `no answer within ${CONNECT_TIMEOUT_MS / 1000} s`;

/** Why the first connection failed, in a few plain words. */
function connectFailure(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  if (code === 'ETIMEDOUT' || (error instanceof Error && error.name === 'ConnectionTimeoutError')) return NO_ANSWER;
  return (error instanceof Error && error.message ? error.message : String(error)).split('\n')[0]!.replace(/\.$/, '');
}

/** Logs an outage once when it starts and once when it ends, not on every reconnect attempt. */
function watchConnection(client: RedisClient, { logger, label }: RedisStoreOptions, started: () => boolean): void {
  let down = false;
  client.on('error', (error: unknown) => {
    // Before start-up completes, the failure is connect()'s to report, as a start-up error.
    if (down || !started()) return;
    down = true;
    logger.error('redis connection lost; reconnecting', {
      server: label,
      error: error instanceof Error ? error.message : String(error),
    });
  });
  client.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('redis connection restored', { server: label });
  });
}

/** Redis's own replies mean the command ran and was refused (a bug); everything else means "not reachable now". */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (!['ErrorReply', 'SimpleError', 'BlobError'].includes(error.constructor.name))
    return /redis|socket|connect|offline|closed|timeout/i.test(`${error.constructor.name} ${error.message}`);
  return /^(LOADING|BUSY|MASTERDOWN|READONLY|TRYAGAIN|CLUSTERDOWN)\b/.test(error.message);
}

function minuteIndex(client: RedisClient, prefix: string): ReminderIndex {
  return {
    add: async (minute, member) => void (await client.sAdd(`${prefix}${minute}`, member)),
    remove: async (minute, member) => void (await client.sRem(`${prefix}${minute}`, member)),
    due: (minute) => client.sMembers(`${prefix}${minute}`),
  };
}

/** SET NX PX: the key is held by this store (its owner token) until the expiry, whichever process asks. */
function redisClaims(client: RedisClient, prefix: string): Claims {
  const owner = randomUUID();
  return {
    claim: async (key, ttlMs) =>
      (await client.set(`${prefix}${key}`, owner, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } })) ===
      'OK',
    release: async (key) => void (await releaseOwnClaim.run(client, [`${prefix}${key}`], [owner])),
  };
}

function keyvRecords(keyv: Keyv): RecordStore {
  return {
    get: async <T>(key: string) => (await keyv.get(`record:${key}`)) as T | undefined,
    async set(key, value, ttlMs) {
      await keyv.set(`record:${key}`, value, ttlMs);
    },
    async delete(key) {
      await keyv.delete(`record:${key}`);
    },
  };
}
