import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { learnerRowsRule } from '../../src/learners/learner-rows.js';
import { openStore } from '../../src/infra/open-store.js';
import type { Store } from '../../src/ports/store.js';
import { DEFAULT_SENDS_PER_SECOND } from '../../adapters/discord/discord-send-budget.js';
import { dropRedisNamespace } from '../fakes/drop-redis-namespace.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { freePort } from '../fakes/free-port.js';
import { createRedisServerProcess } from '../fakes/redis-server-process.js';
import { startNodeProcess, type NodeProcess } from '../ops/node-process.js';
import { busiestWindow } from '../support/busiest-window.js';
import { atLeast, atMost, below, figure, formatNumber, type Figure } from './bench-report.js';
import { summarize } from './latency-stats.js';
import {
  discordPhase,
  INSTANCES,
  SECRET,
  slackPhase,
  WORKSPACES,
  type PhaseResult,
  type SharedBudgetOptions,
} from './shared-budget-phases.js';

export type { SharedBudgetOptions } from './shared-budget-phases.js';

/**
 * Three bot processes (`src/main.ts`, as `npm start` runs it: each one Discord shard of three and a Slack HTTP
 * endpoint) on one Redis namespace, against the loopback Discord, which enforces 50 requests/s across all
 * connections, and the loopback Slack with 10 workspaces (each its own budget per minute). `reminders` Discord
 * reminders fall due at one minute, then as many Slack ones at a later minute; every process's minute tick
 * races for them, taking permits from the one shared budget.
 */
export async function benchSharedBudget(options: SharedBudgetOptions): Promise<Figure[]> {
  const redis = options.redisUrl ? { url: options.redisUrl, stop: async () => undefined } : await privateRedis();
  const namespace = `bench-${randomUUID()}`;
  const discord = await FakeDiscord.start({ shards: INSTANCES });
  const slack = await startFakeSlack();
  const bots: NodeProcess[] = [];
  let store: Store | undefined;
  try {
    const port = await freePort();
    const env = botEnv(options, { redisUrl: redis.url, namespace, discord, slack, port });
    for (let shard = 0; shard < INSTANCES; shard += 1)
      bots.push(startNodeProcess('src/main.ts', { ...env, SHARDS: String(shard) }));
    for (const bot of bots) await bot.waitForLog('health endpoint listening', {}, 60_000);
    options.progress(`shared budget: ${INSTANCES} bot processes up`);
    store = await openStore(redis.url, createJsonLogger({ level: 'silent' }), {
      namespace,
      // Outside vitest: the curriculum's rule read here (test-bot.ts needs vitest's state).
      learnerRows: learnerRowsRule(await loadCurricula(resolve(import.meta.dirname, '../../curriculum')), 'UTC'),
    });
    const phases = [
      await discordPhase(options, { store, discord, bots }),
      await slackPhase(options, { store, slack, bots, port }),
    ];
    return phases.flatMap((phase) => phaseFigures(phase, options));
  } finally {
    await store?.close();
    await Promise.all(bots.map((bot) => stop(bot)));
    await discord.close();
    await slack.close();
    await dropRedisNamespace(namespace, redis.url);
    await redis.stop();
  }
}

function botEnv(
  options: SharedBudgetOptions,
  at: { redisUrl: string; namespace: string; discord: FakeDiscord; slack: FakeSlack; port: number },
): Record<string, string> {
  return {
    STORE_URL: at.redisUrl,
    STORE_NAMESPACE: at.namespace,
    LOG_LEVEL: 'info',
    DISCORD_TOKEN: at.discord.token,
    DISCORD_APP_ID: at.discord.appId,
    DISCORD_API_URL: at.discord.apiUrl,
    ...(options.discordSendsPerSecond ? { DISCORD_SENDS_PER_SECOND: String(options.discordSendsPerSecond) } : {}),
    SLACK_BOT_TOKEN: 'xoxb-bench-shared-budget',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: at.slack.apiUrl,
    SLACK_MESSAGES_PER_MINUTE: String(options.slackMessagesPerMinute),
    HOST: '127.0.0.1',
    // Each process serves /healthz and Slack on PORT + its shard id, as under `npm run discord:shards`.
    PORT: String(at.port),
    SHARD_COUNT: String(INSTANCES),
  };
}

function phaseFigures(phase: PhaseResult, options: SharedBudgetOptions): Figure[] {
  const { platform, acceptedAt } = phase;
  const rate = (acceptedAt.length - 1) / ((Math.max(...acceptedAt) - Math.min(...acceptedAt)) / 1000);
  const commands = summarize(phase.commandLatenciesMs);
  const total = phase.sentBy.reduce((sum, sent) => sum + sent, 0);
  const configured =
    platform === 'Discord'
      ? `DISCORD_SENDS_PER_SECOND=${options.discordSendsPerSecond ?? DEFAULT_SENDS_PER_SECOND} for all ${INSTANCES}`
      : `${WORKSPACES} workspaces, each allowing ${options.slackMessagesPerMinute}/min; SLACK_MESSAGES_PER_MINUTE=${options.slackMessagesPerMinute} for all ${INSTANCES}`;
  return [
    figure(
      `${platform}: combined rate ÷ budget`,
      rate / phase.budgetPerSecond,
      '×',
      atLeast(0.9),
      `${formatNumber(rate)}/s of ${formatNumber(phase.budgetPerSecond)}/s; ${options.reminders.toLocaleString('en-US')} reminders in ${formatNumber((Math.max(...acceptedAt) - Math.min(...acceptedAt)) / 1000)} s; ${configured}`,
    ),
    ...(platform === 'Discord'
      ? [
          figure(
            'Discord: busiest second at Discord',
            busiestWindow(phase.countedAt, 1000),
            '',
            atMost(50),
            "requests of all 3 processes in any 1-s window of the fake's arrival log",
          ),
        ]
      : []),
    figure(`${platform}: 429s received`, phase.limit.refusals.length, ''),
    figure(`${platform}: most 429s in one window`, phase.limit.maxRefusalsPerWindow(), '', atMost(1)),
    figure(`${platform}: duplicates`, phase.duplicates, '', atMost(0)),
    figure(`${platform}: misses`, phase.misses, '', atMost(0)),
    figure(
      `${platform}: slowest slash command during fan-out`,
      commands.max,
      'ms',
      below(1000),
      `${commands.count} commands, one per process at a quarter, half and three quarters (p50 ${formatNumber(commands.p50)} ms)`,
    ),
    figure(
      `${platform}: smallest instance share`,
      (Math.min(...phase.sentBy) / Math.max(1, total)) * 100,
      '%',
      undefined,
      `sent by each process: ${phase.sentBy.map((sent) => `${sent} (${formatNumber((sent / Math.max(1, total)) * 100)}%)`).join(', ')}`,
    ),
  ];
}

/** SIGTERM, and SIGKILL if it has not shut down cleanly within 30 s. */
async function stop(bot: NodeProcess): Promise<void> {
  bot.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([bot.exited, new Promise((resolve) => (timer = setTimeout(resolve, 30_000)))]);
  clearTimeout(timer);
  bot.kill();
}

async function privateRedis(): Promise<{ url: string; stop: () => Promise<void> }> {
  const server = await createRedisServerProcess({ durable: false });
  await server.start();
  return { url: server.url, stop: () => server.stop() };
}
