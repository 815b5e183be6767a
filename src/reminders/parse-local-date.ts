import { quoteUserText } from '../model/quote-user-text.js';
import { UserError } from '../model/user-error.js';
import { addDays, calendarDate, daysInMonth, SHORT_MONTHS, weekdayOf } from './calendar-date.js';
import { parseWeekday } from './parse-days.js';

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
/** A Map, so a typed `constructor` is never a day. */
const RELATIVE: ReadonlyMap<string, number> = new Map([
  ['today', 0],
  ['tomorrow', 1],
  ['yesterday', -1],
]);

/**
 * A local date as people type one, read against `today` (the learner's own date): "2026-12-28", "28 dec",
 * "Dec 28 2026", "december 28, 2026", "today", "tomorrow", "yesterday", "friday" (the next one after today).
 * A day and month without a year is the next such date from today on. Anything else is a friendly UserError.
 */
export function parseLocalDate(input: string, today: string): string {
  const text = input.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  const relative = RELATIVE.get(text);
  if (relative !== undefined) return addDays(today, relative);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), input, today);
  const weekday = parseWeekday(text.replace(/^next /, ''));
  if (weekday !== undefined) return addDays(today, ((weekday - weekdayOf(today) + 6) % 7) + 1);
  const named = /^(?:(\d{1,2}) ([a-z]+)|([a-z]+) (\d{1,2}))(?: (\d{4}))?$/.exec(
    text.replace(/(\d)(st|nd|rd|th)\b/g, '$1'),
  );
  const month = named ? monthNumber(named[2] ?? named[3]!) : undefined;
  if (!named || month === undefined) throw unreadable(input, today);
  const day = Number(named[1] ?? named[4]);
  if (named[5]) return checked(Number(named[5]), month, day, input, today);
  const thisYear = Number(today.slice(0, 4));
  const date = calendarDate(thisYear, month, day);
  return date && date >= today ? date : checked(thisYear + 1, month, day, input, today);
}

function monthNumber(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(word));
  return index < 0 ? undefined : index + 1;
}

/** The date, or why it is none: "2026-02-30 isn't a date: Feb 2026 has 28 days." */
function checked(year: number, month: number, day: number, input: string, today: string): string {
  const date = calendarDate(year, month, day);
  if (date) return date;
  if (month < 1 || month > 12) throw unreadable(input, today);
  throw new UserError(
    'invalid-date',
    `${quoteUserText(input, 20)} isn't a date: ${SHORT_MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days.`,
    `Use YYYY-MM-DD, like ${addDays(today, 28)}.`,
  );
}

function unreadable(input: string, today: string): UserError {
  return new UserError(
    'invalid-date',
    `"${quoteUserText(input, 20)}" isn't a date I can read.`,
    `Use YYYY-MM-DD, like ${addDays(today, 28)}, or a day like \`28 dec\` or \`friday\`.`,
  );
}
