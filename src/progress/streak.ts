import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import { localDate } from '../reminders/zoned-time.js';

/** Consecutive local days, ending today or yesterday, on which the learner completed something. */
export function streakOf(path: LearningPath, state: PathState | undefined, zone: string, now: number): number {
  const ids = new Set(path.resources.map((resource) => resource.id));
  const days = new Set(
    Object.entries(state?.marks ?? {})
      .filter(([id, mark]) => ids.has(id) && mark.status === 'done')
      .map(([, mark]) => localDate(zone, mark.at)),
  );
  const today = localDate(zone, now);
  // Calendar arithmetic on the date itself: a day is 23 or 25 hours long at DST changes.
  let day = days.has(today) ? today : previousDate(today);
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day = previousDate(day);
  }
  return streak;
}

/** "2026-03-09" -> "2026-03-08". */
export function previousDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}
