import type { Reminder } from '../model/learner.js';
import { nudgeCovered, nudgeSetting } from './streak-nudge.js';

/** What the evening streak nudge does for this reminder, in one line. */
export function nudgeLine(reminder: Reminder, slash: string): string {
  const nudge = nudgeSetting(reminder);
  if (!nudge.enabled) return `Streak nudge: off (\`/${slash} remind nudge on\` turns it on).`;
  if (nudgeCovered(reminder)) return 'Streak nudge: none needed, your reminder comes late enough in the day.';
  return `Streak nudge: **${nudge.time}** on a study day your streak is at risk (\`/${slash} remind nudge off\` stops it).`;
}
