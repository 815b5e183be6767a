import type { WorkspaceId } from '../model/learner-id.js';

/**
 * What the admin dashboard reads about one community's learners on one path. Every figure comes from
 * aggregates the one write path keeps with the learner records (counts of derived rows), so a call costs
 * O(resources + page size), never O(learners).
 */
export interface CommunityStats {
  overview(community: WorkspaceId, path: string, now: number): Promise<PathOverview>;
  /** One step per resource, in path order. */
  funnel(community: WorkspaceId, path: string): Promise<FunnelStep[]>;
  learners(community: WorkspaceId, path: string, query: LearnerQuery): Promise<LearnerPage>;
}

export interface PathOverview {
  /** Learners with a record on this path. */
  learners: number;
  /** Learners who marked something done in this ISO week (the community's zone). */
  activeThisWeek: number;
  /** Learners with every resource of the path done. */
  finished: number;
  /** Learners with a reminder on for this path. */
  remindersOn: number;
  /** Per phase, in path order: learners with every resource of the phase done. */
  phases: Array<{ id: string; title: string; completed: number }>;
}

export interface FunnelStep {
  resourceId: string;
  title: string;
  phaseTitle: string;
  /** Learners who got as far as this resource (marked it, or it is their next one). */
  reached: number;
  done: number;
  skipped: number;
  /** Median whole days between the previous resource's mark and this one's; null when nobody has both. */
  medianDaysFromPrevious: number | null;
}

export type LearnerSort = 'progress' | 'name' | 'last-active';

export interface LearnerQuery {
  sort: LearnerSort;
  order: 'asc' | 'desc';
  /** 1-based. */
  page: number;
  pageSize: number;
  /** For figures that depend on today (the streak). */
  now: number;
}

/** One learner as an admin sees them: no platform ids. */
export interface LearnerRow {
  displayName: string;
  /** Their next resource's title, or "Finished". */
  position: string;
  done: number;
  skipped: number;
  minutes: number;
  streakDays: number;
  lastActiveAt: number | null;
  reminderOn: boolean;
}

export interface LearnerPage {
  rows: LearnerRow[];
  total: number;
  page: number;
  pageSize: number;
}
