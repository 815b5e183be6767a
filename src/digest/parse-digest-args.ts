import { quoteUserText } from '../model/quote-user-text.js';
import { UserError } from '../model/user-error.js';
import { parseWeekday } from '../reminders/parse-days.js';
import { parseTimeOfDay } from '../reminders/parse-time-of-day.js';

export type DigestRequest = { kind: 'show' } | { kind: 'off' } | { kind: 'set'; weekday: number; time: string };

/** "monday 9am", "mon 09:00", "9 pm friday", "off", "" -> what the admin asked for (day and time checked, as `remind` reads times). */
export function parseDigestArgs(day: string | undefined, time: string | undefined, slash: string): DigestRequest {
  const words = [day, time].filter(Boolean).join(' ').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { kind: 'show' };
  if (words.length === 1 && /^(off|stop|none|disable)$/i.test(words[0]!)) return { kind: 'off' };
  const dayAt = words.findIndex((word) => parseWeekday(word) !== undefined);
  const example = `\`/${slash} digest monday 9am\``;
  if (dayAt < 0)
    throw new UserError(
      'invalid-day',
      `"${quoteUserText(words[0]!, 20)}" isn't a day of the week I know.`,
      `Name a day and a time, like ${example} or \`/${slash} digest fri 17:30\`.`,
    );
  const timeText = words.filter((_, index) => index !== dayAt).join(' ');
  if (!timeText) throw new UserError('missing-time', 'Which time?', `For example ${example}.`);
  return { kind: 'set', weekday: parseWeekday(words[dayAt]!)!, time: parseTimeOfDay(timeText) };
}
