import { quoteUserText } from '../model/quote-user-text.js';
import { UserError } from '../model/user-error.js';
import { SHORT_WEEKDAYS } from './calendar-date.js';
import { EVERY_DAY } from './study-calendar.js';

/** 0 = Sunday, as `Date#getUTCDay` counts. */
const DAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const ALIASES: ReadonlyMap<string, number> = new Map([
  ['weds', 3],
  ['thur', 4],
  ['thurs', 4],
]);
const WEEKDAYS = [1, 2, 3, 4, 5];
const WEEKENDS = [0, 6];
/** Words for a whole set of days. A Map, so a typed `constructor` is no set. */
const SETS: ReadonlyMap<string, readonly number[]> = new Map([
  ['daily', EVERY_DAY],
  ['everyday', EVERY_DAY],
  ['all', EVERY_DAY],
  ['weekdays', WEEKDAYS],
  ['workdays', WEEKDAYS],
  ['weekends', WEEKENDS],
  ['weekend', WEEKENDS],
]);

/** "monday", "Mon", "tues", "fridays" -> 0..6 (Sunday first); undefined when it is no day. */
export function parseWeekday(word: string): number | undefined {
  const text = word.toLowerCase().replace(/\.$/, '');
  const singular = text.length > 6 && text.endsWith('s') ? text.slice(0, -1) : text;
  if (ALIASES.has(singular)) return ALIASES.get(singular);
  if (singular.length < 2) return undefined;
  const matches = DAY_NAMES.flatMap((day, index) => (day.startsWith(singular) ? [index] : []));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Whether a typed word is meant as days: a day, a set of days, a range, or a comma list (checked by parseDays). */
export function looksLikeDays(word: string): boolean {
  const text = word.toLowerCase();
  return text.includes(',') || text.split('-').every((part) => SETS.has(part) || parseWeekday(part) !== undefined);
}

/**
 * "mon,wed,fri", "Mon Wed Fri", "mon-fri", "weekdays", "weekends", "daily", "every day" -> sorted weekdays
 * (0 = Sunday). Anything else is a friendly UserError naming the word it could not read.
 */
export function parseDays(text: string): number[] {
  const words = text
    .toLowerCase()
    .replace(/every\s+day/g, 'daily')
    .split(/[\s,]+/)
    .filter(Boolean);
  const days = new Set<number>();
  for (const word of words) for (const day of dayWord(word)) days.add(day);
  if (days.size === 0) throw invalidDay(text);
  return [...days].sort((a, b) => a - b);
}

function dayWord(word: string): readonly number[] {
  const set = SETS.get(word);
  if (set) return set;
  const [from, to, ...rest] = word.split('-');
  const start = parseWeekday(from ?? '');
  if (start === undefined) throw invalidDay(from || word);
  if (to === undefined) return [start];
  const end = parseWeekday(to);
  if (end === undefined || rest.length > 0) throw invalidDay(to || word);
  // "fri-mon" wraps around the weekend.
  const length = ((end - start + 7) % 7) + 1;
  return Array.from({ length }, (_, step) => (start + step) % 7);
}

function invalidDay(word: string): UserError {
  return new UserError(
    'invalid-day',
    `"${quoteUserText(word, 20)}" isn't a day of the week I know.`,
    'Name days like `mon,wed,fri` or `mon-fri`, or say `weekdays`, `weekends` or `daily`.',
  );
}

/** "every day", "weekdays", "weekends", or "Mon, Wed, Fri". */
export function describeDays(days: readonly number[]): string {
  const key = days.join(',');
  if (key === EVERY_DAY.join(',')) return 'every day';
  if (key === WEEKDAYS.join(',')) return 'weekdays';
  if (key === WEEKENDS.join(',')) return 'weekends';
  // Monday first, as people list a week.
  return [...days]
    .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
    .map((day) => SHORT_WEEKDAYS[day])
    .join(', ');
}

/** "on Mon, Wed, Fri", "every day", "on weekdays": for "I'll remind you …". */
export function onDays(days: readonly number[]): string {
  const described = describeDays(days);
  return described === 'every day' ? described : `on ${described}`;
}

/** "mon,wed,fri": the days as they can be typed back. */
export function typedDays(days: readonly number[]): string {
  return describeDays(days).toLowerCase().replace(/, /g, ',').replace('every day', 'daily');
}
