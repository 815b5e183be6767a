import type { LearningPath } from '../curriculum/learning-path.js';
import type { LearnerRecord, PathState } from '../model/learner.js';
import { workspaceOf, type LearnerId, type WorkspaceId } from '../model/learner-id.js';
import { GAP_DAYS_CAPPED, type PathStat } from '../model/path-stat.js';
import { encodeRosterId, type RosterId, type RosterSort } from '../model/roster-id.js';
import type { DerivedRows } from '../ports/store.js';
import { progressOf } from '../progress/path-progress.js';
import { remembered } from '../model/remembered.js';
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
  const stats = catalogueOf(path);
  // The figures the learner counts in, each a row of its counted set below.
  const counted: PathStat[] = [];
  const progress = progressOf(path, state);
  counted.push(stats.learners);
  if (progress.finished) counted.push(stats.finished);
  if (state.reminder?.enabled) counted.push(stats.reminderOn);
  for (const phase of progress.completedPhases) counted.push(stats.phase.get(phase) ?? { kind: 'phase', phase });
  const weeks = new Set<string>();
  let previous: number | undefined;
  for (const resource of path.resources) {
    const mark = state.marks[resource.id];
    const ofResource = stats.resource.get(resource)!;
    if (mark || resource === progress.current) counted.push(ofResource.reached);
    if (mark) counted.push(mark.status === 'done' ? ofResource.done : ofResource.skipped);
    if (mark?.status === 'done') weeks.add(isoWeekOf(communityZone, mark.at));
    if (mark && previous !== undefined)
      counted.push(ofResource.gap[Math.min(GAP_DAYS_CAPPED, Math.floor(Math.max(0, mark.at - previous) / DAY_MS))]!);
    previous = mark?.at;
  }
  for (const week of weeks) counted.push({ kind: 'week', week });
  for (const stat of counted)
    rows.sets.push({ set: { kind: 'stats', community, path: path.command, stat }, member: id });
  const rosters = rostersOf(community, path.command);
  rows.rosters.push(
    {
      roster: rosters.progress,
      member: id,
      key: `${pad(progress.done.size, COUNT_DIGITS)}${pad(progress.doneMinutes, MINUTE_DIGITS)}`,
    },
    { roster: rosters.name, member: id, key: nameKey(record.name) },
    { roster: rosters['last-active'], member: id, key: pad(lastActiveOf(state) ?? 0, INSTANT_DIGITS) },
  );
}

/**
 * The three rosters of a community's path, encoded once and shared (as the counted sets' names are), so the
 * rows before and after a write name them with the same strings.
 */
function rostersOf(community: WorkspaceId, path: string): Readonly<Record<RosterSort, RosterId>> {
  return rosterIds(`${community}\n${path}`);
}

/** Keyed by community and path joined by a line break, which neither holds (ids are percent-encoded, commands slugs). */
const rosterIds = remembered((group): Readonly<Record<RosterSort, RosterId>> => {
  const [community, path] = group.split('\n') as [WorkspaceId, string];
  const id = (sort: RosterSort) => encodeRosterId({ community, path, sort });
  return Object.freeze({ progress: id('progress'), name: id('name'), 'last-active': id('last-active') });
}, 1_024);

/** The figures of one path a learner can count in (all but the weeks), made once per path and shared. */
interface StatCatalogue {
  learners: PathStat;
  finished: PathStat;
  reminderOn: PathStat;
  phase: ReadonlyMap<string, PathStat>;
  resource: ReadonlyMap<
    LearningPath['resources'][number],
    { reached: PathStat; done: PathStat; skipped: PathStat; gap: PathStat[] }
  >;
}

/**
 * The same figure is the same frozen object for every learner and every write, so its set's name is
 * encoded once (encodePathStat remembers frozen figures): deriving a record's rows twice a write was a
 * tenth of a write command's time, most of it encoding these names again (docs/PERFORMANCE.md).
 */
const catalogues = new WeakMap<LearningPath, StatCatalogue>();

function catalogueOf(path: LearningPath): StatCatalogue {
  let catalogue = catalogues.get(path);
  if (catalogue) return catalogue;
  const frozen = (stat: PathStat) => Object.freeze(stat);
  catalogue = {
    learners: frozen({ kind: 'learners' }),
    finished: frozen({ kind: 'finished' }),
    reminderOn: frozen({ kind: 'reminder-on' }),
    phase: new Map(path.phases.map((phase) => [phase.id, frozen({ kind: 'phase', phase: phase.id })])),
    resource: new Map(
      path.resources.map((resource) => [
        resource,
        {
          reached: frozen({ kind: 'reached', resource: resource.id }),
          done: frozen({ kind: 'done', resource: resource.id }),
          skipped: frozen({ kind: 'skipped', resource: resource.id }),
          gap: Array.from({ length: GAP_DAYS_CAPPED + 1 }, (_, days) =>
            frozen({ kind: 'gap', resource: resource.id, days }),
          ),
        },
      ]),
    ),
  };
  catalogues.set(path, catalogue);
  return catalogue;
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
const nameKey = remembered(
  (name) => Buffer.from(name.normalize('NFKC').toLocaleLowerCase('en'), 'utf8').toString('hex'),
  4_096,
);
