import type { Pause, PathState } from '../model/learner.js';
import { addDays, weekdayOf } from './calendar-date.js';
import { instantOfLocal, localDate } from './zoned-time.js';

/** Every weekday, Sunday first: the study days of a learner who chose none. */
export const EVERY_DAY: readonly number[] = [0, 1, 2, 3, 4, 5, 6];
/** The longest pause, in days. */
export const MAX_PAUSE_DAYS = 366;
/** How far ahead an occurrence is looked for: past the longest pause, then a whole week. */
const SEARCH_DAYS = MAX_PAUSE_DAYS + 8;

/**
 * A learner's study days on one path: the weekdays they chose for reminders (every day otherwise), minus
 * the days they paused. Reminders, nudges, streaks and plans all count days by this one calendar.
 */
export interface StudyCalendar {
  days: readonly number[];
  pauses: readonly Pause[];
}

export function calendarOf(state: PathState | undefined): StudyCalendar {
  return { days: state?.reminder?.days ?? EVERY_DAY, pauses: state?.pauses ?? [] };
}

/** The pause `date` falls in, if any. */
export function pauseOn(calendar: StudyCalendar, date: string): Pause | undefined {
  return calendar.pauses.find((pause) => pause.from <= date && date < pause.until);
}

/** A chosen weekday that is not paused. */
export function isStudyDate(calendar: StudyCalendar, date: string): boolean {
  return calendar.days.includes(weekdayOf(date)) && pauseOn(calendar, date) === undefined;
}

/**
 * The first instant after `afterMs` when local time `hhmm` happens on a study day in `zone`. Gaps and
 * overlaps are those of `instantOfLocal`: the first minute after a gap, the earlier of an overlap.
 */
export function nextStudyOccurrence(zone: string, hhmm: string, calendar: StudyCalendar, afterMs: number): number {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  const first = localDate(zone, afterMs);
  for (let offset = 0; offset <= SEARCH_DAYS; offset += 1) {
    const date = addDays(first, offset);
    if (!isStudyDate(calendar, date)) continue;
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const instant = instantOfLocal(zone, year, month, day, hour, minute);
    if (instant > afterMs) return instant;
  }
  throw new Error(`no study day within ${SEARCH_DAYS} days of ${new Date(afterMs).toISOString()} in ${zone}`);
}
