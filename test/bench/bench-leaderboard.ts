import type { Dataset } from './bench-datasets.js';
import { benchBoard, benchLearner, seededRandom } from './bench-learners.js';
import { summarize, timed, type LatencySummary } from './latency-stats.js';

export interface BoardMeasurement {
  learners: number;
  /** The first page after a restart (an embedded store ranks the channel in memory first). */
  coldMs: number;
  page: LatencySummary;
}

/** `/leaderboard` as the core asks for it: the top 10 and the caller's own rank, for random callers. */
export async function measureLeaderboard(dataset: Dataset, reads: number): Promise<BoardMeasurement> {
  const { learners } = dataset;
  const board = benchBoard('webrtc');
  const random = seededRandom(11);
  const caller = () => benchLearner(Math.floor(random() * learners));

  await dataset.restart();
  const cold = await timed(() => dataset.store.boards.top(board, 10, caller()));
  if (cold.result.total !== learners)
    throw new Error(`board holds ${cold.result.total} learners, expected ${learners}`);

  const times: number[] = [];
  for (let index = 0; index < reads; index += 1)
    times.push((await timed(() => dataset.store.boards.top(board, 10, caller()))).ms);
  return { learners, coldMs: cold.ms, page: summarize(times) };
}
