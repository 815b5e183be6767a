import type { Choice } from '../model/invocation.js';
import { SNOOZE_ACTIONS, snoozeInstant, snoozeLabel, type SnoozeChoice } from '../reminders/snooze-choices.js';
import type { SuggestionContext } from './autocomplete.js';

const TYPED: Record<SnoozeChoice, string> = {
  hour: '1 hour',
  'three-hours': '3 hours',
  evening: 'this evening',
  tomorrow: 'tomorrow',
};

/** The snoozes still ahead, each with the local time it brings the reminder back (when reminders are on). */
export function suggestSnoozes(typed: string, { now, state }: SuggestionContext): Choice[] {
  const reminder = state?.reminder;
  return [...SNOOZE_ACTIONS.values()].flatMap((choice) => {
    const value = TYPED[choice];
    if (!value.includes(typed)) return [];
    if (!reminder?.enabled) return [{ name: value, value }];
    const at = snoozeInstant(choice, reminder, now);
    return at === undefined ? [] : [{ name: snoozeLabel(choice, reminder.zone, at, now), value }];
  });
}
