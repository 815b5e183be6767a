import { instantOfLocal, wallClock } from '../reminders/zoned-time.js';

const DAY_MS = 86_400_000;

/** One ISO week in a zone: its key and the instants local Monday 00:00 of it and of the next one happen. */
interface IsoWeek {
  key: string;
  start: number;
  end: number;
}

/**
 * The weeks last asked for, per zone, newest first. Working one out takes a dozen time-zone conversions,
 * and every `done` asks (for the weekly board, and for each done mark's week on the dashboard): a week
 * lasts seven days and a learner's marks fall in a few of them, so nearly every call is answered here.
 */
const recentWeeks = new Map<string, IsoWeek[]>();
/** Weeks remembered per zone: over a year of them, a bound on memory and on each lookup. */
const WEEKS_KEPT = 64;

/** "2026-W49": the ISO week of the local date in `zone`. */
export function isoWeekOf(zone: string, now: number): string {
  return weekOf(zone, now).key;
}

/** The instant local Monday 00:00 of this ISO week began in `zone`. */
export function startOfIsoWeek(zone: string, now: number): number {
  return weekOf(zone, now).start;
}

function weekOf(zone: string, now: number): IsoWeek {
  const weeks = recentWeeks.get(zone) ?? [];
  const cached = weeks.find((week) => now >= week.start && now < week.end);
  if (cached) return cached;
  const wall = wallClock(zone, now);
  const monday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day - ((wall.weekday + 6) % 7)));
  const nextMonday = new Date(monday.getTime() + 7 * DAY_MS);
  const week = {
    key: isoWeekKey(monday),
    start: instantOfLocal(zone, monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), 0, 0),
    end: instantOfLocal(zone, nextMonday.getUTCFullYear(), nextMonday.getUTCMonth() + 1, nextMonday.getUTCDate(), 0, 0),
  };
  recentWeeks.set(zone, [week, ...weeks.slice(0, WEEKS_KEPT - 1)]);
  return week;
}

/**
 * The ISO-8601 week of a calendar date (its UTC fields): weeks start on Monday, and a week belongs to the
 * year its Thursday falls in, so week 1 is the one holding the year's first Thursday.
 */
export function isoWeekKey(day: Date): string {
  const thursday = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() - ((thursday.getUTCDay() + 6) % 7) + 3);
  const year = thursday.getUTCFullYear();
  const dayOfYear = Math.round((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS);
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * Weeks already bounded, by zone and key. Every learner's rows are derived on each write, for every week
 * board they are on, and each bounding takes four time-zone conversions: most of a `done`'s own time before
 * (docs/PERFORMANCE.md). A community's weeks are few (about 52 a year), and the map starts over past a cap.
 */
const BOUNDED_KEPT = 4_096;
const bounded = new Map<string, Readonly<{ start: number; end: number }> | undefined>();

/** The instants an ISO week ("2026-W49") began and ended in `zone`: local Monday 00:00 of it and of the next. */
export function isoWeekBounds(zone: string, key: string): Readonly<{ start: number; end: number }> | undefined {
  const id = `${zone}\n${key}`;
  if (bounded.has(id)) return bounded.get(id);
  const bounds = boundsOf(zone, key);
  if (bounded.size >= BOUNDED_KEPT) bounded.clear();
  bounded.set(id, bounds);
  return bounds;
}

function boundsOf(zone: string, key: string): { start: number; end: number } | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) return undefined;
  const [year, week] = [Number(match[1]), Number(match[2])];
  // Week 1 holds 4 January; its Monday is the first of the ISO year.
  const january4 = Date.UTC(year, 0, 4);
  const monday = new Date(january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS + (week - 1) * 7 * DAY_MS);
  if (isoWeekKey(monday) !== key) return undefined;
  const nextMonday = new Date(monday.getTime() + 7 * DAY_MS);
  return {
    start: instantOfLocal(zone, monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), 0, 0),
    end: instantOfLocal(zone, nextMonday.getUTCFullYear(), nextMonday.getUTCMonth() + 1, nextMonday.getUTCDate(), 0, 0),
  };
}
