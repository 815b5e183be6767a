import { instantOfLocal, wallClock } from '../reminders/zoned-time.js';

/** "2026-W48": the ISO week of the local date in `zone`. */
export function isoWeekOf(zone: string, now: number): string {
  const wall = wallClock(zone, now);
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day));
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / 86_400_000 / 7 - ((firstThursday.getUTCDay() + 6) % 7 - 3) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The instant local Monday 00:00 of this ISO week began in `zone`. */
export function startOfIsoWeek(zone: string, now: number): number {
  const wall = wallClock(zone, now);
  const monday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day - ((wall.weekday + 6) % 7)));
  return instantOfLocal(zone, monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), 0, 0);
}
