import type { CommandContext } from '../commands/command-context.js';
import type { PathState } from '../model/learner.js';
import { forecast } from '../plans/plan-forecast.js';
import { learnerDay, shownDate, shownInstant } from './shown-time.js';

/** What a pause (or its end) moved: the next reminder, and the plan's finish. */
export function afterPauseLines({ path, learner, clock }: CommandContext, state: PathState): string[] {
  const now = clock.now();
  const reminder = state.reminder;
  const lines: string[] = [];
  if (reminder?.enabled && reminder.nextAt !== null)
    lines.push(`Next reminder: **${shownInstant(reminder.zone, reminder.nextAt, { now })}**.`);
  if (state.plan) {
    const zone = learner.zone();
    const finish = forecast(path, state, zone, now, state.plan.minutesPerDay).finish;
    if (finish) lines.push(`Your plan now finishes on **${shownDate(learnerDay(zone, now), finish)}**.`);
  }
  return lines;
}
