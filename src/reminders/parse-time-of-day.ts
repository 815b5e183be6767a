import { quoteUserText } from '../model/quote-user-text.js';
import { UserError } from '../model/user-error.js';

/** A Map, so a typed word such as `constructor` is never found among an object's inherited names. */
const NAMED: ReadonlyMap<string, string> = new Map([
  ['noon', '12:00'],
  ['midday', '12:00'],
  ['midnight', '00:00'],
]);

/** "9am", "9:30 pm", "21:30", "0930", "9" -> "HH:MM" (24-hour); anything else is a friendly UserError. */
export function parseTimeOfDay(input: string): string {
  const text = input.trim().toLowerCase().replace(/\s+/g, '').replace(/\./g, ':');
  const named = NAMED.get(text);
  if (named) return named;
  const match = /^(\d{1,2})(?::?(\d{2}))?(am|pm|a|p)?$/.exec(text);
  if (!match) throw invalidTime(input);
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const meridiem = match[3]?.[0];
  if (minute > 59) throw invalidTime(input);
  if (meridiem) {
    if (hour < 1 || hour > 12) throw invalidTime(input);
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  if (hour > 23) throw invalidTime(input);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function invalidTime(input: string): UserError {
  return new UserError(
    'invalid-time',
    `"${quoteUserText(input, 20)}" isn't a time of day I can read.`,
    'Use 24-hour HH:MM between 00:00 and 23:59, or forms like 9am or 6:30pm.',
  );
}
