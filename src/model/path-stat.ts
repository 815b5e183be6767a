import { decodePart } from './learner-id.js';

/**
 * Whole days between two marks are counted up to this; a longer gap is filed in one last bucket
 * ("this many days or more"), so a resource has a bounded number of gap sets however long learners take.
 */
export const GAP_DAYS_CAPPED = 60;

/**
 * One figure of a community's path, kept as a counted set of learners (the set's size is the figure):
 * everyone on the path, who finished, who has a reminder on, who completed a phase, who reached, did or
 * skipped a resource, who marked something done in an ISO week, and who marked a resource `days` whole days
 * after the resource before it (GAP_DAYS_CAPPED: that many or more).
 */
export type PathStat =
  | { kind: 'learners' }
  | { kind: 'finished' }
  | { kind: 'reminder-on' }
  | { kind: 'phase'; phase: string }
  | { kind: 'reached' | 'done' | 'skipped'; resource: string }
  | { kind: 'week'; week: string }
  | { kind: 'gap'; resource: string; days: number };

const WEEK = /^\d{4}-W\d{2}$/;

/** Encodings of frozen figures (shared by every learner: path-aggregate-rows.ts), made once each. */
const encodedFrozen = new WeakMap<PathStat, string>();

/** The one encoding of a path figure (the last part of its set's name: no "/" in it). */
export function encodePathStat(stat: PathStat): string {
  let text = encodedFrozen.get(stat);
  if (text === undefined) {
    text = encodeFresh(stat);
    if (Object.isFrozen(stat)) encodedFrozen.set(stat, text);
  }
  return text;
}

function encodeFresh(stat: PathStat): string {
  switch (stat.kind) {
    case 'learners':
    case 'finished':
    case 'reminder-on':
      return stat.kind;
    case 'phase':
      return `phase:${encodeURIComponent(stat.phase)}`;
    case 'week':
      return `week:${stat.week}`;
    case 'gap':
      return `gap:${encodeURIComponent(stat.resource)}:${stat.days}`;
    default:
      return `${stat.kind}:${encodeURIComponent(stat.resource)}`;
  }
}

/** The one decoding of a path figure; undefined for text that is not one. */
export function decodePathStat(text: string): PathStat | undefined {
  if (text === 'learners' || text === 'finished' || text === 'reminder-on') return { kind: text };
  const [kind, first = '', second, ...rest] = text.split(':');
  if (rest.length > 0 || text.includes('/')) return undefined;
  const part = decodePart(first);
  if (part === undefined || part === '') return undefined;
  if (kind === 'week') return second === undefined && WEEK.test(first) ? { kind, week: first } : undefined;
  if (kind === 'gap') {
    const days = Number(second);
    return Number.isSafeInteger(days) && days >= 0 && days <= GAP_DAYS_CAPPED && second === String(days)
      ? { kind, resource: part, days }
      : undefined;
  }
  if (second !== undefined) return undefined;
  if (kind === 'phase') return { kind, phase: part };
  return kind === 'reached' || kind === 'done' || kind === 'skipped' ? { kind, resource: part } : undefined;
}
