import type { CommandContext } from '../commands/command-context.js';
import type { PathState } from '../model/learner.js';
import { forecast } from '../plans/plan-forecast.js';
import { formatDate } from '../reminders/calendar-date.js';
import { formatLocalWhen, localDate } from '../reminders/zoned-time.js';

/** What a pause (or its end) moved: the next reminder, and the plan's finish. */
export function afterPauseLines({ path, learner, clock }: CommandContext, state: PathState): string[] {
  const now = clock.now();
  const reminder = state.reminder;
  const lines: string[] = [];
  if (reminder?.enabled && reminder.nextAt !== null)
    lines.push(`Next reminder: **${formatLocalWhen(reminder.zone, reminder.nextAt, now)} ${reminder.zone}**.`);
  if (state.plan) {
    const zone = learner.zone();
    const finish = forecast(path, state, zone, now, state.plan.minutesPerDay).finish;
    if (finish) lines.push(`Your plan now finishes on **${formatDate(finish, localDate(zone, now))}**.`);
  }
  return lines;
}
