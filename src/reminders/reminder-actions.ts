import type { CommandContext } from '../commands/command-context.js';
import type { Reply } from '../model/reply.js';
import { UserError } from '../model/user-error.js';
import { moveSlot, reminderMember } from './reminder-slot.js';
import { formatLocal, localDate, nextOccurrence } from './zoned-time.js';

const SNOOZE_MS = 3_600_000;

/** "Snooze 1 hour" on a reminder: one extra reminder an hour from now. */
export async function snoozeReminder({ path, learner, clock, store }: CommandContext): Promise<Reply> {
  const at = clock.now() + SNOOZE_MS;
  const { previous, zone } = await learner.change(path, (draft) => {
    const reminder = draft.paths[path.command]?.reminder;
    if (!reminder?.enabled)
      throw new UserError('no-reminder', `Reminders are off. \`/${path.command} remind 09:00\` turns them on.`);
    const before = reminder.snoozeAt;
    reminder.snoozeAt = at;
    return { previous: before, zone: reminder.zone };
  });
  await moveSlot(store.reminders, reminderMember(learner.key, path.command), previous, at);
  return {
    visibility: 'private',
    tone: 'success',
    text: `Snoozed. I'll remind you again at **${formatLocal(zone, at)} ${zone}**.`,
  };
}

/** "Skip today": nothing more today (no snooze, and no daily reminder still to come today); the daily one comes back tomorrow. */
export async function skipToday({ path, learner, store, clock }: CommandContext): Promise<Reply> {
  const now = clock.now();
  const member = reminderMember(learner.key, path.command);
  const { previous, reminder } = await learner.change(path, (draft) => {
    const current = draft.paths[path.command]?.reminder;
    const before = { snoozeAt: current?.snoozeAt ?? null, nextAt: current?.nextAt ?? null };
    if (current) {
      current.snoozeAt = null;
      if (current.nextAt !== null && localDate(current.zone, current.nextAt) === localDate(current.zone, now))
        current.nextAt = nextOccurrence(current.zone, current.time, current.nextAt);
    }
    return { previous: before, reminder: current };
  });
  await moveSlot(store.reminders, member, previous.snoozeAt, null);
  await moveSlot(store.reminders, member, previous.nextAt, reminder?.nextAt);
  const next =
    reminder?.enabled && reminder.nextAt !== null
      ? ` See you at **${formatLocal(reminder.zone, reminder.nextAt)} ${reminder.zone}**.`
      : '';
  return { visibility: 'private', tone: 'success', text: `No problem, no more nudges today.${next}` };
}
