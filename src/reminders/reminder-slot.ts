import type { ReminderIndex } from '../ports/store.js';

const MINUTE_MS = 60_000;

/** The reminder index member for one learner on one path. */
export function reminderMember(learnerKey: string, path: string): string {
  return `${learnerKey}#${path}`;
}

/** Splits a reminder index member back into learner key and path. */
export function parseReminderMember(member: string): { learnerKey: string; path: string } | undefined {
  const at = member.lastIndexOf('#');
  return at > 0 ? { learnerKey: member.slice(0, at), path: member.slice(at + 1) } : undefined;
}

/** The UTC minute a reminder instant is filed under. */
export function minuteOf(epochMs: number): number {
  return Math.floor(epochMs / MINUTE_MS);
}

/** Moves a learner's slot in the index from one instant to another (either may be null). */
export async function moveSlot(
  index: ReminderIndex,
  member: string,
  from: number | null | undefined,
  to: number | null | undefined,
): Promise<void> {
  if (from != null && from !== to) await index.remove(minuteOf(from), member);
  if (to != null) await index.add(minuteOf(to), member);
}
