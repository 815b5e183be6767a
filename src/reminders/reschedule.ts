import type { LearningPath } from '../curriculum/learning-path.js';
import type { LearnerRecord, Reminder } from '../model/learner.js';
import type { RecordStore } from '../ports/store.js';
import { nextDailyReminder } from './daily-reminder-rule.js';
import { nextNudgeAt } from './streak-nudge.js';
import { calendarOf } from './study-calendar.js';

/**
 * A reminder's instants worked out again from a record whose settings (time, zone, weekdays, nudge) or
 * pauses just changed: the next daily reminder that will really be sent, by the rule delivery uses, and the
 * next streak nudge. Commands work this out on the record as it will be, before they save it.
 */
export async function rescheduled(
  records: RecordStore,
  record: LearnerRecord,
  path: LearningPath,
  member: string,
  now: number,
): Promise<Pick<Reminder, 'nextAt' | 'nudgeAt'>> {
  const state = record.paths[path.command];
  const reminder = state?.reminder;
  if (!reminder?.enabled || reminder.paused) return { nextAt: null, nudgeAt: null };
  return {
    nextAt: await nextDailyReminder(records, record, path, member, now),
    nudgeAt: nextNudgeAt(reminder, calendarOf(state), now),
  };
}
