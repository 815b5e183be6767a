import { isTicked } from '../progress/checklist.js';
import { progressOf } from '../progress/path-progress.js';
import { streakOf } from '../progress/streak.js';
import { CHANGE_REMINDER_BUTTON } from '../views/change-reminder-button.js';
import { pathMeasure } from '../views/path-measure.js';
import { phaseMeasures } from '../views/phase-measures.js';
import { planStatusLines } from '../views/plan-status.js';
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
      const items = phase.resources.map(
        (resource) =>
          `${progress.done.has(resource.id) ? '✅' : progress.skipped.has(resource.id) ? '⏭️' : '⬜'} ${resource.title} (${resource.minutes} min)`,
      );
      return { name: `Phase ${phase.number}: ${phase.title}`, value: items.join('\n') };
    });
    const checklist = path.checklist.map((item) => {
      const ticked = isTicked(item, progress, state);
      const how = ticked || item.phaseId ? '' : ` — \`/${path.command} done ${item.id}\``;
      return `${ticked ? '☑' : '☐'} ${item.text}${how}`;
    });
    return {
      visibility: 'private',
      tone: 'info',
      title: `Your ${path.title} progress`,
      text: [
        `${progress.finished ? 'Every resource done.' : `**${progress.leftMinutes} min** to go.`} Streak: **${streak} day${streak === 1 ? '' : 's'}**${streak > 0 ? ' 🔥' : ''}.`,
        ...planStatusLines(path, state, learner.zone(), clock.now()),
      ].join('\n'),
      progress: [pathMeasure(path, progress, 'Whole path'), ...phaseMeasures(path, progress)],
      fields: [
        ...phaseLines,
        ...(checklist.length > 0 ? [{ name: 'Completion checklist', value: checklist.join('\n') }] : []),
      ],
      buttons: [CHANGE_REMINDER_BUTTON],
    };
  },
};
