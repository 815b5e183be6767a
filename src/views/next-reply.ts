import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { progressOf } from '../progress/path-progress.js';
import { resourceCard } from './resource-card.js';

/** What `next` shows: the next resource, why a phase is locked, or the finish line. */
export function nextReply(path: LearningPath, state: PathState | undefined, lead?: string): Reply {
  const progress = progressOf(path, state);
  if (progress.finished) return finishedReply(path, progress.skipped.size, lead);
  const resource = progress.current!;
  if (!progress.blocked) return resourceCard(path, resource, progress, lead);
  const { phase, missing, open } = progress.blocked;
  const needs = missing.map((required) => `Phase ${required.number} (${required.title})`).join(' and ');
  const card = resourceCard(path, resource, progress, lead);
  card.tone = 'warning';
  card.title = `Phase ${phase.number} (${phase.title}) is locked`;
  card.text = [
    lead,
    `Phase ${phase.number} needs ${needs} complete first. Still open there: ${open.map((item) => `**${item.title}**`).join(', ')}.`,
    `Start with **${resource.title}** — ${resource.type}, ${resource.minutes} min: _${resource.focus}_`,
    resource.url ? `[Open the ${resource.type.toLowerCase()}](${resource.url})` : undefined,
  ].filter(Boolean).join('\n');
  return card;
}

function finishedReply(path: LearningPath, skippedCount: number, lead?: string): Reply {
  const extras = path.extras.map((item) => (item.url ? `- [${item.title}](${item.url})` : `- ${item.title}`));
  const videos = path.videos.map((item) => (item.url ? `- [${item.title}](${item.url})` : `- ${item.title}${item.detail ? ` (${item.detail})` : ''}`));
  const manual = path.checklist.filter((item) => !item.phaseId);
  const headline = skippedCount === 0
    ? `🎉 You finished every resource of the ${path.title} path — ${path.totalMinutes} minutes of study!`
    : `You've been through the whole ${path.title} path. ${skippedCount} skipped resource${skippedCount === 1 ? ' is' : 's are'} still open: \`/${path.command} path\` shows them, \`/${path.command} done <resource>\` marks one.`;
  const text = [lead, headline];
  if (extras.length > 0) text.push('', '**Keep going with the additional resources:**', ...extras);
  if (videos.length > 0) text.push('', '**Supplementary videos:**', ...videos);
  if (manual.length > 0) text.push('', `Then tick the completion checklist: ${manual.map((item) => `\`/${path.command} done ${item.id}\``).join(', ')}. \`/${path.command} progress\` shows it.`);
  return { visibility: 'private', tone: 'success', title: skippedCount === 0 ? 'Path complete' : 'Almost there', text: text.filter((line) => line !== undefined).join('\n') };
}
