import type { CommandContext } from '../commands/command-context.js';
import type { Reply } from '../model/reply.js';
import { UserError } from '../model/user-error.js';
import { formatLocal, localDate, nextOccurrence } from './zoned-time.js';

const SNOOZE_MS = 3_600_000;

/** "Snooze 1 hour" on a reminder: one extra reminder an hour from now. */
export async function snoozeReminder({ path, learner, clock }: CommandContext): Promise<Reply> {
  const at = clock.now() + SNOOZE_MS;
  const zone = await learner.change(path, (draft) => {
    const reminder = draft.paths[path.command]?.reminder;
    if (!reminder?.enabled)
      throw new UserError('no-reminder', `Reminders are off. \`/${path.command} remind 09:00\` turns them on.`);
    reminder.snoozeAt = at;
    return reminder.zone;
  });
  return {
    visibility: 'private',
    tone: 'success',
    text: `Snoozed. I'll remind you again at **${formatLocal(zone, at)} ${zone}**.`,
  };
}

/** "Skip today": nothing more today (no snooze, and no daily reminder still to come today); the daily one comes back tomorrow. */
export async function skipToday({ path, learner, clock }: CommandContext): Promise<Reply> {
  const now = clock.now();
  const reminder = await learner.change(path, (draft) => {
    const current = draft.paths[path.command]?.reminder;
    if (current) {
      current.snoozeAt = null;
      if (current.nextAt !== null && localDate(current.zone, current.nextAt) === localDate(current.zone, now))
        current.nextAt = nextOccurrence(current.zone, current.time, current.nextAt);
    }
    return current;
  });
  const next =
    reminder?.enabled && reminder.nextAt !== null
      ? ` See you at **${formatLocal(reminder.zone, reminder.nextAt)} ${reminder.zone}**.`
      : '';
  return { visibility: 'private', tone: 'success', text: `No problem, no more nudges today.${next}` };
}
