/**
 * `npm run discord:shards`: runs the bot as one process per Discord shard (discord.js's
 * ShardingManager), for bots in 2,500 guilds or more. Every shard process is a full `npm start`
 * (its own gateway shard, reminders, /healthz on PORT + shard id) sharing one Redis store.
 */
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, secretsOf, withEnvFile } from '../../src/config.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { handleShutdownSignals } from '../../src/ops/handle-shutdown-signals.js';
import { spawnShards } from './spawn-shards.js';

/** The manager waits a little longer than each shard's own shutdown deadline. */
const STOP_MARGIN_MS = 5_000;

async function main(): Promise<void> {
  const config = loadConfig(withEnvFile(process.env));
  const { discord } = config;
  if (!discord)
    throw new ConfigError('To start Discord shards, set DISCORD_TOKEN and DISCORD_APP_ID (see docs/DISCORD.md).');
  const logger = createJsonLogger(
    { level: config.log.level ?? 'info', secrets: secretsOf(config) },
    { component: 'shard-manager' },
  );
  const stopTimeoutMs = config.http.shutdownTimeoutSeconds * 1000 + STOP_MARGIN_MS;
  const shards = await spawnShards({
    logger,
    options: {
      file: fileURLToPath(new URL('../../src/main.ts', import.meta.url)),
      // Each shard runs the TypeScript entry point through the same loader as `npm start`.
      execArgv: ['--import', import.meta.resolve('tsx')],
      token: discord.token,
      apiUrl: discord.apiUrl,
      count: config.shardManager.count,
      storeUrl: config.store.url,
      stopTimeoutMs,
    },
  });
  handleShutdownSignals(
    { signals: process, exit: (code) => process.exit(code), logger, timeoutMs: stopTimeoutMs + STOP_MARGIN_MS },
    () => shards.stop(),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`discord:shards cannot start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
