import { z } from 'zod';
import type { BoardId } from './board-id.js';

/** Bump when the stored shape changes; a stored record of a version this code does not know fails validation. */
export const LEARNER_SCHEMA_VERSION = 1;
/** How many marks `undo` can walk back. */
export const UNDO_DEPTH = 50;

const epochMs = z.number().int().nonnegative();

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
  time: z.string().regex(/^\d{2}:\d{2}$/),
  zone: z.string().min(1),
  enabled: z.boolean(),
  /** Epoch ms of the next reminder, also the key of its slot in the reminder index. */
  nextAt: epochMs.nullable(),
  /** Reminders sent in a row with no reaction; reminders pause at a limit. */
  ignored: z.number().int().nonnegative().default(0),
  paused: z.boolean().default(false),
  /** A one-off extra reminder the learner asked for with "Snooze 1 hour". */
  snoozeAt: epochMs.nullable().default(null),
});
export type Reminder = z.infer<typeof reminderSchema>;

export const pathStateSchema = z.object({
  /** Marks by resource id (or checklist item id): stable when the path is reordered. */
  marks: z.record(z.string(), markSchema),
  history: z.array(historyEntrySchema).max(UNDO_DEPTH),
  /** Phases whose completion was already announced, so it is announced once. */
  announcedPhases: z.array(z.string()),
  reminder: reminderSchema.optional(),
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
