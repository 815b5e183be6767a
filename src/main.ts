import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { startConsole } from '../adapters/console/start-console.js';
import { startDiscord } from '../adapters/discord/start-discord.js';
import { startSlack } from '../adapters/slack/start-slack.js';
import { createBot, type Bot } from './bot.js';
import { ConfigError, loadConfig, secretsOf, type Config } from './config.js';
import { CurriculumError } from './curriculum/curriculum-error.js';
import { loadCurricula } from './curriculum/load-curricula.js';
import { createJsonLogger } from './infra/json-logger.js';
import { createCronScheduler } from './infra/cron-scheduler.js';
import { openStore } from './infra/open-store.js';
import { systemClock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';
import type { Scheduler } from './ports/scheduler.js';
import type { Store } from './ports/store.js';

/** Composition root: config -> store -> bot -> adapters. The only file in src/ that knows the adapters. */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig(process.env);
  const consoleMode = !config.DISCORD_TOKEN && !config.SLACK_BOT_TOKEN;
  // The console chat owns the terminal: only warnings reach it unless LOG_LEVEL says otherwise.
  const logger = createJsonLogger({ level: config.LOG_LEVEL ?? (consoleMode ? 'warn' : 'info'), secrets: secretsOf(config) });
  const paths = await loadCurricula(config.CURRICULUM_DIR);
  const store = await openStore(config.STORE_URL, logger, { namespace: config.STORE_NAMESPACE });
  const bot = createBot({
    store, clock: systemClock, logger, paths,
    settings: { defaultTimeZone: config.DEFAULT_TIME_ZONE },
    reminders: { catchUpMinutes: config.REMINDER_CATCHUP_MINUTES },
  });
  const scheduler = createCronScheduler(logger);
  if (consoleMode) {
    const chat = runConsole(bot, logger);
    await startReminders(bot, scheduler);
    await chat;
    await scheduler.stop();
    await store.close();
    return;
  }
  const stops = await startPlatforms(config, bot, store, logger);
  await startReminders(bot, scheduler);
  const shutdown = async (signal: string) => {
    logger.info('shutting down', { signal });
    await scheduler.stop();
    for (const stop of stops) await stop().catch((error: unknown) => logger.error('adapter stop failed', { error }));
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

/** Adapters have registered their messengers by now: catch up what was missed, then tick every minute. */
async function startReminders(bot: Bot, scheduler: Scheduler): Promise<void> {
  await bot.reminders.catchUp();
  scheduler.every('reminders', '* * * * *', async () => void (await bot.reminders.tick()));
  scheduler.every('weekly-digest', '* * * * *', async () => void (await bot.digests.tick()));
}

async function runConsole(bot: Bot, logger: Logger): Promise<void> {
  const { values } = parseArgs({ options: { user: { type: 'string' }, channel: { type: 'string' } }, strict: false });
  const userName = typeof values.user === 'string' && values.user.trim() ? values.user : safeUserName();
  const channel = typeof values.channel === 'string' && values.channel.trim() ? values.channel : 'general';
  await startConsole({ bot, logger, options: { input: process.stdin, output: process.stdout, userName, channel, interactive: Boolean(process.stdin.isTTY) } });
}

async function startPlatforms(config: Config, bot: Bot, store: Store, logger: Logger): Promise<(() => Promise<void>)[]> {
  const stops: (() => Promise<void>)[] = [];
  if (config.DISCORD_TOKEN && config.DISCORD_APP_ID) {
    const discord = await startDiscord({ bot, logger, options: { token: config.DISCORD_TOKEN, appId: config.DISCORD_APP_ID, guildId: config.DISCORD_GUILD_ID, apiUrl: config.DISCORD_API_URL, sendsPerSecond: config.DISCORD_SENDS_PER_SECOND } });
    stops.push(discord.stop);
  }
  if (config.SLACK_BOT_TOKEN && config.SLACK_SIGNING_SECRET) {
    const slack = await startSlack({
      bot, store, logger,
      options: {
        botToken: config.SLACK_BOT_TOKEN, signingSecret: config.SLACK_SIGNING_SECRET, appToken: config.SLACK_APP_TOKEN, apiUrl: config.SLACK_API_URL,
        port: config.PORT, adminUserIds: config.SLACK_ADMIN_USER_IDS, workspaceMessagesPerMinute: config.SLACK_MESSAGES_PER_MINUTE,
      },
    });
    stops.push(slack.stop);
  }
  return stops;
}

function safeUserName(): string {
  try {
    return userInfo().username || 'you';
  } catch {
    return 'you';
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof CurriculumError) {
    process.stderr.write(`Cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`Cannot start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  }
  process.exit(1);
});
