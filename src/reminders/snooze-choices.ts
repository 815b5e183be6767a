import type { Reminder } from '../model/learner.js';
import { quoteUserText } from '../model/quote-user-text.js';
import { UserError } from '../model/user-error.js';
import { addDays } from './calendar-date.js';
import { formatLocal, instantOfLocal, localDate } from './zoned-time.js';

/** How long a snooze lasts: an hour, three hours, until this evening, or until tomorrow's reminder time. */
export type SnoozeChoice = 'hour' | 'three-hours' | 'evening' | 'tomorrow';

/** "This evening" in the learner's zone; offered only while it is still ahead. */
export const EVENING_TIME = '19:00';
const HOUR_MS = 3_600_000;

/**
 * The button action of each choice, in the order they are offered. "snooze" is also what the "Snooze 1 hour"
 * buttons of reminders sent before carry, so those still snooze an hour.
 */
export const SNOOZE_ACTIONS: ReadonlyMap<string, SnoozeChoice> = new Map([
  ['snooze', 'hour'],
  ['snooze-3h', 'three-hours'],
  ['snooze-evening', 'evening'],
  ['snooze-tomorrow', 'tomorrow'],
]);

const LABELS: Record<SnoozeChoice, string> = {
  hour: '1 hour',
  'three-hours': '3 hours',
  evening: 'This evening',
  tomorrow: 'Tomorrow',
};

/** When a snooze chosen at `now` brings the reminder back; undefined for "this evening" once it has passed. */
export function snoozeInstant(choice: SnoozeChoice, reminder: Reminder, now: number): number | undefined {
  if (choice === 'hour') return now + HOUR_MS;
  if (choice === 'three-hours') return now + 3 * HOUR_MS;
  const today = localDate(reminder.zone, now);
  const [date, time] = choice === 'evening' ? [today, EVENING_TIME] : [addDays(today, 1), reminder.time];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const at = instantOfLocal(reminder.zone, year, month, day, hour, minute);
  return at > now ? at : undefined;
}

/** "This evening (19:00)", "3 hours (Thu 01:00)": the choice and the local time it comes back at. */
export function snoozeLabel(choice: SnoozeChoice, zone: string, at: number, now: number): string {
  const shown = formatLocal(zone, at);
  return `${LABELS[choice]} (${localDate(zone, at) === localDate(zone, now) ? shown.slice(4) : shown})`;
}

/** "1h", "an hour", "3 hours", "evening", "this evening", "tonight", "tomorrow" -> the choice. */
export function parseSnoozeChoice(input: string, slash: string): SnoozeChoice {
  const text = input
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^(for|until|till) /, '');
  if (/^(1 ?|one |an? )?(h|hr|hour)$/.test(text) || /^60 ?min(ute)?s?$/.test(text)) return 'hour';
  if (/^(3|three) ?(h|hrs?|hours?)$/.test(text)) return 'three-hours';
  if (/^((this )?evening|tonight)$/.test(text)) return 'evening';
  if (text === 'tomorrow') return 'tomorrow';
  throw new UserError(
    'invalid-snooze',
    `"${quoteUserText(input, 20)}" isn't a snooze I offer.`,
    `Choose \`1 hour\`, \`3 hours\`, \`this evening\` or \`tomorrow\`, like \`/${slash} snooze this evening\`.`,
  );
}
