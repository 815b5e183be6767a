import type { LearningPath } from '../curriculum/learning-path.js';
import type { LearnerRecord } from '../model/learner.js';
import type { RecordStore } from '../ports/store.js';
import { calendarOf, nextStudyOccurrence } from './study-calendar.js';
import { localDate } from './zoned-time.js';

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
export async function dailySkip(
  records: RecordStore,
  record: LearnerRecord | undefined,
  path: LearningPath,
  member: string,
  zone: string,
  slotAt: number,
): Promise<DailySkip | undefined> {
  if (await records.get(sentMarkKey(dailyOccurrence(member, zone, slotAt)))) return 'already-sent';
  return record && studiedOn(record, path, zone, slotAt) ? 'not-needed' : undefined;
}

/**
 * The next daily reminder after `after` that will really be sent, by the record's reminder settings: on a
 * study day (one of its weekdays, not paused), and today's passed over when dailySkip says so.
 */
export async function nextDailyReminder(
  records: RecordStore,
  record: LearnerRecord,
  path: LearningPath,
  member: string,
  after: number,
): Promise<number> {
  const state = record.paths[path.command];
  const reminder = state?.reminder;
  if (!reminder) throw new Error(`no reminder on ${path.command} to schedule`);
  const first = nextStudyOccurrence(reminder.zone, reminder.time, calendarOf(state), after);
  return sentFrom(records, record, path, member, first);
}

/**
 * The daily reminder the learner will really get next, from the one filed (`nextAt`); undefined when none is
 * filed (off, paused, finished). What `remind` and the overview announce.
 */
export async function comingDailyReminder(
  records: RecordStore,
  record: LearnerRecord | undefined,
  path: LearningPath,
  member: string,
): Promise<number | undefined> {
  const reminder = record?.paths[path.command]?.reminder;
  if (!record || !reminder?.enabled || reminder.nextAt === null) return undefined;
  return sentFrom(records, record, path, member, reminder.nextAt);
}

/** `slotAt`, or the next study day's when that day's reminder is skipped. */
async function sentFrom(
  records: RecordStore,
  record: LearnerRecord,
  path: LearningPath,
  member: string,
  slotAt: number,
): Promise<number> {
  const state = record.paths[path.command];
  const { zone, time } = state!.reminder!;
  return (await dailySkip(records, record, path, member, zone, slotAt))
    ? nextStudyOccurrence(zone, time, calendarOf(state), slotAt)
    : slotAt;
}

/** The learner finished a resource of the path on the local day of `at`. */
export function studiedOn(record: LearnerRecord, path: LearningPath, zone: string, at: number): boolean {
  const day = localDate(zone, at);
  const marks = record.paths[path.command]?.marks ?? {};
  return path.resources.some(
    (resource) => marks[resource.id]?.status === 'done' && localDate(zone, marks[resource.id]!.at) === day,
  );
}
