import type { LearningPath } from '../curriculum/learning-path.js';
import type { LearnerRecord, PathState } from '../model/learner.js';
import { workspaceOf, type LearnerId } from '../model/learner-id.js';
import { GAP_DAYS_CAPPED, type PathStat } from '../model/path-stat.js';
import { encodeRosterId, type RosterSort } from '../model/roster-id.js';
import type { DerivedRows } from '../ports/store.js';
import { progressOf } from '../progress/path-progress.js';
import { isoWeekOf } from './iso-week.js';

const DAY_MS = 86_400_000;
/** Digits of the figures in a roster key: resources, minutes and epoch ms, zero-padded so text order is number order. */
const COUNT_DIGITS = 5;
const MINUTE_DIGITS = 7;
const INSTANT_DIGITS = 16;

/**
 * The rows that make the admin dashboard's figures counts (see PathStat): the learner's memberships of the
 * counted sets of their community's path, and their place in its three rosters. Derived from the record
 * like every other row, so `done`, `skip`, `undo`, `forget` and `remind` move them in the same commit. A
 * learner who hides from leaderboards is still counted and listed: the dashboard is for admins, not a board.
 */
export function pathAggregateRows(
  path: LearningPath,
  id: LearnerId,
  record: LearnerRecord,
  communityZone: string,
  rows: DerivedRows,
): void {
  const state = record.paths[path.command]!;
  const community = workspaceOf(id);
  const count = (stat: PathStat) =>
    rows.sets.push({ set: { kind: 'stats', community, path: path.command, stat }, member: id });
  const progress = progressOf(path, state);
  count({ kind: 'learners' });
  if (progress.finished) count({ kind: 'finished' });
  if (state.reminder?.enabled) count({ kind: 'reminder-on' });
  for (const phase of progress.completedPhases) count({ kind: 'phase', phase });
  const weeks = new Set<string>();
  let previous: number | undefined;
  for (const resource of path.resources) {
    const mark = state.marks[resource.id];
    if (mark || resource === progress.current) count({ kind: 'reached', resource: resource.id });
    if (mark) count({ kind: mark.status === 'done' ? 'done' : 'skipped', resource: resource.id });
    if (mark?.status === 'done') weeks.add(isoWeekOf(communityZone, mark.at));
    if (mark && previous !== undefined) {
      const days = Math.min(GAP_DAYS_CAPPED, Math.floor(Math.max(0, mark.at - previous) / DAY_MS));
      count({ kind: 'gap', resource: resource.id, days });
    }
    previous = mark?.at;
  }
  for (const week of weeks) count({ kind: 'week', week });
  const keys: Record<RosterSort, string> = {
    progress: `${pad(progress.done.size, COUNT_DIGITS)}${pad(progress.doneMinutes, MINUTE_DIGITS)}`,
    name: nameKey(record.name),
    'last-active': pad(lastActiveOf(state) ?? 0, INSTANT_DIGITS),
  };
  for (const [sort, key] of Object.entries(keys) as Array<[RosterSort, string]>)
    rows.rosters.push({ roster: encodeRosterId({ community, path: path.command, sort }), member: id, key });
}

/** When the learner last marked anything on the path (a resource or a checklist item); null when never. */
export function lastActiveOf(state: PathState): number | null {
  let last: number | null = null;
  for (const mark of Object.values(state.marks)) if (last === null || mark.at > last) last = mark.at;
  return last;
}

function pad(value: number, digits: number): string {
  return String(Math.max(0, Math.round(value))).padStart(digits, '0');
}

/**
 * A name as a roster key: case folded, then its UTF-8 bytes in hex, which is printable ASCII (what every
 * engine orders alike) and keeps the bytewise order of the folded name.
 */
function nameKey(name: string): string {
  return Buffer.from(name.normalize('NFKC').toLocaleLowerCase('en'), 'utf8').toString('hex');
}
