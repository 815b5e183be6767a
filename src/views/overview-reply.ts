import type { LearningPath } from '../curriculum/learning-path.js';
import type { LearnerRecord } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { formatLocal } from '../reminders/zoned-time.js';
import { progressOf } from '../progress/path-progress.js';
import { nextPart, upNextParagraphs } from './next-part.js';
import { paragraphs } from './paragraphs.js';
import { pathMeasure } from './path-measure.js';

/**
 * One card with progress, the next resource and the reminder setting (Slack's App Home); `nextReminderAt` is
 * the reminder that will really come (`comingDailyReminder`), not the one filed.
 */
export function overviewReply(
  path: LearningPath,
  record: LearnerRecord | undefined,
  nextReminderAt: number | undefined,
): Reply {
  const state = record?.paths[path.command];
  const progress = progressOf(path, state);
  const part = nextPart(path, progress, state);
  const reminder = state?.reminder;
  const reminderText =
    reminder && nextReminderAt !== undefined
      ? `Daily at ${reminder.time} ${reminder.zone} (next: ${formatLocal(reminder.zone, nextReminderAt)})${reminder.paused ? ', paused' : ''}`
      : `Off — \`/${path.command} remind 09:00 Europe/Berlin\` turns it on`;
  return {
    visibility: 'private',
    tone: 'info',
    title: `${path.title}: ${progress.doneMinutes} of ${path.totalMinutes} min done`,
    text: paragraphs(...upNextParagraphs(part)),
    progress: [pathMeasure(path, progress, 'Whole path')],
    fields: [{ name: 'Daily reminder', value: reminderText }],
    buttons: part.buttons,
  };
}
