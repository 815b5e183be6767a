import type { Store } from '../ports/store.js';
import { moveSlot, reminderMember } from '../reminders/reminder-slot.js';

/**
 * Deletes everything stored about a learner: leaderboard rows, reminder slots, then the record itself
 * (last, so an interrupted delete can be run again and finish). Returns false when there was nothing.
 */
export async function forgetLearner(store: Store, key: string): Promise<boolean> {
  const record = await store.learners.get(key);
  if (!record) return false;
  for (const board of record.boards) await store.boards.remove(board, key);
  for (const [path, state] of Object.entries(record.paths)) {
    await moveSlot(store.reminders, reminderMember(key, path), state.reminder?.nextAt, null);
  }
  await store.learners.update(key, () => ({ next: null, result: undefined }));
  return true;
}
