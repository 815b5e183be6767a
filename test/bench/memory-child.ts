/**
 * Runs in a process of its own (see bench-memory.ts), so its peak RSS is the bot's alone: opens a stored
 * data set, reads the channel's leaderboard, claims a few minutes of reminders and answers commands,
 * then prints what the process used at its peak as one JSON line.
 */
import { renderConsoleReply } from '../../adapters/console/render-console-reply.js';
import { createBot } from '../../src/bot.js';
import { parseCommandLine } from '../../src/commands/parse-command-line.js';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openStore } from '../../src/infra/open-store.js';
import { learnerRowsRule } from '../../src/learners/learner-rows.js';
import { minuteOf } from '../../src/reminders/minute-of.js';
import { createFakeClock } from '../fakes/fake-clock.js';
import { CURRICULUM_DIR } from '../fakes/test-bot.js';
import { BENCH_CHANNEL, benchBoard, benchLearner, benchUser, seededRandom } from './bench-learners.js';

export interface MemoryChildInput {
  url: string;
  namespace: string;
  learners: number;
  now: number;
  commands: number;
}

export interface MemoryChildOutput {
  rssAtStartMB: number;
  maxRssMB: number;
  heapUsedMB: number;
  boardTotal: number;
}

const MB = 1024 * 1024;
const input = JSON.parse(process.argv[2] ?? '{}') as MemoryChildInput;
const rssAtStartMB = process.memoryUsage().rss / MB;
const clock = createFakeClock(input.now);
const paths = await loadCurricula(CURRICULUM_DIR);
const store = await openStore(input.url, createJsonLogger({ level: 'silent' }), {
  learnerRows: learnerRowsRule(paths, 'UTC'),
  clock,
  namespace: input.namespace,
});
const bot = createBot({
  store,
  clock,
  logger: createJsonLogger({ level: 'silent' }),
  paths,
  settings: { defaultTimeZone: 'UTC' },
});
const spec = bot.paths[0]!;
const random = seededRandom(3);

const page = await store.boards.top(benchBoard(spec.name), 10, benchLearner(1));
for (let minute = minuteOf(input.now) + 1; minute <= minuteOf(input.now) + 30; minute += 1) {
  for (const slot of await store.learners.due(minute)) await store.claims.claim(`lease:${slot}@memory`, 60_000);
}
for (let index = 0; index < input.commands; index += 1) {
  const parsed = parseCommandLine(['next', 'done', 'progress', 'leaderboard'][index % 4]!, spec);
  const user = benchUser(Math.floor(random() * input.learners));
  renderConsoleReply(await bot.handle({ path: spec.name, ...parsed, user, channel: BENCH_CHANNEL }));
}
await store.close();
const output: MemoryChildOutput = {
  rssAtStartMB,
  // maxRSS is in kilobytes (https://nodejs.org/api/process.html#processresourceusage).
  maxRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
  heapUsedMB: process.memoryUsage().heapUsed / MB,
  boardTotal: page.total,
};
process.stdout.write(`${JSON.stringify(output)}\n`);
