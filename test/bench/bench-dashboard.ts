import type { LearningPath } from '../../src/curriculum/learning-path.js';
import { encodeWorkspaceId } from '../../src/model/learner-id.js';
import { createCommunityStats } from '../../src/stats/create-community-stats.js';
import type { Dataset } from './bench-datasets.js';
import { summarize, timed, type LatencySummary } from './latency-stats.js';

/** Every benchmark learner is in the console workspace "bench" (bench-learners.ts). */
const BENCH_COMMUNITY = encodeWorkspaceId('console', 'bench');
const PAGE_SIZE = 25;
const WARM_UP_VIEWS = 50;

export interface DashboardMeasurement {
  learners: number;
  /** The first view after a restart (an embedded store sorts the roster in memory first). */
  coldMs: number;
  /** Overview + funnel + the first learners page, as the dashboard reads them for one view. */
  view: LatencySummary;
  overview: LatencySummary;
  funnel: LatencySummary;
  page: LatencySummary;
}

/**
 * The dashboard's reads for one community and path, as the web pages make them: the overview, the funnel
 * and the first page of learners by progress. Checks the figures are the data set's, so a fast wrong
 * answer cannot pass for a measurement.
 */
export async function measureDashboard(
  dataset: Dataset,
  path: LearningPath,
  views: number,
): Promise<DashboardMeasurement> {
  const { learners, clock } = dataset;
  const stats = () => createCommunityStats({ store: dataset.store, paths: [path], communityZone: 'UTC' });
  const query = { sort: 'progress' as const, order: 'desc' as const, page: 1, pageSize: PAGE_SIZE, now: clock.now() };
  await dataset.restart();
  const cold = await timed(async () => {
    const read = stats();
    const overview = await read.overview(BENCH_COMMUNITY, path.command, clock.now());
    await read.funnel(BENCH_COMMUNITY, path.command);
    return { overview, page: await read.learners(BENCH_COMMUNITY, path.command, query) };
  });
  if (cold.result.overview.learners !== learners || cold.result.page.total !== learners)
    throw new Error(`the dashboard counts ${cold.result.overview.learners} learners, expected ${learners}`);
  const times = { view: [] as number[], overview: [] as number[], funnel: [] as number[], page: [] as number[] };
  const read = stats();
  // Warmed up first (the JIT, the engine's caches), as a dashboard that has been open a while is.
  for (let index = 0; index < WARM_UP_VIEWS; index += 1) {
    await read.overview(BENCH_COMMUNITY, path.command, clock.now());
    await read.funnel(BENCH_COMMUNITY, path.command);
    await read.learners(BENCH_COMMUNITY, path.command, query);
  }
  for (let index = 0; index < views; index += 1) {
    const started = performance.now();
    times.overview.push((await timed(() => read.overview(BENCH_COMMUNITY, path.command, clock.now()))).ms);
    times.funnel.push((await timed(() => read.funnel(BENCH_COMMUNITY, path.command))).ms);
    times.page.push((await timed(() => read.learners(BENCH_COMMUNITY, path.command, query))).ms);
    times.view.push(performance.now() - started);
  }
  return {
    learners,
    coldMs: cold.ms,
    view: summarize(times.view),
    overview: summarize(times.overview),
    funnel: summarize(times.funnel),
    page: summarize(times.page),
  };
}
