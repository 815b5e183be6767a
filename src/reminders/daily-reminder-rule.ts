import type { LearningPath } from '../curriculum/learning-path.js';
import type { LearnerRecord } from '../model/learner.js';
import type { RecordStore } from '../ports/store.js';
import { localDate, nextOccurrence } from './zoned-time.js';

/** Why a day's daily reminder is not sent: it already went out that day, or the learner already studied that day. */
export type DailySkip = 'already-sent' | 'not-needed';

/** The occurrence a daily reminder is sent (and marked sent) under: one per learner, path and local day. */
export function dailyOccurrence(member: string, zone: string, slotAt: number): string {
  return `${member}@${localDate(zone, slotAt)}`;
}

/** The mark delivery writes once an occurrence went out. */
export function sentMarkKey(occurrence: string): string {
  return `sent:${occurrence}`;
}

/**
 * Whether the daily reminder due at `slotAt` is skipped, and why. Delivery decides with this, and so does
 * every "next reminder" the bot announces, so the one announced is the one that comes.
 */
export async function dailySkip(records: RecordStore, record: LearnerRecord | undefined, path: LearningPath, member: string, zone: string, slotAt: number): Promise<DailySkip | undefined> {
  if (await records.get(sentMarkKey(dailyOccurrence(member, zone, slotAt)))) return 'already-sent';
  return record && studiedOn(record, path, zone, slotAt) ? 'not-needed' : undefined;
}

/** The next daily reminder after `after` that will really be sent (today's is passed over when dailySkip says so). */
export async function nextDailyReminder(
  records: RecordStore, record: LearnerRecord | undefined, path: LearningPath, member: string, reminder: { zone: string; time: string }, after: number,
): Promise<number> {
  const first = nextOccurrence(reminder.zone, reminder.time, after);
  return (await dailySkip(records, record, path, member, reminder.zone, first)) ? nextOccurrence(reminder.zone, reminder.time, first) : first;
}

/** The learner finished a resource of the path on the local day of `at`. */
function studiedOn(record: LearnerRecord, path: LearningPath, zone: string, at: number): boolean {
  const day = localDate(zone, at);
  const marks = record.paths[path.command]?.marks ?? {};
  return path.resources.some((resource) => marks[resource.id]?.status === 'done' && localDate(zone, marks[resource.id]!.at) === day);
}
