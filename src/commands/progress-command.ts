import { progressOf } from '../progress/path-progress.js';
import { streakOf } from '../progress/streak.js';
import type { Command } from './command.js';

export const progressCommand: Command = {
  name: 'progress',
  description: 'Your progress: phases, minutes, streak and the completion checklist',
  usage: 'progress',
  options: [],
  async run({ path, learner, clock }) {
    const state = learner.state(path);
    const progress = progressOf(path, state);
    const streak = streakOf(path, state, learner.zone(), clock.now());
    const phaseLines = path.phases.map((phase) => {
      const items = phase.resources.map((resource) => `${progress.done.has(resource.id) ? '✅' : progress.skipped.has(resource.id) ? '⏭️' : '⬜'} ${resource.title} (${resource.minutes} min)`);
      return { name: `Phase ${phase.number}: ${phase.title}`, value: items.join('\n') };
    });
    const checklist = path.checklist.map((item) => {
      const ticked = item.phaseId ? progress.completedPhases.has(item.phaseId) : state?.marks[item.id]?.status === 'done';
      return `${ticked ? '☑' : '☐'} ${item.text}`;
    });
    return {
      visibility: 'private',
      tone: 'info',
      title: `Your ${path.title} progress`,
      text: `**${progress.doneMinutes} of ${path.totalMinutes} min** done, ${progress.leftMinutes} min left. Streak: **${streak} day${streak === 1 ? '' : 's'}**${streak > 0 ? ' 🔥' : ''}.`,
      progress: [
        { label: 'Whole path', done: progress.doneMinutes, total: path.totalMinutes, detail: `${progress.doneMinutes} of ${path.totalMinutes} min` },
        ...path.phases.map((phase) => {
          const done = phase.resources.filter((resource) => progress.done.has(resource.id)).length;
          return { label: `Phase ${phase.number}`, done, total: phase.resources.length, detail: `${done} of ${phase.resources.length}` };
        }),
      ],
      fields: [...phaseLines, { name: 'Completion checklist', value: checklist.join('\n') }],
    };
  },
};
