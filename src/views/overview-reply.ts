import type { LearningPath } from '../curriculum/learning-path.js';
import type { LearnerRecord } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { formatLocal } from '../reminders/zoned-time.js';
import { progressOf } from '../progress/path-progress.js';
import { nextReply } from './next-reply.js';

/** One card with progress, the next resource and the reminder setting (Slack's App Home). */
export function overviewReply(path: LearningPath, record: LearnerRecord | undefined): Reply {
  const state = record?.paths[path.command];
  const progress = progressOf(path, state);
  const next = nextReply(path, state);
  const reminder = state?.reminder;
  const reminderText = reminder?.enabled && reminder.nextAt !== null
    ? `Daily at ${reminder.time} ${reminder.zone} (next: ${formatLocal(reminder.zone, reminder.nextAt)})${reminder.paused ? ', paused' : ''}`
    : `Off — \`/${path.command} remind 09:00 Europe/Berlin\` turns it on`;
  return {
    ...next,
    title: `${path.title}: ${progress.done.size} of ${path.resources.length} resources done`,
    progress: [{ label: 'Whole path', done: progress.doneMinutes, total: path.totalMinutes, detail: `${progress.doneMinutes} of ${path.totalMinutes} min` }],
    fields: [...(next.fields ?? []), { name: 'Daily reminder', value: reminderText }],
  };
}
