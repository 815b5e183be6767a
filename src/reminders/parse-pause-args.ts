import { addDays } from './calendar-date.js';
import { parseLocalDate } from './parse-local-date.js';

/** What `pause` was asked: show the pause, end it, or pause until a local date (the first day back). */
export type PauseRequest = { kind: 'show' } | { kind: 'end' } | { kind: 'until'; date: string };

const LENGTH = /^(\d{1,3}|an?|one)\s*(d|days?|w|wks?|weeks?)$/;

/**
 * "until 2026-12-28", "2026-12-28", "28 dec", "1w", "10d", "2 weeks", "a week", "off", "" -> the request.
 * A length counts from today: "1w" on a Tuesday is back the next Tuesday.
 */
export function parsePauseArgs(input: string | undefined, today: string): PauseRequest {
  const text = (input ?? '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(until|till|til|to|for) /, '');
  if (text === '') return { kind: 'show' };
  if (/^(off|end|stop|none|resume)$/.test(text)) return { kind: 'end' };
  const length = LENGTH.exec(text);
  if (length) {
    const count = /^\d/.test(length[1]!) ? Number(length[1]) : 1;
    return { kind: 'until', date: addDays(today, length[2]!.startsWith('w') ? count * 7 : count) };
  }
  return { kind: 'until', date: parseLocalDate(text, today) };
}
