import type { BackendKind } from './bench-backend.js';
import { atLeast, atMost, below, figure, formatNumber, type Figure } from './bench-report.js';
import { median, percentile, summarize } from './latency-stats.js';
import type { RawRound } from './raw-writes.js';

/** One command as the bench ran it: how long it took and the engine calls it made. */
export interface CommandSample {
  command: string;
  ms: number;
  /** Of `ms`, the time spent waiting for the engine (its calls from start to answer). */
  engineMs: number;
  calls: Record<string, number>;
}

/** One round of write commands through the core, and the raw baseline replayed right after it. */
export interface WriteRound {
  writes: number;
  coreMs: number;
  raw: RawRound;
}

export interface CommandResults {
  kind: BackendKind;
  learners: number;
  writes: CommandSample[];
  reads: CommandSample[];
  rounds: WriteRound[];
}

const perSecond = (count: number, ms: number) => count / (ms / 1000);
const count = (value: number) => value.toLocaleString('en-US');

/** The commands section's figures for one backend. */
export function commandFigures({ kind, learners, writes, reads, rounds }: CommandResults): Figure[] {
  const label = kind === 'sqlite' ? 'SQLite' : 'Redis';
  const coreRates = rounds.map((round) => perSecond(round.writes, round.coreMs));
  const rawRates = rounds.map(({ raw }) => perSecond(raw.writes, raw.readMs + raw.commitMs));
  const commitRates = rounds.map(({ raw }) => perSecond(raw.writes, raw.commitMs));
  const ratios = coreRates.map((rate, round) => rate / rawRates[round]!);
  const commitRatios = coreRates.map((rate, round) => rate / commitRates[round]!);
  const roundSize = `${rounds.length} rounds of ${count(rounds[0]?.writes ?? 0)}`;
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
      `${label}: raw writes/s (engine read + commit)`,
      median(rawRates),
      '/s',
      undefined,
      `the same rounds' writes on the engine alone; the commit alone ${formatNumber(median(commitRates))}/s`,
    ),
    figure(
      `${label}: core ÷ raw`,
      median(ratios),
      '×',
      atLeast(0.7),
      `median of ${rounds.length} rounds; ${spread(ratios)}`,
    ),
    figure(
      `${label}: core ÷ raw commit alone`,
      median(commitRatios),
      '×',
      undefined,
      `the raw without its read; ${spread(commitRatios)}`,
    ),
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
