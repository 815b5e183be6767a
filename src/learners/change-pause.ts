import type { CommandContext } from '../commands/command-context.js';
import { emptyPathState, type LearnerRecord, type PathState } from '../model/learner.js';
import { encodeSlotId } from '../model/slot-id.js';
import { rescheduled } from '../reminders/reschedule.js';
import { localDate } from '../reminders/zoned-time.js';

/**
 * Changes the path's pauses with `edit` (given the learner's today) and, in the same write, what they move:
 * the reminder's next daily reminder and nudge (worked out on the record as it will be), and its snooze, which
 * a pause drops. Returns what `edit` returned and the path state as saved.
 */
export async function changePause<T>(
  { path, learner, clock, store }: CommandContext,
  edit: (state: PathState, today: string) => T,
): Promise<{ value: T; state: PathState }> {
  const now = clock.now();
  const today = localDate(learner.zone(), now);
  const apply = (draft: LearnerRecord) => {
    const state = (draft.paths[path.command] ??= emptyPathState(now));
    const value = edit(state, today);
    if (state.reminder && state.pauses?.some((pause) => pause.from <= today && today < pause.until))
      state.reminder.snoozeAt = null;
    return { value, state };
  };
  const preview = structuredClone(learner.record);
  apply(preview);
  const member = encodeSlotId({ learner: learner.key, path: path.command });
  const times = preview.paths[path.command]?.reminder
    ? await rescheduled(store.records, preview, path, member, now)
    : undefined;
  return learner.change(path, (draft) => {
    const changed = apply(draft);
    if (times && changed.state.reminder) Object.assign(changed.state.reminder, times);
    return changed;
  });
}
