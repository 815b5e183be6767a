import type { ChildProcess } from 'node:child_process';
import { ShardingManager, type Shard } from 'discord.js';
import type { Logger } from '../../src/ports/logger.js';
import { STOP_REQUEST } from '../../src/ops/stop-request.js';
import { recommendedShardCount } from './recommended-shard-count.js';

export interface ShardsOptions {
  /** The bot's entry point, run once per shard (src/main.ts). */
  file: string;
  /** Node flags for each shard process (a TypeScript loader). */
  execArgv: string[];
  token: string;
  apiUrl?: string;
  count: number | 'auto';
  storeUrl: string;
  /** How long a shard process gets to shut down cleanly before it is killed. */
  stopTimeoutMs: number;
}

export interface RunningShards {
  count: number;
  /** Asks every shard process to shut down cleanly and waits for them to exit. */
  stop(): Promise<void>;
}

/** Discord allows one IDENTIFY per 5 s per bucket; discord.js's default gap between shard starts. */
const SPAWN_DELAY_MS = 5_500;
const READY_TIMEOUT_MS = 60_000;

/** Starts one bot process per shard with discord.js's ShardingManager, once the store can be shared. */
export async function spawnShards(deps: { logger: Logger; options: ShardsOptions }): Promise<RunningShards> {
  const { logger, options } = deps;
  const count = options.count === 'auto' ? await recommendedShardCount(options) : options.count;
  requireSharedStore(options.storeUrl, count);
  // No respawn while starting: a shard that cannot start (bad config) would be restarted forever.
  const manager = new ShardingManager(options.file, {
    totalShards: count,
    token: options.token,
    execArgv: options.execArgv,
    respawn: false,
    mode: 'process',
  });
  manager.on('shardCreate', (shard) => watchShard(shard, count, logger));
  logger.info('starting shards', { count });
  try {
    await manager.spawn({ amount: count, delay: SPAWN_DELAY_MS, timeout: READY_TIMEOUT_MS });
  } catch (error) {
    await stopShards(manager, options.stopTimeoutMs, logger);
    throw new Error(`a shard did not start: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  manager.respawn = true;
  logger.info('all shards ready', { count });
  return { count, stop: () => stopShards(manager, options.stopTimeoutMs, logger) };
}

/** SQLite and memory live in one process: several shards on them would each see a different bot. */
export function requireSharedStore(storeUrl: string, count: number): void {
  if (count <= 1 || /^rediss?:\/\//.test(storeUrl)) return;
  const scheme = storeUrl.split(':')[0];
  throw new Error(
    `${count} shards need a store they all share, and ${scheme}:// belongs to one process. ` +
      'Set STORE_URL=redis://host:6379 (see docs/DISCORD.md, "Sharding"), or DISCORD_SHARD_COUNT=1 for a single process.',
  );
}

function watchShard(shard: Shard, count: number, logger: Logger): void {
  const fields = { shard: shard.id, of: count };
  shard.on('ready', () => logger.info('shard ready', fields));
  shard.on('death', (child) =>
    logger.warn('shard process exited', { ...fields, code: (child as ChildProcess).exitCode }),
  );
  shard.on('reconnecting', () => logger.warn('shard reconnecting to the gateway', fields));
  // A failed respawn is reported here; without a listener the manager itself would crash.
  shard.on('error', (error) => logger.error('shard error', { ...fields, error }));
}

async function stopShards(manager: ShardingManager, timeoutMs: number, logger: Logger): Promise<void> {
  manager.respawn = false;
  await Promise.all([...manager.shards.values()].map((shard) => stopShard(shard, timeoutMs, logger)));
}

async function stopShard(shard: Shard, timeoutMs: number, logger: Logger): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Over IPC rather than a signal: a Ctrl+C already reached the shard too, and a second signal means "now".
  child.send(STOP_REQUEST, (error) => error && child.kill('SIGTERM'));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  if ((await Promise.race([exited, late])) === 'late') {
    logger.error('shard did not stop in time: killing it', { shard: shard.id, timeoutMs });
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}
