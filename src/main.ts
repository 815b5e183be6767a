import { learnerRowsRule } from './learners/learner-rows.js';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { startConsole } from '../adapters/console/start-console.js';
import { startDiscord } from '../adapters/discord/start-discord.js';
import { startSlack } from '../adapters/slack/start-slack.js';
import { dashboardRoute } from '../adapters/web/dashboard-route.js';
import { createBot, type Bot } from './bot.js';
import { loadConfig, secretsOf, withEnvFile, type Config } from './config.js';
import { loadCurricula } from './curriculum/load-curricula.js';
import { createJsonLogger } from './infra/json-logger.js';
import { createCronScheduler } from './infra/cron-scheduler.js';
import { openStore } from './infra/open-store.js';
import type { AdapterHealth } from './ops/adapter-health.js';
import { createHealthCheck } from './ops/create-health-check.js';
import { failStartUp } from './ops/fail-start-up.js';
import { guardProcess } from './ops/guard-process.js';
import { handleShutdownSignals } from './ops/handle-shutdown-signals.js';
import { createHealthEndpoint, HEALTH_PATH } from './ops/health-endpoint.js';
import { shardPort } from './ops/shard-port.js';
import type { HttpRoute } from './ops/http-route.js';
import { startConsoleWeb } from './ops/start-console-web.js';
import { startHealthServer } from './ops/start-health-server.js';
import { obeyShardingManager } from './ops/stop-request.js';
import { systemClock } from './ports/clock.js';
import type { Logger } from './ports/logger.js';
import type { Scheduler } from './ports/scheduler.js';
import type { Store } from './ports/store.js';

/** Load balancers and orchestrators give up on a probe after a few seconds: answer well before. */
const HEALTH_TIMEOUT_MS = 2_000;

/** A running platform adapter, as the composition root sees it. */
interface Platform {
  name: string;
  /** The HTTP port it listens on, if it does (Slack over HTTP). */
  port?: number;
  health: () => AdapterHealth;
  stop: () => Promise<void>;
}

/** Composition root: config -> store -> bot -> adapters. The only file in src/ that knows the adapters. */
async function main(startUp: { logger?: Logger }): Promise<void> {
  const config = loadConfig(withEnvFile(process.env));
  const consoleMode = !config.discord && !config.slack;
  const { shard } = config;
  // The console chat owns the terminal: only warnings reach it unless LOG_LEVEL says otherwise.
  const logger = createJsonLogger(
    { level: config.log.level ?? (consoleMode ? 'warn' : 'info'), secrets: secretsOf(config) },
    shard ? { shard: shard.ids.join(',') } : {},
  );
  startUp.logger = logger;
  // From here on, an error no adapter caught is logged and the bot keeps serving.
  guardProcess(process, logger);
  const paths = await loadCurricula(config.curriculum.dir, (warning) =>
    logger.warn(warning.message, { file: warning.file, line: warning.line }),
  );
  const learnerRows = learnerRowsRule(paths, config.community.defaultTimeZone);
  const store = await openStore(config.store.url, logger, { ...config.store, learnerRows });
  const consoleWeb = consoleMode
    ? await startConsoleWeb({ port: config.http.port, dashboard: config.dashboard }, logger)
    : undefined;
  const dashboard = consoleMode ? consoleWeb?.dashboard : config.dashboard;
  const bot = createBot({
    store,
    clock: systemClock,
    logger,
    paths,
    settings: { ...config.community, dashboard },
    reminders: config.reminders,
  });
  const webRoutes = dashboard
    ? [
        dashboardRoute({
          store,
          stats: bot.communityStats,
          paths,
          clock: systemClock,
          logger,
          settings: dashboard,
          defaultTimeZone: config.community.defaultTimeZone,
        }),
      ]
    : [];
  const scheduler = createCronScheduler(logger);
  if (consoleWeb) {
    consoleWeb.routes.push(...webRoutes);
    const chat = runConsole(bot, logger);
    await startReminders(bot, scheduler, logger);
    await chat;
    await scheduler.stop();
    await consoleWeb.server?.close();
    await store.close();
    return;
  }
  await runServer(config, { bot, store, logger, scheduler, shard, webRoutes });
}

interface ServerDeps {
  bot: Bot;
  store: Store;
  logger: Logger;
  scheduler: Scheduler;
  shard: { ids: number[]; count: number } | undefined;
  /** Served beside /healthz (the dashboard). */
  webRoutes: HttpRoute[];
}

