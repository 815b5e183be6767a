import type { LearningPath } from '../curriculum/learning-path.js';
import type { LearnerRecord } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { describeDays } from '../reminders/parse-days.js';
import { calendarOf } from '../reminders/study-calendar.js';
import { progressOf } from '../progress/path-progress.js';
import { nextPart, upNextParagraphs } from './next-part.js';
import { paragraphs } from './paragraphs.js';
import { CHANGE_REMINDER_BUTTON } from './change-reminder-button.js';
import { pathMeasure } from './path-measure.js';
import { phaseMeasures } from './phase-measures.js';
import { planStatusLines } from './plan-status.js';
import { shownInstant } from './shown-time.js';

/**
 * One card with progress (the path's and each phase's), the next resource with its buttons, the reminder setting
 * and a button to change it (Slack's App Home); `nextReminderAt` is
 * the reminder that will really come (`comingDailyReminder`), not the one filed.
 */
export function overviewReply(
  path: LearningPath,
  record: LearnerRecord | undefined,
  nextReminderAt: number | undefined,
  now: number,
  defaultZone: string,
): Reply {
  const state = record?.paths[path.command];
  const progress = progressOf(path, state);
  const part = nextPart(path, progress, state);
  const reminder = state?.reminder;
  const days = describeDays(calendarOf(state).days);
  const reminderText =
    reminder && nextReminderAt !== undefined
      ? `${days === 'every day' ? 'Daily' : days} at ${reminder.time} ${reminder.zone} (next: ${shownInstant(reminder.zone, nextReminderAt, { now, withZone: false })})${reminder.paused ? ', paused' : ''}`
      : `Off — \`/${path.command} remind 09:00 Europe/Berlin\` turns it on`;
  const plan = planStatusLines(path, state, record?.zone ?? defaultZone, now);
  return {
    visibility: 'private',
    tone: 'info',
    title: `${path.title}: ${progress.doneMinutes} of ${path.totalMinutes} min done`,
    text: paragraphs(...upNextParagraphs(part)),
    progress: [pathMeasure(path, progress, 'Whole path'), ...phaseMeasures(path, progress)],
    fields: [
      { name: 'Reminder', value: reminderText },
      ...(plan.length > 0 ? [{ name: 'Plan', value: plan.join('\n') }] : []),
    ],
    buttons: [...(part.buttons ?? []), CHANGE_REMINDER_BUTTON],
  };
}
