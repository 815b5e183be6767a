/**
 * `npm run bench`: measures commands, reminder ticks, leaderboards, memory and reminder fan-out against
 * the limits of issue 7, and prints each figure beside its target. A benchmark, not a test: it exits 0
 * whatever the numbers are (only a crash fails it), and `npm test` never runs it. See docs/PERFORMANCE.md.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { learnerRowsRule } from '../../src/learners/learner-rows.js';
import { CURRICULUM_DIR, DEFAULT_NOW } from '../fakes/test-bot.js';
import type { BackendKind } from './bench-backend.js';
import { Datasets } from './bench-datasets.js';
import { parseBenchOptions, type BenchOptions } from './bench-options.js';
import { formatReport, type BenchReport, type Section } from './bench-report.js';
import { SIZES } from './bench-sizes.js';
import { runSection } from './run-section.js';

const options = parseBenchOptions(process.argv.slice(2), process.env);
if ('help' in options) {
  process.stderr.write(`${options.help}\n`);
  process.exit(options.help.startsWith('npm run bench') ? 0 : 2);
}
const progress = (message: string) => process.stderr.write(`${message}\n`);
const started = performance.now();
const paths = await loadCurricula(CURRICULUM_DIR);
const datasets = new Datasets({
  path: paths[0]!,
  // The community's zone is the one the bot runs the bench in (createBot's defaultTimeZone).
  learnerRows: learnerRowsRule(paths, 'UTC'),
  now: DEFAULT_NOW,
  progress,
  ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}),
});
const kinds: BackendKind[] = options.redisUrl ? ['sqlite', 'redis'] : ['sqlite'];
const sections: Section[] = [];
try {
  for (const id of options.only) {
    progress(`— ${id}`);
    sections.push(
      await runSection(id, { datasets, paths, kinds, sizes: SIZES[options.size], options, now: DEFAULT_NOW }),
    );
  }
} finally {
  await datasets.disposeAll();
}
const report: BenchReport = {
  startedAt: new Date().toISOString(),
  size: options.size,
  machine: machine(options),
  sections,
  durationS: (performance.now() - started) / 1000,
};
process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);

function machine({ redisUrl }: BenchOptions): Record<string, string | number> {
  return {
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown'}`,
    memoryGB: Math.round(totalmem() / 1024 ** 3),
    load: loadavg()
      .map((value) => value.toFixed(2))
      .join(' '),
    redis: redisUrl ? 'yes' : 'no (set REDIS_URL)',
  };
}
