import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { SetAsideRecord } from '../../ports/store.js';
import { clockedRecords } from '../clocked-records.js';
import { assertValidRows, type RecordKind, type SetRow, type StoreEngine } from '../store-engine.js';
import { withinDeadline } from '../within-deadline.js';
import { commitScript, encodeCommit } from './commit-script.js';
import { redisClaims } from './redis-claims.js';
import { redisPermits } from './redis-permits.js';
import { readTop, scanBoardRows } from './redis-boards.js';
import { readCounts, readRoster, recountSet, scanRosterRows, scanSetCounts } from './redis-rosters.js';
import { countGroupOf } from '../../model/index-set.js';
import { connectRedis } from './redis-connection.js';
import { RedisKeys } from './redis-keys.js';
import type { RedisClient } from './redis-script.js';
import { scanOnce, itself } from './scan-once.js';
import { upgradeSchema } from './upgrade-schema.js';

export { isRedisUnavailable } from './redis-connection.js';

const HEALTH_TIMEOUT_MS = 1_000;
const SCAN_COUNT = 500;

export interface RedisEngineOptions {
  url: string;
  /** Shown instead of the URL (which may hold a password). */
  label: string;
  /** Prefix of every key (`<namespace>::…`), so several bots (or test runs) can share one Redis. */
  namespace: string;
  logger: Logger;
  /** "Now" for the expiry of claims and records. */
  clock: Clock;
  /** The client's own command timeout (openStore's guard bounds every call, a command already sent included). */
  timeoutMs: number;
}

/**
 * The engine on one Redis, shared by every bot instance: each commit is one Lua script (compare-and-set on
 * the record, then its rows), boards are sorted sets, claims are Lua over the injected clock, send permits Lua over Redis's own clock, and Keyv
 * (@keyv/redis, on the same client) keeps the plain records. Data an older version wrote is upgraded on open.
 */
export async function openRedisEngine(options: RedisEngineOptions): Promise<StoreEngine> {
  const { logger, clock } = options;
  const client = await connectRedis(options);
  const keys = new RedisKeys(options.namespace);
  const adapter = new KeyvRedis(client, {
    namespace: options.namespace,
    throwOnErrors: true,
    throwOnConnectError: true,
  });
  const keyv = new Keyv({ store: adapter, namespace: options.namespace, useKeyPrefix: false, throwOnErrors: true });
  keyv.on('error', () => undefined); // the client's own listener already reports connection trouble
  const records = clockedRecords(keyv, clock);
  let rebuildRows: boolean;
  try {
    rebuildRows = await upgradeSchema(client, keys, records, logger);
  } catch (error) {
    client.destroy();
    throw error;
  }
  logger.info('store opened', { backend: 'redis', server: options.label });
  return {
    backend: 'redis',
    shared: true,
    rebuildRows,
    read: async (kind, key) => (await client.get(keys.record(kind, key))) ?? undefined,
    async commit(commit) {
      assertValidRows(commit.rows);
      const { keys: touched, args } = encodeCommit(keys, commit);
      return (await commitScript.run(client, touched, args)) === 1;
    },
    members: (set) => client.sMembers(keys.set(set)),
    top: (board, limit, member) => readTop(client, keys, board, limit, member),
    counts: (group) => readCounts(client, keys, group),
    roster: (roster, offset, limit, order) => readRoster(client, keys, roster, offset, limit, order),
    async setAside(key) {
      const entries = await client.lRange(keys.setAside(key), 0, -1);
      return entries.map((entry) => JSON.parse(entry) as SetAsideRecord);
    },
    scanRecords: (kind) => scanRecords(client, keys, kind),
    scanSets: () => scanSets(client, keys),
    scanBoards: () => scanBoardRows(client, keys),
    scanRosters: () => scanRosterRows(client, keys),
    scanCounts: () => scanSetCounts(client, keys),
    async recount(sets) {
      for (const set of sets) {
        const group = countGroupOf(set);
        if (group !== undefined) await recountSet(client, keys, set, group);
      }
    },
    records,
    claims: redisClaims(client, keys, clock),
    permits: redisPermits(client, keys, { timeoutMs: options.timeoutMs }),
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
}

/** Every record of a kind, a SCAN page (and one MGET) at a time. */
async function* scanRecords(
  client: RedisClient,
  keys: RedisKeys,
  kind: RecordKind,
): AsyncIterable<[key: string, text: string]> {
  const { match, recordPrefix } = keys.recordPattern(kind);
  for await (const page of scanOnce(client.scanIterator({ MATCH: match, TYPE: 'string', COUNT: SCAN_COUNT }), itself)) {
    const texts = await client.mGet(page);
    for (const [index, key] of page.entries()) {
      const text = texts[index];
      if (text !== null && text !== undefined) yield [key.slice(recordPrefix.length), text];
    }
  }
}

/** Every member of every index set of the three families, page by page. */
async function* scanSets(client: RedisClient, keys: RedisKeys): AsyncIterable<SetRow> {
  for (const match of keys.setPatterns()) {
    for await (const page of scanOnce(client.scanIterator({ MATCH: match, TYPE: 'set', COUNT: SCAN_COUNT }), itself)) {
      for (const key of page) {
        const set = key.slice(keys.prefix.length);
        for await (const members of scanOnce(client.sScanIterator(key, { COUNT: SCAN_COUNT }), itself))
          for (const member of members) yield { set, member };
      }
    }
  }
}
