import type { LearningPath } from '../curriculum/learning-path.js';
import { decodeBoardId, encodeBoardId, type BoardId, type BoardIdParts } from '../model/board-id.js';
import type { LearnerRecord } from '../model/learner.js';
import { workspaceOf, type LearnerId } from '../model/learner-id.js';
import { encodeSlotId } from '../model/slot-id.js';
import type { BoardEntry, DerivedRows, LearnerRowsRule } from '../ports/store.js';
import { remembered } from '../model/remembered.js';
import { minuteOf } from '../reminders/minute-of.js';
import { isoWeekBounds, isoWeekOf, startOfIsoWeek } from './iso-week.js';
import { pathAggregateRows } from './path-aggregate-rows.js';

/**
 * The one rule for what a learner record keeps elsewhere, given to the store, which commits these rows
 * with the record (and takes out the ones the previous record had and this one has not):
 * - the workspace index lists every learner with a record;
 * - each enabled reminder has a slot under the minute of its snooze, and (unless paused for going unanswered) of
 *   its next daily reminder and its next streak nudge. Those instants are worked out from the reminder's
 *   weekdays, the path's pauses and the nudge setting (study-calendar.ts, streak-nudge.ts) whenever any of them
 *   changes, in the same edit of the record;
 * - each channel board the record lists holds the learner's row once they finished a resource of its path,
 *   and each weekly board the row of what they finished in that week; a learner who hides has no rows.
 * - per path it has, the counted sets and roster rows of the admin dashboard (path-aggregate-rows.ts).
 * Boards of a path the bot no longer has keep no rows.
 */
export function learnerRowsRule(paths: readonly LearningPath[], communityZone: string): LearnerRowsRule {
  const byCommand = new Map(paths.map((path) => [path.command, path]));
  return (id, record) => {
    const rows: DerivedRows = {
      sets: [{ set: { kind: 'workspace', workspace: workspaceOf(id) }, member: id }],
      boards: [],
      rosters: [],
    };
    for (const command of Object.keys(record.paths)) {
      const path = byCommand.get(command);
      if (path) pathAggregateRows(path, id, record, communityZone, rows);
    }
    for (const command of Object.keys(record.paths)) {
      const reminder = record.paths[command]!.reminder;
      if (!reminder?.enabled) continue;
      const slot = encodeSlotId({ learner: id, path: command });
      // Two instants in one minute are one slot: delivery handles one, and the next tick the other.
      const minutes: number[] = [];
      for (const at of reminder.paused ? [reminder.snoozeAt] : [reminder.snoozeAt, reminder.nextAt, reminder.nudgeAt]) {
        const minute = at == null ? undefined : minuteOf(at);
        if (minute !== undefined && !minutes.includes(minute)) minutes.push(minute);
      }
      for (const minute of minutes) rows.sets.push({ set: { kind: 'reminders', minute }, member: slot });
    }
    if (record.hidden) return rows;
    for (const board of record.boards) {
      const parts = partsOf(board);
      const path = parts && byCommand.get(parts.path);
      if (!parts || !path) continue;
      const bounds = parts.week === undefined ? ALL_TIME : isoWeekBounds(communityZone, parts.week);
      if (!bounds) continue;
      const entry = entryFor(path, record, id, bounds.start, bounds.end);
      if (entry.completed > 0) rows.boards.push({ board, entry });
    }
    return rows;
  };
}

const ALL_TIME = Object.freeze({ start: 0, end: Infinity });

/** A learner's row for the resources of a path they finished in [since, until). */
export function entryFor(
  path: LearningPath,
  record: LearnerRecord,
  member: LearnerId,
  since = 0,
  until = Infinity,
): BoardEntry {
  const state = record.paths[path.command];
  let completed = 0;
  let minutes = 0;
  let reachedAt = state?.startedAt ?? record.createdAt;
  for (const resource of path.resources) {
    const mark = state?.marks[resource.id];
    if (mark?.status !== 'done' || mark.at < since || mark.at >= until) continue;
    completed += 1;
    minutes += resource.minutes;
    reachedAt = Math.max(reachedAt, mark.at);
  }
  return { member, name: record.name, completed, minutes, reachedAt };
}

/** The weekly board beside a channel board, for the week holding `at` in the community's zone. */
export function weekBoardOf(board: BoardId, communityZone: string, at: number): BoardId {
  const parts = partsOf(board)!;
  return encodeBoardId({ ...parts, week: isoWeekOf(communityZone, at) });
}

/** The channel boards (all-time) a learner is on for one path. */
export function boardsForPath(record: LearnerRecord, path: string): BoardId[] {
  return record.boards.filter((board) => {
    const parts = partsOf(board);
    return parts !== undefined && parts.week === undefined && parts.path === path;
  });
}

/**
 * This week's boards the learner appears on (they completed something this week and do not hide):
 * listed in their record in the same write that changes it, so the rows of that week stay derivable.
 */
export function activeWeekBoards(
  path: LearningPath,
  record: LearnerRecord,
  member: LearnerId,
  communityZone: string,
  now: number,
): BoardId[] {
  if (record.hidden || entryFor(path, record, member, startOfIsoWeek(communityZone, now)).completed === 0) return [];
  return boardsForPath(record, path.command).map((board) => weekBoardOf(board, communityZone, now));
}

/**
 * decodeBoardId, remembered (the parts are frozen: they are shared). Each write derives the learner's rows
 * twice (before and after) and lists this week's boards once, decoding every board the record lists each
 * time: 7% of a `done`'s time in a profile (docs/PERFORMANCE.md), for a handful of distinct ids.
 */
const partsOf = remembered((board): Readonly<BoardIdParts> | undefined => {
  const parts = decodeBoardId(board);
  return parts && Object.freeze(parts);
}, 4_096);
