import { instantOfLocal, wallClock } from '../reminders/zoned-time.js';

const DAY_MS = 86_400_000;

/** One ISO week in a zone: its key and the instants local Monday 00:00 of it and of the next one happen. */
interface IsoWeek {
  key: string;
  start: number;
  end: number;
}

/**
 * The last week asked for, per zone. Working it out takes a dozen time-zone conversions, and every
 * `done` asks (for the weekly board): a week lasts seven days, so nearly every call is answered here.
 */
const lastWeek = new Map<string, IsoWeek>();

/** "2026-W48": the ISO week of the local date in `zone`. */
export function isoWeekOf(zone: string, now: number): string {
  return weekOf(zone, now).key;
}

/** The instant local Monday 00:00 of this ISO week began in `zone`. */
export function startOfIsoWeek(zone: string, now: number): number {
  return weekOf(zone, now).start;
}

function weekOf(zone: string, now: number): IsoWeek {
  const cached = lastWeek.get(zone);
  if (cached && now >= cached.start && now < cached.end) return cached;
  const wall = wallClock(zone, now);
  const monday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day - ((wall.weekday + 6) % 7)));
  const nextMonday = new Date(monday.getTime() + 7 * DAY_MS);
  const week = {
    key: isoWeekKey(monday),
    start: instantOfLocal(zone, monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), 0, 0),
    end: instantOfLocal(zone, nextMonday.getUTCFullYear(), nextMonday.getUTCMonth() + 1, nextMonday.getUTCDate(), 0, 0),
  };
  lastWeek.set(zone, week);
  return week;
}

/** The ISO week of a calendar date (its UTC fields): the week of its Thursday, counted from the week of 4 January. */
function isoWeekKey(day: Date): string {
  const date = new Date(day.getTime());
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / DAY_MS / 7 - ((firstThursday.getUTCDay() + 6) % 7 - 3) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
