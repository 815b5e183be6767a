import type { BackendKind } from './bench-backend.js';
import { atLeast, atMost, below, figure, formatNumber, type Figure } from './bench-report.js';
import { median, percentile, summarize } from './latency-stats.js';
import type { RawWrite } from './raw-writes.js';

/** One command as the bench ran it: how long it took and the engine calls it made. */
export interface CommandSample {
  command: string;
  ms: number;
  /** Of `ms`, the time spent waiting for the engine (its calls from start to answer). */
  engineMs: number;
  calls: Record<string, number>;
}

/** One round of write commands through the core (ms each), each followed by its raw write. */
export interface WriteRound {
  core: number[];
  raw: RawWrite[];
}

export interface CommandResults {
  kind: BackendKind;
  learners: number;
  writes: CommandSample[];
  reads: CommandSample[];
  rounds: WriteRound[];
}

const count = (value: number) => value.toLocaleString('en-US');

/** The commands section's figures for one backend. */
export function commandFigures({ kind, learners, writes, reads, rounds }: CommandResults): Figure[] {
  const label = kind === 'sqlite' ? 'SQLite' : 'Redis';
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const rawMs = (raw: RawWrite) => raw.readMs + raw.jsonMs + raw.commitMs;
  /**
   * Per round, the raw write's median over the core write's median. A checkpoint, a collection or a busy
   * neighbour adds the same milliseconds to whichever write it lands on, and in a ratio of sums such common
   * delays push it towards 1 (flattering the core); the medians are what a typical write costs.
   */
  const against = (part: (raw: RawWrite) => number) =>
    rounds.map((round) => median(round.raw.map(part)) / median(round.core));
  const ratios = against(rawMs);
  const withoutJson = against((raw) => raw.readMs + raw.commitMs);
  const commitAlone = against((raw) => raw.commitMs);
  const coreRates = rounds.map((round) => 1000 / mean(round.core));
  const rawRates = rounds.map((round) => 1000 / mean(round.raw.map(rawMs)));
  const throughput = coreRates.map((rate, round) => rate / rawRates[round]!);
  const roundSize = `${rounds.length} rounds of ${count(rounds[0]?.core.length ?? 0)}`;
  const all = summarize([...writes, ...reads].map((sample) => sample.ms));
  const byCommand = ['done', 'undo', 'next', 'progress']
    .map((command) => {
      const summary = summarize([...writes, ...reads].filter((s) => s.command === command).map((s) => s.ms));
      return `${command} ${formatNumber(summary.p50)}/${formatNumber(summary.p99)}`;
    })
    .join(', ');
  return [
    figure(
      `${label}: write commands/s (done, undo)`,
      median(coreRates),
      '/s',
      undefined,
      `median of ${roundSize}; ${count(learners)} learners in one channel`,
    ),
    figure(
      `${label}: raw writes/s`,
      median(rawRates),
      '/s',
      undefined,
      'the same writes with no core: engine read, JSON decode and encode, engine commit of the same rows',
    ),
    figure(
      `${label}: core ÷ raw`,
      median(ratios),
      '×',
      atLeast(0.7),
      `median of ${rounds.length} rounds' median writes; ${spread(ratios)}`,
    ),
    figure(
      `${label}: core ÷ raw, by throughput`,
      median(throughput),
      '×',
      undefined,
      `of the rates above; ${spread(throughput)}`,
    ),
    figure(`${label}: core ÷ raw without its JSON`, median(withoutJson), '×', undefined, spread(withoutJson)),
    figure(`${label}: core ÷ raw commit alone`, median(commitAlone), '×', undefined, spread(commitAlone)),
    figure(
      `${label}: a write command outside the engine, p50`,
      median(writes.map((sample) => sample.ms - sample.engineMs)),
      'ms',
      undefined,
      `the core's own time (parse, session, change, rows, validation, reply, render); in the engine p50 ${formatNumber(median(writes.map((sample) => sample.engineMs)))} ms`,
    ),
    figure(
      `${label}: most commits in one write command`,
      Math.max(...writes.map((sample) => sample.calls.commit ?? 0)),
      '',
      atMost(1),
      callsPerCommand(writes),
    ),
    figure(`${label}: command latency p50`, all.p50, 'ms'),
    figure(
      `${label}: command latency p99`,
      all.p99,
      'ms',
      below(20),
      `p50/p99 ms: ${byCommand}; max ${formatNumber(all.max)}`,
    ),
  ];
}

/** "p10–p90 0.71–0.80, min–max 0.62–0.85" */
function spread(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const range = (low: number, high: number) => `${formatNumber(low)}–${formatNumber(high)}`;
  return `p10–p90 ${range(percentile(sorted, 0.1), percentile(sorted, 0.9))}, min–max ${range(sorted[0]!, sorted.at(-1)!)}`;
}

/** "done: 0.90 read + 1.00 commit; undo: …" (engine calls per command, on average; on Redis each is a round trip). */
function callsPerCommand(samples: readonly CommandSample[]): string {
  const commands = [...new Set(samples.map((sample) => sample.command))];
  return commands
    .map((command) => {
      const mine = samples.filter((sample) => sample.command === command);
      const totals = new Map<string, number>();
      for (const sample of mine)
        for (const [method, made] of Object.entries(sample.calls)) totals.set(method, (totals.get(method) ?? 0) + made);
      const calls = [...totals]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([method, made]) => `${formatNumber(made / mine.length)} ${method}`)
        .join(' + ');
      return `${command}: ${calls || 'none'}`;
    })
    .join('; ');
}
