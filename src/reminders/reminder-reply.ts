import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { placeOf, progressOf } from '../progress/path-progress.js';

/** A reminder: the next resource with duration and focus, the streak, and Done / Snooze 1 hour / Skip today. */
export function reminderReply(path: LearningPath, state: PathState | undefined, streak: number, pausing: boolean): Reply | undefined {
  const progress = progressOf(path, state);
  const resource = progress.current;
  if (!resource) return undefined;
  const lines = [
    `Your next resource: **${resource.title}** — ${resource.type}, ${resource.minutes} min (${placeOf(path, resource)})`,
    `_${resource.focus}_`,
    resource.url ? `[Open the ${resource.type.toLowerCase()}](${resource.url})` : undefined,
    streak > 0 ? `Streak: **${streak} day${streak === 1 ? '' : 's'}** 🔥 — keep it going!` : `${progress.leftMinutes} min left in the path.`,
  ];
  if (pausing) lines.push('', `That's several reminders without a reply, so I'll pause them here. Use any \`/${path.command}\` command or press a button to resume.`);
  return {
    visibility: 'private',
    tone: 'info',
    title: `⏰ Time for ${path.title}`,
    url: resource.url,
    text: lines.filter((line) => line !== undefined).join('\n'),
    buttons: [
      { label: 'Done', style: 'success', action: { id: 'done', value: resource.id } },
      { label: 'Snooze 1 hour', style: 'secondary', action: { id: 'snooze', value: '' } },
      { label: 'Skip today', style: 'secondary', action: { id: 'skip-today', value: '' } },
    ],
  };
}
