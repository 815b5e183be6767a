import type { LearningPath } from '../../src/curriculum/learning-path.js';
import type { BackendKind } from './bench-backend.js';
import { benchCommands } from './bench-commands.js';
import type { Datasets } from './bench-datasets.js';
import { fanOutDiscord } from './bench-discord-fan-out.js';
import { dashboardFigures } from './dashboard-figures.js';
import { measureLeaderboard } from './bench-leaderboard.js';
import { measureMemory } from './bench-memory.js';
import type { BenchOptions, SectionId } from './bench-options.js';
import { atMost, below, figure, formatNumber, type Figure, type Section } from './bench-report.js';
import type { BenchSizes } from './bench-sizes.js';
import { fanOutSlack } from './bench-slack-fan-out.js';
import { benchSharedBudget } from './bench-shared-budget.js';
import { measureTick } from './bench-tick.js';
import { fanOutFigures } from './fan-out-stats.js';

export interface SectionDeps {
  datasets: Datasets;
  paths: LearningPath[];
  kinds: BackendKind[];
  sizes: BenchSizes;
  options: BenchOptions;
  now: number;
}

/** Numbered as in issue 7; the fan-outs, the slow part, run last. */
const TITLES: Record<SectionId, string> = {
  commands:
    '1. Commands through the whole core (parse, bot.handleRendered, render), one channel; writes against the raw engine',
  tick: "2. Reminder tick: read one minute's slot and claim everyone due in it",
  leaderboard: "4. Leaderboard: top 10 and the caller's rank",
  dashboard: '6. Admin dashboard: overview, funnel and the first learners page of one community (issue 17)',
  memory: '5. Memory: peak RSS of a bot process serving the stored learners (SQLite)',
  discord: '3a. Fan-out through the real Discord adapter (loopback Discord, 50 requests/s global limit)',
  slack: '3b. Fan-out through the real Slack adapter (loopback Slack, per-workspace budget)',
  shared: '3c. Fan-out from 3 bot processes on one Redis namespace, sharing one send budget per platform',
};

const label = (kind: BackendKind) => (kind === 'sqlite' ? 'SQLite' : 'Redis');
const count = (value: number) => value.toLocaleString('en-US');

export async function runSection(id: SectionId, deps: SectionDeps): Promise<Section> {
  const figures: Figure[] = [];
  const { datasets, sizes, kinds } = deps;
  if (id === 'commands') {
    for (const kind of kinds) {
      figures.push(
        ...(await benchCommands({
          dataset: await datasets.get(kind, sizes.commandLearners),
          paths: deps.paths,
          sizes,
        })),
      );
    }
  } else if (id === 'tick') {
    for (const kind of kinds) {
      const measured = [];
      // As many as are due in one minute at the largest size, when reminders are spread over the day.
      const probeDue = Math.round(sizes.tickLearners.at(-1)! / 1440);
      for (const learners of sizes.tickLearners)
        measured.push(await measureTick(await datasets.get(kind, learners), sizes.tickMinutes, probeDue));
      const [smallest, largest] = [measured[0]!, measured.at(-1)!];
      for (const tick of measured) {
        figures.push(
          figure(
            `${label(kind)}: tick p99, ${count(tick.learners)} learners`,
            tick.minute.p99,
            'ms',
            tick === largest ? below(50) : undefined,
            `p50 ${formatNumber(tick.minute.p50)} ms over ${tick.minute.count} minutes of the day; ${formatNumber(tick.duePerMinute)} due a minute`,
          ),
        );
      }
      figures.push(
        figure(
          `${label(kind)}: same ${probeDue} due, ${count(largest.learners)} ÷ ${count(smallest.learners)}`,
          largest.probeMs / smallest.probeMs,
          '×',
          atMost(2),
          `${formatNumber(largest.probeMs)} vs ${formatNumber(smallest.probeMs)} ms (median of 10): the cost follows who is due, not who is stored`,
        ),
      );
    }
  } else if (id === 'leaderboard') {
    for (const kind of kinds) {
      for (const learners of sizes.boardSizes) {
        const board = await measureLeaderboard(await datasets.get(kind, learners), sizes.boardReads);
        const largest = learners === sizes.boardSizes.at(-1);
        figures.push(
          figure(
            `${label(kind)}: ${count(learners)} learners, p99`,
            board.page.p99,
            'ms',
            largest ? below(20) : undefined,
            `p50 ${formatNumber(board.page.p50)} ms over ${count(board.page.count)} pages; first page after a restart ${formatNumber(board.coldMs)} ms`,
          ),
        );
      }
    }
  } else if (id === 'dashboard') {
    figures.push(...(await dashboardFigures(deps)));
  } else if (id === 'memory') {
    const dataset = await datasets.get('sqlite', sizes.memoryLearners);
    const used = await measureMemory(dataset, deps.now);
    figures.push(
      figure(
        `peak RSS, ${count(sizes.memoryLearners)} learners stored`,
        used.maxRssMB,
        'MB',
        below(200),
        `at start ${formatNumber(used.rssAtStartMB)} MB; heap in use at the end ${formatNumber(used.heapUsedMB)} MB; board of ${count(used.boardTotal)} loaded, 30 minutes claimed, 1,000 commands`,
      ),
    );
  } else if (id === 'discord') {
    figures.push(...fanOutFigures(await fanOutDiscord(sizes.fanOutReminders, deps.options.discordSendsPerSecond)));
  } else if (id === 'slack') {
    figures.push(...fanOutFigures(await fanOutSlack(sizes.fanOutReminders, deps.options.slackMessagesPerMinute)));
  } else {
    figures.push(
      ...(await benchSharedBudget({ reminders: sizes.fanOutReminders, progress: console.error, ...deps.options })),
    );
  }
  return { id, title: TITLES[id], figures };
}
