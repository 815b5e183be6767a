import type { Logger } from '../../ports/logger.js';
import type { RecordStore } from '../../ports/store.js';
import type { RedisKeys } from './redis-keys.js';
import { redisScript, type RedisClient } from './redis-script.js';

/**
 * The layout this engine writes: 2 = digest settings beside the learner records, board rows without revisions;
 * 3 = counted sets and rosters (the dashboard's aggregates), derived from the records on the first start.
 */
export const SCHEMA_VERSION = 3;
const SCAN_COUNT = 500;

/** Raises the schema key to ARGV[1], never lowers it (a newer version may have started meanwhile). */
const raiseSchema = redisScript(`
if (tonumber(redis.call('GET', KEYS[1])) or 0) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return 1
`);

/**
 * Brings data an older version wrote up to this layout; true when it did (the rows derived from the records
 * are then rebuilt by the caller). The older version kept digest settings as Keyv records under
 * `record:digest:<board>`: each is moved, page by page, to `digest:<board>` unless that already exists.
 * Safe when two instances start at once: a second move of the same settings changes nothing.
 */
export async function upgradeSchema(
  client: RedisClient,
  keys: RedisKeys,
  records: RecordStore,
  logger: Logger,
): Promise<boolean> {
  if (Number((await client.get(keys.schema)) ?? 0) >= SCHEMA_VERSION) return false;
  const { match, recordPrefix } = keys.oldDigestPattern();
  // A namespace nobody wrote yet is simply stamped: there is nothing to move or rebuild.
  if (!(await anyKey(client, keys.recordPattern('learner').match)) && !(await anyKey(client, match))) {
    await raiseSchema.run(client, [keys.schema], [String(SCHEMA_VERSION)]);
    return false;
  }
  let moved = 0;
  for await (const page of client.scanIterator({ MATCH: match, COUNT: SCAN_COUNT })) {
    for (const key of page) {
      const board = key.slice(recordPrefix.length);
      // Read and deleted through Keyv (its envelope, its expiry); written where this version keeps digests.
      const settings = await records.get<unknown>(`digest:${board}`);
      if (settings !== undefined) {
        await client.set(keys.record('digest', board), JSON.stringify(settings), { condition: 'NX' });
        moved += 1;
      }
      await records.delete(`digest:${board}`);
    }
  }
  await raiseSchema.run(client, [keys.schema], [String(SCHEMA_VERSION)]);
  logger.info('redis data upgraded', { namespace: keys.namespace, schema: SCHEMA_VERSION, digestsMoved: moved });
  return true;
}

/** True when some key matches (the scan stops at the first). */
async function anyKey(client: RedisClient, match: string): Promise<boolean> {
  for await (const page of client.scanIterator({ MATCH: match, COUNT: SCAN_COUNT })) if (page.length > 0) return true;
  return false;
}
