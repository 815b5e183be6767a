/**
 * The HTTP port of a shard process: PORT + its first shard id, so shards started on one host by
 * `npm run discord:shards` don't collide. Port 0 ("any free port") stays 0.
 */
export function shardPort(port: number, shardIds: readonly number[] | undefined): number {
  const offset = shardIds?.[0] ?? 0;
  if (port === 0 || offset === 0) return port;
  if (port + offset > 65_535) throw new Error(`PORT ${port} + shard ${offset} is beyond 65535: choose a lower PORT.`);
  return port + offset;
}
