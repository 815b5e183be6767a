/**
 * `npm run discord:deploy`: registers /<path> for every curriculum file, to DISCORD_GUILD_ID when set
 * (instant) or globally. Reads the same configuration as `npm start` (.env or the environment).
 */
import { learnerRowsRule } from '../../src/learners/learner-rows.js';
import { REST } from 'discord.js';
import { createBot } from '../../src/bot.js';
import { ConfigError, loadConfig, secretsOf, withEnvFile } from '../../src/config.js';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openStore } from '../../src/infra/open-store.js';
import { failStartUp } from '../../src/ops/fail-start-up.js';
import { StartUpError } from '../../src/ops/start-up-error.js';
import { systemClock } from '../../src/ports/clock.js';
import type { Logger } from '../../src/ports/logger.js';
import { deploySlashCommands } from './deploy-slash-commands.js';

async function main(startUp: { logger?: Logger }): Promise<void> {
  const config = loadConfig(withEnvFile(process.env));
  const { discord } = config;
  if (!discord) throw new ConfigError('set DISCORD_TOKEN and DISCORD_APP_ID in .env (see docs/DISCORD.md).');
  const logger = createJsonLogger({ level: config.log.level ?? 'info', secrets: secretsOf(config) });
  startUp.logger = logger;
  // The commands come from the bot itself, so what is registered is exactly what it answers.
  const paths = await loadCurricula(config.curriculum.dir);
  const store = await openStore('memory://', logger, {
    learnerRows: learnerRowsRule(paths, config.community.defaultTimeZone),
  });
  const bot = createBot({ store, clock: systemClock, logger, paths, settings: config.community });
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  try {
    const result = await deploySlashCommands({
      rest,
      appId: discord.appId,
      guildId: discord.guildId,
      paths: bot.paths,
    }).catch((error: unknown) => {
      if ((error as { status?: unknown }).status !== 401) throw error;
      throw new StartUpError(
        'Discord refused DISCORD_TOKEN (401); copy the bot token again from the Developer Portal (Bot > Reset Token).',
        { cause: error },
      );
    });
    const where =
      result.scope === 'guild'
        ? `in server ${discord.guildId} (available now)`
        : 'globally (can take a few minutes to show up in every server)';
    console.log(`Registered ${result.names.map((name) => `/${name}`).join(', ')} ${where}.`);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    await store.close();
  }
}

const startUp: { logger?: Logger } = {};
main(startUp).catch((error: unknown) => failStartUp('Cannot deploy', error, startUp.logger));
