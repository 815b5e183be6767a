import { UserError } from '../model/user-error.js';
import { undoLastMark } from '../learners/marks.js';
import { nextReply } from '../views/next-reply.js';
import type { Command } from './command.js';

export const undoCommand: Command = {
  name: 'undo',
  description: 'Revert your last done or skip',
  usage: 'undo',
  options: [],
  async run({ path, learner }) {
    const outcome = await learner.change(path, (draft) => {
      const state = draft.paths[path.command];
      const undone = state ? undoLastMark(state) : undefined;
      if (!state || !undone) throw new UserError('nothing-to-undo', 'There is nothing to undo yet.');
      return { undone, state };
    });
    const { item, previous } = outcome.undone;
    const title = path.resources.find((resource) => resource.id === item)?.title ?? path.checklist.find((entry) => entry.id === item)?.text ?? item;
    const was = previous ? `back to ${previous.status}` : 'back to not started';
    return nextReply(path, outcome.state, `↩️ **${title}** is ${was}.`);
  },
};
