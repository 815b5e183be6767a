import type { CommandContext } from '../commands/command-context.js';
import type { PathState, Reminder } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { UserError } from '../model/user-error.js';
import { minuteOf } from './minute-of.js';
import { SNOOZE_ACTIONS, snoozeInstant, snoozeLabel, type SnoozeChoice, EVENING_TIME } from './snooze-choices.js';
import { nextNudgeAt } from './streak-nudge.js';
import { calendarOf, nextStudyOccurrence, pauseOn } from './study-calendar.js';
import { localDate } from './zoned-time.js';
import { shownDate, shownInstant } from '../views/shown-time.js';

/** Snooze…: the choices still ahead, each with the local time it brings the reminder back. */
export function snoozeMenu({ path, learner, clock }: CommandContext): Reply {
  const now = clock.now();
  const reminder = snoozable(path.command, learner.state(path), now);
  const buttons = [...SNOOZE_ACTIONS].flatMap(([id, choice]) => {
    const at = snoozeInstant(choice, reminder, now);
    return at === undefined
      ? []
      : [
          {
            label: snoozeLabel(choice, reminder.zone, at, now),
            style: 'secondary' as const,
            action: { id, value: '' },
          },
        ];
  });
  return { visibility: 'private', tone: 'info', text: 'Remind you again when?', buttons };
}

/**
 * A snooze choice: one extra reminder then, sent once under its own key. "Tomorrow" also passes over the rest
 * of today, like Skip today; a snooze that lands on the daily reminder's minute is that reminder.
 */
export async function snoozeReminder({ path, learner, clock }: CommandContext, choice: SnoozeChoice): Promise<Reply> {
  const now = clock.now();
  const { at, zone } = await learner.change(path, (draft) => {
    const state = draft.paths[path.command];
    const reminder = snoozable(path.command, state, now);
    const at = snoozeInstant(choice, reminder, now);
    if (at === undefined)
      throw new UserError(
        'evening-passed',
        `It's already past ${EVENING_TIME}, so this evening is over.`,
        `Snooze for 1 hour, 3 hours or until tomorrow: \`/${path.command} snooze\`.`,
      );
    if (choice === 'tomorrow') passOverToday(reminder, state!, now);
    reminder.snoozeAt = reminder.nextAt !== null && minuteOf(reminder.nextAt) === minuteOf(at) ? null : at;
    return { at, zone: reminder.zone };
  });
  return {
    visibility: 'private',
    tone: 'success',
    text: `Snoozed. I'll remind you again at **${shownInstant(zone, at)}**.`,
  };
}

/** "Skip today": nothing more today (no snooze, and no daily reminder or nudge still to come today); the next study day's comes. */
export async function skipToday({ path, learner, clock }: CommandContext): Promise<Reply> {
  const now = clock.now();
  const reminder = await learner.change(path, (draft) => {
    const state = draft.paths[path.command];
    if (state?.reminder) passOverToday(state.reminder, state, now);
    return state?.reminder;
  });
  const next =
    reminder?.enabled && reminder.nextAt !== null
      ? ` See you at **${shownInstant(reminder.zone, reminder.nextAt)}**.`
      : '';
  return { visibility: 'private', tone: 'success', text: `No problem, no more nudges today.${next}` };
}

/** Drops the snooze, and moves a daily reminder or nudge still due today to the next study day. */
function passOverToday(reminder: Reminder, state: PathState, now: number): void {
  const calendar = calendarOf(state);
  const today = (at: number | null | undefined) =>
    at != null && localDate(reminder.zone, at) === localDate(reminder.zone, now);
  reminder.snoozeAt = null;
  if (today(reminder.nextAt))
    reminder.nextAt = nextStudyOccurrence(reminder.zone, reminder.time, calendar, reminder.nextAt!);
  if (today(reminder.nudgeAt)) reminder.nudgeAt = nextNudgeAt(reminder, calendar, reminder.nudgeAt!);
}

/** The reminder a snooze applies to: on, and not paused today. */
function snoozable(slash: string, state: PathState | undefined, now: number): Reminder {
  const reminder = state?.reminder;
  if (!reminder?.enabled)
    throw new UserError('no-reminder', `Reminders are off. \`/${slash} remind 09:00\` turns them on.`);
  const today = localDate(reminder.zone, now);
  const pause = pauseOn(calendarOf(state), today);
  if (pause)
    throw new UserError(
      'paused',
      `You're paused until **${shownDate({ zone: reminder.zone, today }, pause.until)}**, so there's nothing to snooze.`,
      `\`/${slash} resume\` ends the pause early.`,
    );
  return reminder;
}
