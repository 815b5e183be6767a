import { progressOf } from '../progress/path-progress.js';
import type { Command } from './command.js';

export const pathCommand: Command = {
  name: 'path',
  description: 'The whole learning path with your marks',
  usage: 'path',
  options: [],
  async run({ path, learner }) {
    const progress = progressOf(path, learner.state(path));
    const fields = path.phases.map((phase) => {
      const locked = phase.requires.filter((id) => !progress.completedPhases.has(id));
      const needs = locked.map((id) => path.phases.find((candidate) => candidate.id === id)?.number).map((number) => `Phase ${number}`);
      const lines = phase.resources.map((resource) => {
        const mark = progress.done.has(resource.id) ? '✅' : progress.skipped.has(resource.id) ? '⏭️' : progress.current?.id === resource.id ? '👉' : '⬜';
        const title = resource.url ? `[${resource.title}](${resource.url})` : resource.title;
        return `${mark} ${phase.number}.${resource.position} ${title} — ${resource.type}, ${resource.minutes} min (\`${resource.id}\`)`;
      });
      const lock = needs.length > 0 ? ` 🔒 needs ${needs.join(', ')}` : '';
      return { name: `Phase ${phase.number}: ${phase.title}${lock}`, value: lines.join('\n') };
    });
    const about = [path.overview, path.prerequisites ? `**Prerequisites:** ${path.prerequisites}` : '', path.notes ? `**Notes:** ${path.notes}` : ''];
    return {
      visibility: 'private',
      tone: 'info',
      title: `The ${path.title} path — ${path.resources.length} resources, ${path.totalMinutes} min`,
      text: about.filter(Boolean).join('\n\n'),
      fields,
      footer: '✅ done · ⏭️ skipped · 👉 next · ⬜ to do',
    };
  },
};
