import { renderConsoleReply } from '../../adapters/console/render-console-reply.js';
import { createBot } from '../../src/bot.js';
import { parseCommandLine } from '../../src/commands/parse-command-line.js';
import type { LearningPath } from '../../src/curriculum/learning-path.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import type { Dataset } from './bench-datasets.js';
import type { Figure } from './bench-report.js';
import { BENCH_CHANNEL, benchUser, seededRandom } from './bench-learners.js';
import type { BenchSizes } from './bench-sizes.js';
import { commandFigures, type CommandSample, type WriteRound } from './command-figures.js';
import { callsSince } from './engine-calls.js';
import { LaggedCommits, replayWrite } from './raw-writes.js';

/**
 * An `undo` is for the learner whose `done` came this many write commands earlier: more learners than an
 * embedded store keeps in its cache of recent records (1,000), so an undo reads its record as cold as a done.
 */
const UNDO_LAG = 2_000;
/** The raw baseline writes again what the core wrote this many write commands earlier (raw-writes.ts). */
const RAW_LAG = 500;
const READ_COMMANDS = ['next', 'progress'] as const;

export interface CommandBenchDeps {
  dataset: Dataset;
  paths: LearningPath[];
  sizes: Pick<BenchSizes, 'writesPerRound' | 'writeRounds' | 'readCommands'>;
}

/**
 * Write commands (`done`, and `undo` of a done 2,000 writes earlier, in turn) through the whole core as the
 * console adapter runs them (parse the line, bot.handleRendered: the reply rendered while its commit is in flight), for random learners of one channel. Each
 * is followed at once by a raw write: what the core wrote 500 writes earlier, written again with no core
 * (raw-writes.ts). Both see the same data and the same moment of a shared machine; each round's ratio of
 * their median writes says what the core adds, and the rounds show how much that ratio moves. Then read
 * commands, for their latency. Returns one backend's figures (command-figures.ts).
 */
export async function benchCommands({ dataset, paths, sizes }: CommandBenchDeps): Promise<Figure[]> {
  const { clock, learners, store, engine, calls } = dataset;
  const bot = createBot({
    store,
    clock,
    logger: createJsonLogger({ level: 'silent' }),
    paths,
    settings: { defaultTimeZone: 'UTC' },
  });
  const spec = bot.paths[0]!;
  const random = seededRandom(7);
  const run = async (command: string, learner: number): Promise<CommandSample> => {
    clock.advance(1_000);
    const before = { ...calls.counts };
    const engineBefore = calls.ms;
    const started = performance.now();
    const parsed = parseCommandLine(command, spec);
    await bot.handleRendered(
      { path: spec.name, ...parsed, user: benchUser(learner), channel: BENCH_CHANNEL, isAdmin: false },
      renderConsoleReply,
    );
    const ms = performance.now() - started;
    return { command, ms, engineMs: calls.ms - engineBefore, calls: callsSince(calls, before) };
  };
  const lagging: number[] = [];
  let turn = 0;
  const nextWrite = (): Promise<CommandSample> => {
    turn += 1;
    if (lagging.length >= UNDO_LAG && turn % 2 === 0) return run('undo', lagging.shift()!);
    const learner = Math.floor(random() * learners);
    lagging.push(learner);
    return run('done', learner);
  };

  const lagged = new LaggedCommits(RAW_LAG);
  calls.onCommit = (commit) => lagged.add(commit);
  const write = async (): Promise<CommandSample> => {
    const sample = await nextWrite();
    lagged.endWrite();
    return sample;
  };
  // Warm-up, unmeasured: enough dones for the first undo and the first raw write, and the reads' first calls.
  while (lagging.length < UNDO_LAG) await write();
  for (const command of READ_COMMANDS) await run(command, 0);

  const writes: CommandSample[] = [];
  const rounds: WriteRound[] = [];
  for (let round = 0; round < sizes.writeRounds; round += 1) {
    const pairs: WriteRound = { core: [], raw: [] };
    for (let index = 0; index < sizes.writesPerRound; index += 1) {
      const sample = await write();
      pairs.core.push(sample.ms);
      writes.push(sample);
      // Right after it, while the machine is as busy as it was: a write of the same size with no core.
      const replayed = lagged.take();
      if (replayed) pairs.raw.push(await replayWrite(engine, replayed));
    }
    rounds.push(pairs);
  }
  calls.onCommit = undefined;
  const reads: CommandSample[] = [];
  for (let index = 0; index < sizes.readCommands; index += 1)
    reads.push(await run(READ_COMMANDS[index % READ_COMMANDS.length]!, Math.floor(random() * learners)));
  return commandFigures({ kind: dataset.backend.kind, learners, writes, reads, rounds });
}
