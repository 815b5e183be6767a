import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { createBot, type Bot } from '../../src/bot.js';
import type { DashboardSettings } from '../../src/dashboard/dashboard-settings.js';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import type { LearningPath } from '../../src/curriculum/learning-path.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openStore } from '../../src/infra/open-store.js';
import { createMemoryData, type MemoryData } from '../../src/infra/memory/memory-engine.js';
import { learnerRowsRule } from '../../src/learners/learner-rows.js';
import type { Logger } from '../../src/ports/logger.js';
import type { LearnerRowsRule, Store } from '../../src/ports/store.js';
import type { ReminderJobOptions } from '../../src/reminders/reminder-job.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';
import { dropRedisNamespace } from './drop-redis-namespace.js';

export const CURRICULUM_DIR = resolve(import.meta.dirname, '../../curriculum');
/** Tue 2026-11-24 10:00 UTC. */
export const DEFAULT_NOW = Date.UTC(2026, 10, 24, 10, 0);

export interface TestBot {
  bot: Bot;
  store: Store;
  clock: FakeClock;
  logger: Logger;
  paths: LearningPath[];
  namespace: string;
}

export interface TestBotOptions {
  now?: number;
  storeUrl?: string;
  /** In-memory data a test can reach behind the bot's back, and start a second bot on (a restart). */
  memory?: MemoryData;
  /** Another bot on the same data passes the first one's namespace. */
  namespace?: string;
  paths?: LearningPath[];
  defaultTimeZone?: string;
  reminders?: Partial<ReminderJobOptions>;
  /** The deadline of every store call (the bot's default otherwise). */
  storeTimeoutMs?: number;
  /** Where the bot and its store log (nowhere, unless TEST_LOG_LEVEL=debug). */
  logger?: Logger;
  /** Turns the web dashboard's sign-in links on (the `dashboard` command). */
  dashboard?: DashboardSettings;
}

export { createMemoryData, type MemoryData };

/**
 * The real bot on a real store (in memory unless a URL is given), the real curriculum and a fixed clock.
 * On Redis each test bot gets its own namespace, deleted when its store closes.
 */
export async function createTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const clock = createFakeClock(options.now ?? DEFAULT_NOW);
  const logger =
    options.logger ?? createJsonLogger({ level: process.env.TEST_LOG_LEVEL === 'debug' ? 'debug' : 'silent' });
  const url = options.storeUrl ?? 'memory://';
  // A shared Redis gets a namespace per test bot; a file or memory store keeps the bot's own, like production.
  const namespace = options.namespace ?? (url.startsWith('redis') ? `test-${randomUUID()}` : 'pathbot');
  const paths = options.paths ?? (await loadCurricula(CURRICULUM_DIR));
  const defaultTimeZone = options.defaultTimeZone ?? 'UTC';
  const store = await openStore(url, logger, {
    learnerRows: learnerRowsRule(paths, defaultTimeZone),
    clock,
    namespace,
    ...(options.storeTimeoutMs !== undefined && { timeoutMs: options.storeTimeoutMs }),
    ...(options.memory && { memory: options.memory }),
  });
  if (url.startsWith('redis') && !options.namespace) {
    const close = store.close.bind(store);
    store.close = async () => {
      await close();
      await dropRedisNamespace(namespace, url);
    };
  }
  const bot = createBot({
    store,
    clock,
    logger,
    paths,
    settings: { defaultTimeZone, ...(options.dashboard && { dashboard: options.dashboard }) },
    reminders: { backoffMs: 5, ...options.reminders },
  });
  return { bot, store, clock, logger, paths, namespace };
}

/** The rule a store opened outside a test bot derives learner rows by: the real curriculum's, in UTC. */
export async function testLearnerRows(zone = 'UTC'): Promise<LearnerRowsRule> {
  return learnerRowsRule(await loadCurricula(CURRICULUM_DIR), zone);
}
