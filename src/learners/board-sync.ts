import type { LearningPath } from '../curriculum/learning-path.js';
import type { LearnerRecord } from '../model/learner.js';
import type { BoardEntry, LeaderboardStore } from '../ports/store.js';
import { isoWeekOf, startOfIsoWeek } from './iso-week.js';

const WEEK_MARK = '#week:';

/** The weekly board beside a channel board. */
export function weekBoardKey(board: string, zone: string, now: number): string {
  return `${board}${WEEK_MARK}${isoWeekOf(zone, now)}`;
}

/** A board key read back: the channel, path and (for a weekly board) ISO week it belongs to. */
export function parseBoardKey(board: string): { channelId: string; path: string; week?: string } {
  const [channelBoard = board, week] = board.split(WEEK_MARK);
  const [, , channelId = channelBoard, path = ''] = channelBoard.split(':').map(decodeURIComponent);
  return week ? { channelId, path, week } : { channelId, path };
}

/** The channel boards (all-time) a learner is on for one path. */
export function boardsForPath(record: LearnerRecord, path: string): string[] {
  const suffix = `:${encodeURIComponent(path)}`;
  return record.boards.filter((board) => !board.includes(WEEK_MARK) && board.endsWith(suffix));
}

/** A learner's row, all-time or for the marks made since `since`. */
export function entryFor(path: LearningPath, record: LearnerRecord, member: string, since = 0): BoardEntry {
  const state = record.paths[path.command];
  let completed = 0;
  let minutes = 0;
  let reachedAt = state?.startedAt ?? record.createdAt;
  for (const resource of path.resources) {
    const mark = state?.marks[resource.id];
    if (mark?.status !== 'done' || mark.at < since) continue;
    completed += 1;
    minutes += resource.minutes;
    reachedAt = Math.max(reachedAt, mark.at);
  }
  return { member, name: record.name, completed, minutes, reachedAt, revision: record.rev };
}

/**
 * This week's boards the learner appears on (they completed something this week and do not hide):
 * listed in their record in the same write that changes it, so hide and forget always find them.
 */
export function activeWeekBoards(
  path: LearningPath,
  record: LearnerRecord,
  communityZone: string,
  now: number,
): string[] {
  if (record.hidden || entryFor(path, record, '', startOfIsoWeek(communityZone, now)).completed === 0) return [];
  return boardsForPath(record, path.command).map((board) => weekBoardKey(board, communityZone, now));
}

/**
 * Writes the learner's rows on every board of this path (all-time once they finished a resource, this
 * week's when they finished one this week); a row with nothing finished, or of a learner who hides, is removed.
 */
export async function syncBoards(
  boards: LeaderboardStore,
  path: LearningPath,
  record: LearnerRecord,
  member: string,
  communityZone: string,
  now: number,
): Promise<void> {
  const weekStart = startOfIsoWeek(communityZone, now);
  // Every board at once: they are independent, and an embedded store writes rows asked for together in one statement.
  await Promise.all(
    boardsForPath(record, path.command).flatMap((board) => {
      const week = weekBoardKey(board, communityZone, now);
      if (record.hidden) return [boards.remove(board, member, record.rev), boards.remove(week, member, record.rev)];
      const rows: Array<[string, BoardEntry]> = [
        [board, entryFor(path, record, member)],
        [week, entryFor(path, record, member, weekStart)],
      ];
      return rows.map(([key, entry]) =>
        entry.completed > 0 ? boards.put(key, entry) : boards.remove(key, member, record.rev),
      );
    }),
  );
}
