import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { progressOf } from '../progress/path-progress.js';
import { paragraphs } from '../views/paragraphs.js';
import { pathMeasure } from '../views/path-measure.js';
import { resourceLines } from '../views/resource-lines.js';

/**
 * A reminder: titled by the resource (so a notification preview names it) and linked once there,
 * the same detail lines and measure as `next`, the streak, and Done / Snooze 1 hour / Skip today.
 */
export function reminderReply(
  path: LearningPath,
  state: PathState | undefined,
  streak: number,
  pausing: boolean,
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
    text: paragraphs([...resourceLines(path, resource), ...streakLine], pauseNotice),
    progress: [pathMeasure(path, progress)],
    buttons: [
      { label: 'Done', style: 'success', action: { id: 'done', value: resource.id } },
      { label: 'Snooze 1 hour', style: 'secondary', action: { id: 'snooze', value: '' } },
      { label: 'Skip today', style: 'secondary', action: { id: 'skip-today', value: '' } },
    ],
  };
}
