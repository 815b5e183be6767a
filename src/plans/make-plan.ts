import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState, Plan } from '../model/learner.js';
import { addDays } from '../reminders/calendar-date.js';
import { calendarOf, isStudyDate } from '../reminders/study-calendar.js';
import { localDate } from '../reminders/zoned-time.js';
import { forecast, MAX_MINUTES_PER_DAY, MIN_MINUTES_PER_DAY, minutesDoneOn, openResources } from './plan-forecast.js';

/** Paces a finish date is met with go up in steps this size: "20 min", not "17 min". */
const PACE_STEP = 5;

/**
 * A plan at `minutesPerDay` from now, as the forecast schedules it: it starts today when today is a study day
 * with minutes left after what was finished today (those minutes are its first day), else on the next study day.
 */
export function makePlan(
  path: LearningPath,
  state: PathState | undefined,
  zone: string,
  now: number,
  minutesPerDay: number,
  by?: string,
): Plan {
  const calendar = calendarOf(state);
  const today = localDate(zone, now);
  const room = minutesPerDay - minutesDoneOn(path, state, zone, today);
  let since = today;
  if (!isStudyDate(calendar, today) || room <= 0) {
    since = addDays(today, 1);
    while (!isStudyDate(calendar, since)) since = addDays(since, 1);
  }
  return {
    minutesPerDay,
    since,
    firstDayMinutes: since === today ? room : minutesPerDay,
    resources: openResources(path, state).map((resource) => resource.id),
    ...(by !== undefined && { by }),
  };
}

/**
 * The lightest pace (in steps of 5 minutes, at most 3 hours) that finishes by `date`; when none does, only
 * the earliest date the heaviest pace reaches.
 */
export function paceForDate(
  path: LearningPath,
  state: PathState | undefined,
  zone: string,
  now: number,
  date: string,
): { minutes?: number; earliest: string } {
  const finishAt = (minutes: number) => forecast(path, state, zone, now, minutes).finish ?? localDate(zone, now);
  for (let minutes = MIN_MINUTES_PER_DAY; minutes <= MAX_MINUTES_PER_DAY; minutes += PACE_STEP)
    if (finishAt(minutes) <= date) return { minutes, earliest: finishAt(MAX_MINUTES_PER_DAY) };
  return { earliest: finishAt(MAX_MINUTES_PER_DAY) };
}
