import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import { addDays } from '../reminders/calendar-date.js';
import { calendarOf, isStudyDate } from '../reminders/study-calendar.js';
import { localDate } from '../reminders/zoned-time.js';

/**
 * Local days, ending today or the last study day before it, on which the learner completed something, with
 * no study day missed between them. Days off (weekdays they don't study on, and paused days) neither break
 * the streak nor count, unless they studied then: a streak is frozen over a pause, never broken by it.
 */
export function streakOf(path: LearningPath, state: PathState | undefined, zone: string, now: number): number {
  const ids = new Set(path.resources.map((resource) => resource.id));
  const days = new Set(
    Object.entries(state?.marks ?? {})
      .filter(([id, mark]) => ids.has(id) && mark.status === 'done')
      .map(([, mark]) => localDate(zone, mark.at)),
  );
  if (days.size === 0) return 0;
  const earliest = [...days].sort()[0]!;
  const calendar = calendarOf(state);
  const today = localDate(zone, now);
  // Calendar arithmetic on the date itself: a day is 23 or 25 hours long at DST changes.
  let day = days.has(today) ? today : addDays(today, -1);
  let streak = 0;
  for (; day >= earliest; day = addDays(day, -1)) {
    if (days.has(day)) streak += 1;
    else if (isStudyDate(calendar, day)) break;
  }
  return streak;
}
