import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import type { ReplyField } from '../model/reply.js';
import { isTicked } from '../progress/checklist.js';
import { progressOf, type PathProgress } from '../progress/path-progress.js';
import { extraLines } from '../views/extra-lines.js';
import { linkedTitle } from '../views/resource-lines.js';
import type { Command } from './command.js';

export const pathCommand: Command = {
  name: 'path',
  description: 'The whole learning path with your marks, the extras and videos',
  usage: 'path',
  options: [],
  async run({ path, learner }) {
    const state = learner.state(path);
    const progress = progressOf(path, state);
    const about = [
      path.overview,
      path.prerequisites ? `**Prerequisites:** ${path.prerequisites}` : '',
      path.notes ? `**Notes:** ${path.notes}` : '',
    ];
    return {
      visibility: 'private',
      tone: 'info',
      title: `The ${path.title} path — ${path.resources.length} resources, ${path.totalMinutes} min`,
      text: about.filter(Boolean).join('\n\n'),
      fields: [...phaseFields(path, progress), ...extraFields(path, progress, state)],
      footer: '✅ done · ⏭️ skipped · 👉 next · ⬜ to do',
    };
  },
};

function phaseFields(path: LearningPath, progress: PathProgress): ReplyField[] {
  return path.phases.map((phase) => {
    const needs = phase.requires
      .filter((id) => !progress.completedPhases.has(id))
      .map((id) => `Phase ${path.phases.find((candidate) => candidate.id === id)?.number}`);
    const lines = phase.resources.map((resource) => {
      const mark = progress.done.has(resource.id)
        ? '✅'
        : progress.skipped.has(resource.id)
          ? '⏭️'
          : progress.current?.id === resource.id
            ? '👉'
            : '⬜';
      return `${mark} ${phase.number}.${resource.position} ${linkedTitle(resource)} — ${resource.type} · ${resource.minutes} min (\`${resource.id}\`)`;
    });
    const lock = needs.length > 0 ? ` 🔒 opens after ${needs.join(' and ')}` : '';
    return { name: `Phase ${phase.number}: ${phase.title}${lock}`, value: lines.join('\n') };
  });
}

/** The extras and videos are open at any time, and so is the checklist line that says they were reviewed. */
function extraFields(path: LearningPath, progress: PathProgress, state: PathState | undefined): ReplyField[] {
  const fields: ReplyField[] = [];
  if (path.extras.length > 0) fields.push({ name: 'Additional resources', value: extraLines(path.extras).join('\n') });
  if (path.videos.length > 0) fields.push({ name: 'Supplementary videos', value: extraLines(path.videos).join('\n') });
  const byHand = path.checklist.filter((item) => !item.phaseId);
  if (byHand.length > 0) {
    const lines = byHand.map((item) =>
      isTicked(item, progress, state) ? `☑ ${item.text}` : `☐ ${item.text} — \`/${path.command} done ${item.id}\``,
    );
    fields.push({ name: 'On your checklist', value: lines.join('\n') });
  }
  return fields;
}
