import type { LearningPath, Resource } from '../curriculum/learning-path.js';
import type { Reply } from '../model/reply.js';
import type { PathProgress } from '../progress/path-progress.js';
import { placeOf } from '../progress/path-progress.js';

/** "your next resource is …": title, type, duration, focus, link, place, minutes left; Done and Skip. */
export function resourceCard(path: LearningPath, resource: Resource, progress: PathProgress, lead?: string): Reply {
  const lines = [lead, `**${resource.title}** — ${resource.type}, ${resource.minutes} min`, `_${resource.focus}_`];
  if (resource.url) lines.push(`[Open the ${resource.type.toLowerCase()}](${resource.url})`);
  if (resource.nextStep) lines.push(`Afterwards: ${resource.nextStep}`);
  return {
    visibility: 'private',
    tone: 'info',
    title: `Your next ${path.title} resource`,
    url: resource.url,
    text: lines.filter((line): line is string => Boolean(line)).join('\n'),
    fields: [
      { name: 'Where', value: placeOf(path, resource), inline: true },
      { name: 'Duration', value: `${resource.minutes} min`, inline: true },
      { name: 'Left in the path', value: `${progress.leftMinutes} of ${path.totalMinutes} min`, inline: true },
    ],
    progress: [{ label: 'Path', done: progress.done.size, total: path.resources.length, detail: `${progress.done.size} of ${path.resources.length} done` }],
    buttons: [
      { label: 'Done', style: 'success', action: { id: 'done', value: resource.id } },
      { label: 'Skip', style: 'secondary', action: { id: 'skip', value: resource.id } },
    ],
  };
}
