import { timeToken } from '../model/time-token.js';
import { formatDate } from '../reminders/calendar-date.js';
import { formatLocal, formatLocalWhen, instantOfLocal, localDate, wallClock } from '../reminders/zoned-time.js';

/** The learner's today in their zone: what a calendar date is shown against (the year only when it differs). */
export interface LearnerDay {
  zone: string;
  today: string;
}

/**
 * "Wed 09:00 Europe/Berlin" for the console; each reader's own zone on Slack and Discord. With `now`, an instant
 * more than a week off also names its date; `withZone: false` leaves the zone out where the text already says it.
 */
export function shownInstant(
  zone: string,
  at: number,
  { now, withZone = true }: { now?: number; withZone?: boolean } = {},
): string {
  const local = now === undefined ? formatLocal(zone, at) : formatLocalWhen(zone, at, now);
  return timeToken(at, 'date-time', withZone ? `${local} ${zone}` : local);
}

/** "09:14": a clock time today, in the learner's zone as fallback. */
export function shownClock(zone: string, at: number): string {
  const wall = wallClock(zone, at);
  const clock = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
  return timeToken(at, 'time', clock);
}

/**
 * A calendar date of the learner's ("2026-12-28"), as "Mon 28 Dec". It is a day, not an instant: shown from its
 * local noon, so a reader up to eleven hours away sees the same day.
 */
export function shownDate({ zone, today }: LearnerDay, date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return timeToken(instantOfLocal(zone, year, month, day, 12, 0), 'date', formatDate(date, today));
}

/** The learner's day at `now`. */
export function learnerDay(zone: string, now: number): LearnerDay {
  return { zone, today: localDate(zone, now) };
}
