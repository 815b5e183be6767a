import type { RosterRow, SetCount } from '../store-engine.js';
import type { RedisKeys } from './redis-keys.js';
import { itself, scanOnce } from './scan-once.js';
import { redisScript, type RedisClient } from './redis-script.js';

const SCAN_COUNT = 200;
/** Ends a roster entry's key: below every printable character, so "key\nmember" sorts by key, then member. */
const KEY_END = '\n';

/** How a roster row sits in its sorted set (every score 0: Redis orders equal scores bytewise). */
export function rosterEntry(key: string, member: string): string {
  return `${key}${KEY_END}${member}`;
}

function rowOfEntry(roster: string, entry: string): RosterRow {
  const end = entry.indexOf(KEY_END);
  return { roster, key: entry.slice(0, end), member: entry.slice(end + 1) };
}

/** A page and the size, read at one instant. KEYS: the order; ARGV: start, stop, 'desc' or 'asc'. */
const pageScript = redisScript(`
local entries
if ARGV[3] == 'desc' then entries = redis.call('ZREVRANGE', KEYS[1], ARGV[1], ARGV[2])
else entries = redis.call('ZRANGE', KEYS[1], ARGV[1], ARGV[2]) end
return { entries, redis.call('ZCARD', KEYS[1]) }
`);

/** `limit` members of a roster from `offset` (O(log n + limit): a sorted set is a skip list). */
export async function readRoster(
  client: RedisClient,
  keys: RedisKeys,
  roster: string,
  offset: number,
  limit: number,
  order: 'asc' | 'desc',
): Promise<{ members: string[]; total: number }> {
  const start = Math.max(0, offset);
  if (limit <= 0) return { members: [], total: await client.zCard(keys.roster(roster).order) };
  const args = [String(start), String(start + limit - 1), order];
  const [entries, total] = (await pageScript.run(client, [keys.roster(roster).order], args)) as [string[], number];
  return { members: entries.map((entry) => rowOfEntry(roster, entry).member), total };
}

/** Every row of every roster, page by page. */
export async function* scanRosterRows(client: RedisClient, keys: RedisKeys): AsyncIterable<RosterRow> {
  const pattern = { MATCH: keys.rosterPattern(), TYPE: 'zset', COUNT: SCAN_COUNT };
  for await (const orders of scanOnce(client.scanIterator(pattern), itself)) {
    for (const order of orders) {
      const roster = keys.rosterOfOrder(order);
      for await (const page of scanOnce(client.zScanIterator(order, { COUNT: SCAN_COUNT }), (row) => row.value))
        for (const { value } of page) yield rowOfEntry(roster, value);
    }
  }
}

/** Every counted set's kept size: each group's hash, field by field. */
export async function* scanSetCounts(client: RedisClient, keys: RedisKeys): AsyncIterable<SetCount> {
  const { match, countsPrefix } = keys.countsPattern();
  for await (const hashes of scanOnce(client.scanIterator({ MATCH: match, TYPE: 'hash', COUNT: SCAN_COUNT }), itself)) {
    for (const hash of hashes) {
      const group = hash.slice(countsPrefix.length);
      for await (const page of scanOnce(client.hScanIterator(hash, { COUNT: SCAN_COUNT }), (entry) => entry.field))
        for (const { field, value } of page) yield { set: `${group}${field}`, count: Number(value) };
    }
  }
}

/** A set's kept size made its members' number, atomically. KEYS: the set, the counts hash; ARGV: the field. */
const recountScript = redisScript(`
local members = redis.call('SCARD', KEYS[1])
if members == 0 then redis.call('HDEL', KEYS[2], ARGV[1]) else redis.call('HSET', KEYS[2], ARGV[1], members) end
return members
`);

export async function recountSet(client: RedisClient, keys: RedisKeys, set: string, group: string): Promise<void> {
  await recountScript.run(client, [keys.set(set), keys.counts(group)], [set.slice(group.length)]);
}

/** The kept sizes of a group's counted sets (one HGETALL: O(sets in the group)). */
export async function readCounts(client: RedisClient, keys: RedisKeys, group: string): Promise<Map<string, number>> {
  const fields = await client.hGetAll(keys.counts(group));
  return new Map(Object.entries(fields).map(([field, value]) => [field, Number(value)]));
}
