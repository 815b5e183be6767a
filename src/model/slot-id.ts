import { asLearnerId, decodePart, type LearnerId } from './learner-id.js';

declare const slotIdBrand: unique symbol;

/** One learner's reminders on one path: what the due index files under a minute. */
export type ReminderSlotId = string & { readonly [slotIdBrand]: true };

export interface ReminderSlotParts {
  learner: LearnerId;
  path: string;
}

/** The one encoding of a reminder slot id: the learner id, "#", the path percent-encoded. */
export function encodeSlotId(slot: ReminderSlotParts): ReminderSlotId {
  return `${slot.learner}#${encodeURIComponent(slot.path)}` as ReminderSlotId;
}

/** The one decoding of a reminder slot id; undefined for text that is not one. */
export function decodeSlotId(text: string): ReminderSlotParts | undefined {
  const at = text.lastIndexOf('#');
  if (at <= 0) return undefined;
  const learner = asLearnerId(text.slice(0, at));
  const path = decodePart(text.slice(at + 1));
  return learner && path ? { learner, path } : undefined;
}

/** Text read back from a store as a slot id, when it is one. */
export function asSlotId(text: string): ReminderSlotId | undefined {
  return decodeSlotId(text) ? (text as ReminderSlotId) : undefined;
}
