import { channelBoardKey, learnerKey } from '../../src/model/learner-key.js';
import type { Dataset } from './bench-datasets.js';
import { BENCH_CHANNEL, benchUser, seededRandom } from './bench-learners.js';
import { summarize, timed, type LatencySummary } from './latency-stats.js';

export interface BoardMeasurement {
  learners: number;
  /** The first page after a restart (an embedded store ranks the channel in memory first). */
  coldMs: number;
  page: LatencySummary;
}

/** `/leaderboard` as the core asks for it: the top 10 and the caller's own rank, for random callers. */
export async function measureLeaderboard(dataset: Dataset, reads: number): Promise<BoardMeasurement> {
  const { store, backend, clock, learners } = dataset;
  const board = channelBoardKey(benchUser(0), BENCH_CHANNEL, 'webrtc');
  const random = seededRandom(11);
  const caller = () => learnerKey(benchUser(Math.floor(random() * learners)));

  const restarted = await backend.open(clock);
  const cold = await timed(() => restarted.boards.top(board, 10, caller()));
  await restarted.close();
  if (cold.result.total !== learners)
    throw new Error(`board holds ${cold.result.total} learners, expected ${learners}`);

  const times: number[] = [];
  for (let index = 0; index < reads; index += 1)
    times.push((await timed(() => store.boards.top(board, 10, caller()))).ms);
  return { learners, coldMs: cold.ms, page: summarize(times) };
}
