/**
 * `npm run discord:deploy`: registers /<path> for every curriculum file, to DISCORD_GUILD_ID when set
 * (instant) or globally. Reads the same configuration as `npm start` (.env or the environment).
 */
import { existsSync } from 'node:fs';
import { REST } from 'discord.js';
import { createBot } from '../../src/bot.js';
import { ConfigError, loadConfig, secretsOf } from '../../src/config.js';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openStore } from '../../src/infra/open-store.js';
import { systemClock } from '../../src/ports/clock.js';
import { deploySlashCommands } from './deploy-slash-commands.js';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  if (!config.DISCORD_TOKEN || !config.DISCORD_APP_ID) {
    throw new ConfigError('To deploy the slash commands, set DISCORD_TOKEN and DISCORD_APP_ID (see docs/DISCORD.md).');
  }
  const logger = createJsonLogger({ level: config.LOG_LEVEL ?? 'info', secrets: secretsOf(config) });
  // The commands come from the bot itself, so what is registered is exactly what it answers.
  const store = await openStore('memory://', logger);
  const bot = createBot({
    store,
    clock: systemClock,
    logger,
    paths: await loadCurricula(config.CURRICULUM_DIR),
    settings: { defaultTimeZone: config.DEFAULT_TIME_ZONE },
  });
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  try {
    const result = await deploySlashCommands({ rest, appId: config.DISCORD_APP_ID, guildId: config.DISCORD_GUILD_ID, paths: bot.paths });
    const where = result.scope === 'guild'
      ? `in server ${config.DISCORD_GUILD_ID} (available now)`
      : 'globally (can take a few minutes to show up in every server)';
    console.log(`Registered ${result.names.map((name) => `/${name}`).join(', ')} ${where}.`);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    await store.close();
  }
}

main().catch((error: unknown) => {
  const status = (error as { status?: unknown }).status;
  const message = status === 401
    ? 'Discord refused DISCORD_TOKEN (401); copy the bot token again from the Developer Portal (Bot > Reset Token).'
    : error instanceof Error ? error.message : String(error);
  console.error(`discord:deploy failed: ${message}`);
  process.exitCode = 1;
});
