import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import Keyv from 'keyv';
import { createBot, type Bot } from '../../src/bot.js';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import type { LearningPath } from '../../src/curriculum/learning-path.js';
import { unsavedBoardRows } from '../../src/infra/cached-board-store.js';
import { createKeyvStore } from '../../src/infra/create-keyv-store.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openStore } from '../../src/infra/open-store.js';
import { createMemorySetIndex, type SetIndex } from '../../src/infra/set-index.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import type { ReminderJobOptions } from '../../src/reminders/reminder-job.js';
import { createFakeClock, type FakeClock } from './fake-clock.js';
import { dropRedisNamespace } from './store-backends.js';

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
}

/** What a memory:// store holds, outside any one store: its Keyv map and its sets (board rows are not kept). */
export interface MemoryData {
  records: Map<string, unknown>;
  sets: SetIndex;
}

export function createMemoryData(): MemoryData {
  return { records: new Map(), sets: createMemorySetIndex() };
}

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
  const store = options.memory
    ? createKeyvStore(
        new Keyv({ store: options.memory.records, namespace, throwOnErrors: true }),
        'memory',
        clock,
        logger,
        {
          boardRows: unsavedBoardRows,
          sets: options.memory.sets,
        },
      )
    : await openStore(url, logger, { clock, namespace, timeoutMs: options.storeTimeoutMs });
  if (url.startsWith('redis') && !options.namespace) {
    const close = store.close.bind(store);
    store.close = async () => {
      await close();
      await dropRedisNamespace(namespace, url);
    };
  }
  const paths = options.paths ?? (await loadCurricula(CURRICULUM_DIR));
  const bot = createBot({
    store,
    clock,
    logger,
    paths,
    settings: { defaultTimeZone: options.defaultTimeZone ?? 'UTC' },
    reminders: { backoffMs: 5, ...options.reminders },
  });
  return { bot, store, clock, logger, paths, namespace };
}
