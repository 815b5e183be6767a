import type { LearningPath } from '../curriculum/learning-path.js';
import { decodeBoardId } from '../model/board-id.js';
import type { LearnerRecord } from '../model/learner.js';
import type { LearnerId } from '../model/learner-id.js';
import type { Store } from '../ports/store.js';

/** Where a learner stands on one channel's all-time leaderboard of a path. */
export interface BoardStanding {
  /** The platform's channel id. */
  channel: string;
  rank: number;
  total: number;
}

/**
 * The learner's place on each channel board of this path they joined (hidden learners are on none); the weekly
 * boards are left out, as `leaderboard` shows the all-time board first.
 */
export async function boardStandings(
  store: Store,
  record: LearnerRecord | undefined,
  key: LearnerId,
  path: LearningPath,
): Promise<BoardStanding[]> {
  if (!record || record.hidden) return [];
  const standings: BoardStanding[] = [];
  for (const board of record.boards) {
    const parts = decodeBoardId(board);
    if (!parts || parts.path !== path.command || parts.week !== undefined) continue;
    const page = await store.boards.top(board, 1, key);
    if (page.self) standings.push({ channel: parts.channel, rank: page.self.rank, total: page.total });
  }
  return standings;
}