/** Platforms, /healthz and the reminder ticks, until a signal (or the sharding manager) says stop. */
async function runServer(config: Config, deps: ServerDeps): Promise<void> {
  const { bot, store, logger, scheduler } = deps;
  const health = createHealthCheck({
    store,
    storeBackend: config.store.url.split(':')[0]!,
    timeoutMs: HEALTH_TIMEOUT_MS,
    secrets: secretsOf(config),
  });
  const endpoint = createHealthEndpoint(health, logger);
  const port = shardPort(config.http.port, deps.shard?.ids);
  const platforms = await startPlatforms(config, {
    bot,
    store,
    logger,
    port,
    shard: deps.shard,
    httpRoutes: [{ path: HEALTH_PATH, listener: endpoint }, ...deps.webRoutes],
  });
  for (const platform of platforms) health.watch(platform.name, platform.health);
  // Slack over HTTP already listens on the port and serves /healthz itself.
  const httpPlatform = platforms.find((platform) => platform.port !== undefined);
  const healthServer = httpPlatform
    ? undefined
    : await startHealthServer({
        port,
        host: config.http.host,
        routes: [{ path: HEALTH_PATH, listener: endpoint }, ...deps.webRoutes],
      });
  logger.info('health endpoint listening', {
    path: HEALTH_PATH,
    port: healthServer?.port ?? httpPlatform?.port,
    dashboard: deps.webRoutes.length > 0,
  });

  const remindersStarted = startReminders(bot, scheduler, logger);
  const shutdown = handleShutdownSignals(
    {
      signals: process,
      exit: (code) => process.exit(code),
      logger,
      timeoutMs: config.http.shutdownTimeoutSeconds * 1000,
    },
    async () => {
      health.markStopping();
      bot.stopDeliveries();
      // Sends already under way finish first: Discord's go through its client, which must stay up until then.
      await remindersStarted;
      await scheduler.stop();
      for (const platform of platforms)
        await platform
          .stop()
          .catch((error: unknown) => logger.error('adapter stop failed', { platform: platform.name, error }));
      await healthServer?.close();
      await store.close();
    },
  );
  if (process.send) obeyShardingManager(shutdown, logger);
  await remindersStarted;
}

/** Adapters have registered their messengers by now: catch up what was missed, then tick every minute. */
async function startReminders(bot: Bot, scheduler: Scheduler, logger: Logger): Promise<void> {
  // A store outage during the catch-up must not take the running bot down; the ticks look back too.
  await bot.reminders
    .catchUp()
    .catch((error: unknown) => logger.error('reminder catch-up failed; the minute ticks go on', { error }));
  scheduler.every('reminders', '* * * * *', async () => {
    const report = await bot.reminders.tick();
    // A line per minute that had work: what this instance sent, and what it left to the others (busy).
    if (Object.values(report).some((count) => count > 0)) logger.info('reminder tick', report);
  });
  scheduler.every('weekly-digest', '* * * * *', async () => void (await bot.digests.tick()));
}

async function runConsole(bot: Bot, logger: Logger): Promise<void> {
  const { values } = parseArgs({
    options: { user: { type: 'string' }, channel: { type: 'string' }, path: { type: 'string' } },
    strict: false,
  });
  const userName = typeof values.user === 'string' && values.user.trim() ? values.user : safeUserName();
  const channel = typeof values.channel === 'string' && values.channel.trim() ? values.channel : 'general';
  const path = typeof values.path === 'string' ? values.path : undefined;
  await startConsole({
    bot,
    logger,
    options: {
      input: process.stdin,
      output: process.stdout,
      userName,
      channel,
      path,
      interactive: Boolean(process.stdin.isTTY),
    },
  });
}

interface PlatformDeps extends Omit<ServerDeps, 'scheduler' | 'webRoutes'> {
  port: number;
  /** What Slack over HTTP serves beside /slack/events, when it is the one listening on the port. */
  httpRoutes: HttpRoute[];
}

async function startPlatforms(config: Config, deps: PlatformDeps): Promise<Platform[]> {
  const { bot, store, logger } = deps;
  const platforms: Platform[] = [];
  if (config.discord) {
    const discord = await startDiscord({
      bot,
      logger,
      budgets: store.sendBudgets,
      options: { ...config.discord, shards: deps.shard },
    });
    platforms.push({ name: 'discord', health: discord.health, stop: discord.stop });
  }
  if (config.slack) {
    const slack = await startSlack({
      bot,
      store,
      logger,
      options: { ...config.slack, port: deps.port, host: config.http.host, httpRoutes: deps.httpRoutes },
    });
    platforms.push({ name: 'slack', port: slack.port, health: slack.health, stop: slack.stop });
  }
  return platforms;
}

function safeUserName(): string {
  try {
    return userInfo().username || 'you';
  } catch {
    return 'you';
  }
}

// Filled in once there is a logger, so a start-up failure's stack can go to its debug log.
const startUp: { logger?: Logger } = {};
main(startUp).catch((error: unknown) => failStartUp('Cannot start', error, startUp.logger));
