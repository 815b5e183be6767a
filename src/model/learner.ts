import { z } from 'zod';
import type { BoardId } from './board-id.js';

/** Bump when the stored shape changes; a stored record of a version this code does not know fails validation. */
export const LEARNER_SCHEMA_VERSION = 1;
/** How many marks `undo` can walk back. */
export const UNDO_DEPTH = 50;

const epochMs = z.number().int().nonnegative();
const hhmm = z.string().regex(/^\d{2}:\d{2}$/);
/** A local calendar date "YYYY-MM-DD" in the learner's zone. */
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** The most pauses kept per path: enough for the streak to look back over a year of holidays. */
export const MAX_PAUSES = 24;

export const markSchema = z.object({
  status: z.enum(['done', 'skipped']),
  at: epochMs,
});
export type Mark = z.infer<typeof markSchema>;

const historyEntrySchema = z.object({
  /** A resource id, or a checklist item id. */
  item: z.string(),
  previous: markSchema.nullable(),
  at: epochMs,
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const reminderSchema = z.object({
  /** Local wall-clock time "HH:MM". */
  time: hhmm,
  zone: z.string().min(1),
  enabled: z.boolean(),
  /** Epoch ms of the next reminder, also the key of its slot in the reminder index. */
  nextAt: epochMs.nullable(),
  /** Reminders sent in a row with no reaction; reminders pause at a limit. */
  ignored: z.number().int().nonnegative().default(0),
  paused: z.boolean().default(false),
  /** A one-off extra reminder the learner asked for with Snooze. */
  snoozeAt: epochMs.nullable().default(null),
  /** The weekdays reminders come on (0 = Sunday), sorted; absent means every day. */
  days: z.array(z.number().int().min(0).max(6)).min(1).max(7).optional(),
  /** The evening streak nudge: absent means on, at the default time. */
  nudge: z.object({ enabled: z.boolean(), time: hhmm }).optional(),
  /** Epoch ms of the next streak nudge, also filed in the reminder index; absent or null when none is filed. */
  nudgeAt: epochMs.nullable().optional(),
});
export type Reminder = z.infer<typeof reminderSchema>;

/** Days off: no reminders or nudges from `from` until the day before `until`, and the streak waits. */
export const pauseSchema = z.object({ from: calendarDate, until: calendarDate });
export type Pause = z.infer<typeof pauseSchema>;

/** A study plan: so many minutes per study day through the resources open when it was made. */
export const planSchema = z.object({
  minutesPerDay: z.number().int().positive(),
  /** The plan's first study day. */
  since: calendarDate,
  /** Minutes planned on that first day (less than a full day when some was done before the plan). */
  firstDayMinutes: z.number().int().nonnegative(),
  /** The resources open when the plan was made, in the order it schedules them. */
  resources: z.array(z.string()),
  /** The finish date the learner asked for, if they gave one. */
  by: calendarDate.optional(),
});
export type Plan = z.infer<typeof planSchema>;

export const pathStateSchema = z.object({
  /** Marks by resource id (or checklist item id): stable when the path is reordered. */
  marks: z.record(z.string(), markSchema),
  history: z.array(historyEntrySchema).max(UNDO_DEPTH),
  /** Phases whose completion was already announced, so it is announced once. */
  announcedPhases: z.array(z.string()),
  reminder: reminderSchema.optional(),
  plan: planSchema.optional(),
  /** Pauses, oldest first: the current one, if any, and past ones the streak still looks back over. */
  pauses: z.array(pauseSchema).max(MAX_PAUSES).optional(),
  startedAt: epochMs,
});
export type PathState = z.infer<typeof pathStateSchema>;

export const learnerRecordSchema = z.object({
  v: z.literal(LEARNER_SCHEMA_VERSION),
  name: z.string(),
  /** The learner's IANA time zone once they chose one (streaks and reminders use it). */
  zone: z.string().optional(),
  paths: z.record(z.string(), pathStateSchema),
  /** The leaderboards (channel and week) this learner joined: their rows there are derived from this record. */
  boards: z.array(z.custom<BoardId>((value) => typeof value === 'string')),
  hidden: z.boolean(),
  /** Set when the platform says we cannot message this person; reminders stop. */
  undeliverable: z.object({ reason: z.string(), at: epochMs, told: z.boolean() }).optional(),
  /** Platform address for direct messages (a Discord DM channel id). */
  dmAddress: z.string().optional(),
  /** Set when the stored record failed validation and was set aside, so this one started afresh; told once. */
  setAside: z.object({ at: epochMs, told: z.boolean() }).optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
  /** Bumped by the store on every save. */
  rev: z.number().int().nonnegative().default(0),
});
export type LearnerRecord = z.infer<typeof learnerRecordSchema>;

export function emptyPathState(now: number): PathState {
  return { marks: {}, history: [], announcedPhases: [], startedAt: now };
}

export function newLearnerRecord(name: string, now: number): LearnerRecord {
  return {
    v: LEARNER_SCHEMA_VERSION,
    name,
    paths: {},
    boards: [],
    hidden: false,
    createdAt: now,
    updatedAt: now,
    rev: 0,
  };
}
