import type { LearningPath } from '../curriculum/learning-path.js';
import { lastActiveOf } from '../learners/path-aggregate-rows.js';
import { isoWeekOf } from '../learners/iso-week.js';
import type { WorkspaceId } from '../model/learner-id.js';
import { encodePathStat, type PathStat } from '../model/path-stat.js';
import { encodeRosterId } from '../model/roster-id.js';
import { quoteUserText } from '../model/quote-user-text.js';
import { UserError } from '../model/user-error.js';
import type { CommunityStats, FunnelStep, LearnerPage, LearnerQuery, LearnerRow } from '../ports/community-stats.js';
import type { Store } from '../ports/store.js';
import { progressOf } from '../progress/path-progress.js';
import { streakOf } from '../progress/streak.js';
import { medianOfGaps } from './median-of-gaps.js';

export interface CommunityStatsDeps {
  store: Pick<Store, 'aggregates' | 'learners'>;
  paths: readonly LearningPath[];
  /** The zone of the community's ISO weeks (the one learnerRowsRule files done marks' weeks in). */
  communityZone: string;
}

/** The most learners on one page: a page reads each of their records. */
export const MAX_PAGE_SIZE = 100;

/**
 * The dashboard's figures from the aggregates the one write path keeps: the overview and the funnel are
 * one read of the path's counts (O(sets of the path)), a learners page one roster page and the records on
 * it (O(page size)). The path gives the order: a reordered curriculum shows its funnel in the new order.
 */
export function createCommunityStats(deps: CommunityStatsDeps): CommunityStats {
  const { store, communityZone } = deps;
  const pathNamed = (name: string): LearningPath => {
    const path = deps.paths.find((candidate) => candidate.command === name);
    if (!path) throw new UserError('unknown-path', `There's no learning path called "${quoteUserText(name, 32)}".`);
    return path;
  };
  const countsOf = async (community: WorkspaceId, path: LearningPath) => {
    const counts = await store.aggregates.counts(community, path.command);
    return (stat: PathStat) => counts.get(encodePathStat(stat)) ?? 0;
  };
  return {
    async overview(community, name, now) {
      const path = pathNamed(name);
      const count = await countsOf(community, path);
      return {
        learners: count({ kind: 'learners' }),
        activeThisWeek: count({ kind: 'week', week: isoWeekOf(communityZone, now) }),
        finished: count({ kind: 'finished' }),
        remindersOn: count({ kind: 'reminder-on' }),
        phases: path.phases.map((phase) => ({
          id: phase.id,
          title: phase.title,
          completed: count({ kind: 'phase', phase: phase.id }),
        })),
      };
    },
    async funnel(community, name) {
      const path = pathNamed(name);
      const count = await countsOf(community, path);
      const titles = new Map(path.phases.map((phase) => [phase.id, phase.title]));
      return path.resources.map((resource, index): FunnelStep => ({
        resourceId: resource.id,
        title: resource.title,
        phaseTitle: titles.get(resource.phaseId) ?? '',
        reached: count({ kind: 'reached', resource: resource.id }),
        done: count({ kind: 'done', resource: resource.id }),
        skipped: count({ kind: 'skipped', resource: resource.id }),
        medianDaysFromPrevious:
          index === 0 ? null : medianOfGaps((days) => count({ kind: 'gap', resource: resource.id, days })),
      }));
    },
    async learners(community, name, query) {
      const path = pathNamed(name);
      checkQuery(query);
      const roster = encodeRosterId({ community, path: path.command, sort: query.sort });
      const offset = (query.page - 1) * query.pageSize;
      const page = await store.aggregates.roster(roster, offset, query.pageSize, query.order);
      const records = await Promise.all(page.members.map((member) => store.learners.get(member)));
      const rows: LearnerRow[] = [];
      for (const record of records) {
        const state = record?.paths[path.command];
        // Forgotten (or left the path) since the roster was read: not on this page any more.
        if (!record || !state) continue;
        const progress = progressOf(path, state);
        rows.push({
          displayName: record.name,
          position: progress.current?.title ?? 'Finished',
          done: progress.done.size,
          skipped: progress.skipped.size,
          minutes: progress.doneMinutes,
          streakDays: streakOf(path, state, record.zone ?? communityZone, query.now),
          lastActiveAt: lastActiveOf(state),
          reminderOn: state.reminder?.enabled ?? false,
        });
      }
      return { rows, total: page.total, page: query.page, pageSize: query.pageSize } satisfies LearnerPage;
    },
  };
}

function checkQuery(query: LearnerQuery): void {
  if (!Number.isSafeInteger(query.page) || query.page < 1)
    throw new UserError('bad-page', `The page must be a whole number from 1; got ${String(query.page)}.`);
  if (!Number.isSafeInteger(query.pageSize) || query.pageSize < 1 || query.pageSize > MAX_PAGE_SIZE)
    throw new UserError('bad-page', `The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  if (!['progress', 'name', 'last-active'].includes(query.sort) || !['asc', 'desc'].includes(query.order))
    throw new UserError('bad-page', 'Sort by progress, name or last-active, ascending or descending.');
}
