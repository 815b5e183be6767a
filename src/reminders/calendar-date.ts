/**
 * Local calendar dates ("2026-12-28"): a day in the learner's own zone, with no instant attached. Days are
 * added on the calendar (a day is 23 or 25 hours long at DST changes), so none of this adds milliseconds.
 */
const SHORT_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(date: string): [number, number, number] {
  return date.split('-').map(Number) as [number, number, number];
}

function fromUtc(utc: Date): string {
  return utc.toISOString().slice(0, 10);
}

/** "2026-12-31" + 1 -> "2027-01-01". */
export function addDays(date: string, days: number): string {
  const [year, month, day] = parts(date);
  return fromUtc(new Date(Date.UTC(year, month - 1, day + days)));
}

/** 0 = Sunday, of the calendar date itself (not of any instant on it). */
export function weekdayOf(date: string): number {
  const [year, month, day] = parts(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** The calendar date, when year, month and day name a real one ("2026-02-30" does not). */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1970 || year > 9999) return undefined;
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return fromUtc(new Date(Date.UTC(year, month - 1, day))) === date ? date : undefined;
}

/** How many days a month has (February of leap years included). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "Fri 15 Jan", with the year when it is not the year of `today`: "Fri 15 Jan 2027". */
export function formatDate(date: string, today: string): string {
  const [year, month, day] = parts(date);
  const shown = `${SHORT_WEEKDAYS[weekdayOf(date)]} ${day} ${SHORT_MONTHS[month - 1]}`;
  return year === parts(today)[0] ? shown : `${shown} ${year}`;
}

export { SHORT_MONTHS, SHORT_WEEKDAYS };
