import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import type { PlanDay } from '../plans/plan-forecast.js';
import { progressOf } from '../progress/path-progress.js';
import { paragraphs } from '../views/paragraphs.js';
import { pathMeasure } from '../views/path-measure.js';
import { plannedTodayLine } from '../views/plan-lines.js';
import { resourceLines } from '../views/resource-lines.js';
import { CHANGE_REMINDER_BUTTON } from '../views/change-reminder-button.js';

/** What a reminder says beside the resource: the streak, today's share of the plan, whether reminders pause now. */
export interface ReminderNotes {
  streak: number;
  pausing: boolean;
  planned?: PlanDay;
}

/**
 * A reminder: titled by the resource (so a notification preview names it) and linked once there,
 * the same detail lines and measure as `next`, the streak, what the plan holds for today, and
 * Done / Snooze… / Skip today (Snooze offers its choices when pressed) / Change reminder (the settings form).
 */
export function reminderReply(
  path: LearningPath,
  state: PathState | undefined,
  { streak, pausing, planned }: ReminderNotes,
): Reply | undefined {
  const progress = progressOf(path, state);
  const resource = progress.current;
  if (!resource) return undefined;
  const streakLine = streak > 0 ? [`Streak: **${streak} day${streak === 1 ? '' : 's'}** 🔥 — keep it going!`] : [];
  const pauseNotice = pausing
    ? [
        `That's several reminders without a reply, so I'll pause them here. Use any \`/${path.command}\` command or press a button to resume.`,
      ]
    : [];
  return {
    visibility: 'private',
    tone: 'info',
    title: `⏰ Time for ${path.title}: ${resource.title} (${resource.minutes} min)`,
    url: resource.url,
    text: paragraphs(
      [...resourceLines(path, resource), ...(planned ? [plannedTodayLine(planned)] : []), ...streakLine],
      pauseNotice,
    ),
    progress: [pathMeasure(path, progress)],
    buttons: [
      { label: 'Done', style: 'success', action: { id: 'done', value: resource.id } },
      { label: 'Snooze…', style: 'secondary', action: { id: 'snooze-menu', value: '' } },
      { label: 'Skip today', style: 'secondary', action: { id: 'skip-today', value: '' } },
      CHANGE_REMINDER_BUTTON,
    ],
  };
}
