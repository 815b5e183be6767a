import type { Reminder } from '../model/learner.js';
import { dailyOccurrence } from './daily-reminder-rule.js';
import { minuteOf } from './minute-of.js';
import { nudgeOccurrence } from './streak-nudge.js';

/** Which of a learner's filed instants a slot is: the daily reminder, a snooze, or the evening streak nudge. */
export type SlotKind = 'daily' | 'snooze' | 'nudge';

/** What the slot filed at `slotAt` stands for in the record now, by the rule that filed it (learner-rows.ts). */
export function slotKind(reminder: Reminder | undefined, slotAt: number): SlotKind | undefined {
  if (!reminder?.enabled) return undefined;
  const at = (instant: number | null | undefined) => instant != null && minuteOf(instant) === minuteOf(slotAt);
  if (at(reminder.snoozeAt)) return 'snooze';
  if (!reminder.paused && at(reminder.nextAt)) return 'daily';
  if (!reminder.paused && at(reminder.nudgeAt)) return 'nudge';
  return undefined;
}

/** The key a slot's message is sent (and marked sent) under: a snooze by its minute, the others by local day. */
export function occurrenceOf(kind: SlotKind, member: string, zone: string, slotAt: number): string {
  if (kind === 'snooze') return `${member}@snooze@${minuteOf(slotAt)}`;
  if (kind === 'nudge') return nudgeOccurrence(member, zone, slotAt);
  return dailyOccurrence(member, zone, slotAt);
}
