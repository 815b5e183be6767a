import { renderConsoleReply } from '../../adapters/console/render-console-reply.js';
import { createBot } from '../../src/bot.js';
import { parseCommandLine } from '../../src/commands/parse-command-line.js';
import type { LearningPath } from '../../src/curriculum/learning-path.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { learnerKey } from '../../src/model/learner-key.js';
import type { Dataset } from './bench-datasets.js';
import { BENCH_CHANNEL, benchUser, seededRandom } from './bench-learners.js';
import { atLeast, below, figure, formatNumber, type Figure } from './bench-report.js';
import { median, summarize } from './latency-stats.js';

const COMMANDS = ['next', 'done', 'progress'] as const;
const WARM_UP = 300;

export interface CommandBenchDeps {
  dataset: Dataset;
  paths: LearningPath[];
  commandsPerRound: number;
  rounds: number;
}

/**
 * Learners' commands through the whole core as the console adapter runs them (parse the line, bot.handle,
 * render), one after another, beside plain Keyv get+set pairs on the same store, in alternating rounds so
 * both see the same machine. Returns the figures for one backend.
 */
export async function benchCommands({ dataset, paths, commandsPerRound, rounds }: CommandBenchDeps): Promise<Figure[]> {
  const { store, clock, learners, backend } = dataset;
  const bot = createBot({
    store,
    clock,
    logger: createJsonLogger({ level: 'silent' }),
    paths,
    settings: { defaultTimeZone: 'UTC' },
  });
  const spec = bot.paths[0]!;
  const random = seededRandom(7);
  const runOne = async (command: string) => {
    const user = benchUser(Math.floor(random() * learners));
    const started = performance.now();
    const parsed = parseCommandLine(command, spec);
    const reply = await bot.handle({ path: spec.name, ...parsed, user, channel: BENCH_CHANNEL, isAdmin: false });
    renderConsoleReply(reply);
    return performance.now() - started;
  };

  const raw = await backend.openRawKeyv();
  // A value the size of a real learner record, under as many keys as there are learners.
  const value = await store.learners.get(learnerKey(benchUser(0)));
  for (let index = 0; index < learners; index += 1) await raw.keyv.set(`raw:${index}`, value);
  for (let index = 0; index < WARM_UP; index += 1) await runOne(COMMANDS[index % COMMANDS.length]!);

  const latencies: Record<string, number[]> = { next: [], done: [], progress: [] };
  const commandRates: number[] = [];
  const rawRates: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    let started = performance.now();
    for (let index = 0; index < commandsPerRound; index += 1) {
      const key = `raw:${Math.floor(random() * learners)}`;
      await raw.keyv.get(key);
      await raw.keyv.set(key, value);
    }
    rawRates.push(commandsPerRound / ((performance.now() - started) / 1000));
    started = performance.now();
    for (let index = 0; index < commandsPerRound; index += 1) {
      const command = COMMANDS[index % COMMANDS.length]!;
      clock.advance(1_000);
      latencies[command]!.push(await runOne(command));
    }
    commandRates.push(commandsPerRound / ((performance.now() - started) / 1000));
  }
  await raw.close();

  const all = summarize(Object.values(latencies).flat());
  const perCommand = COMMANDS.map((command) => {
    const summary = summarize(latencies[command]!);
    return `${command} ${formatNumber(summary.p50)}/${formatNumber(summary.p99)}`;
  }).join(', ');
  const commandsPerSecond = median(commandRates);
  const rawPerSecond = median(rawRates);
  // Each round's commands against the raw pairs timed just before them: a busy neighbour slows both.
  const ratio = median(commandRates.map((rate, round) => rate / rawRates[round]!));
  const label = backend.kind === 'sqlite' ? 'SQLite' : 'Redis';
  return [
    figure(
      `${label}: commands/s (next, done, progress)`,
      commandsPerSecond,
      '/s',
      undefined,
      `median of ${rounds} rounds of ${commandsPerRound.toLocaleString('en-US')}; ${learners.toLocaleString('en-US')} learners in one channel`,
    ),
    figure(
      `${label}: raw Keyv get+set pairs/s`,
      rawPerSecond,
      '/s',
      undefined,
      'same store, same run, record-sized values',
    ),
    figure(
      `${label}: core ÷ raw`,
      ratio,
      '×',
      atLeast(0.5),
      `median of the ${rounds} rounds' ratios (${commandRates.map((rate, round) => formatNumber(rate / rawRates[round]!)).join(', ')})`,
    ),
    figure(`${label}: command latency p50`, all.p50, 'ms'),
    figure(
      `${label}: command latency p99`,
      all.p99,
      'ms',
      below(20),
      `p50/p99 ms: ${perCommand}; max ${formatNumber(all.max)}`,
    ),
  ];
}
