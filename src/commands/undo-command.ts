import type { LearningPath } from '../curriculum/learning-path.js';
import type { HistoryEntry } from '../model/learner.js';
import { UserError } from '../model/user-error.js';
import { undoLastMark } from '../learners/marks.js';
import { outcomeReply } from '../views/outcome-reply.js';
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
    return outcomeReply(path, outcome.state, { title: undoneTitle(path, outcome.undone), tone: 'success', lines: [] });
  },
};

/** "Undone: WebRTC Basics is back to not started", or for a checklist line "Unticked: …". */
function undoneTitle(path: LearningPath, { item, previous }: HistoryEntry): string {
  const resource = path.resources.find((candidate) => candidate.id === item);
  if (!resource) {
    // Checklist lines are only ever ticked, so undoing one unticks it.
    return `Unticked: ${path.checklist.find((entry) => entry.id === item)?.text ?? item}`;
  }
  const was = previous ? (previous.status === 'done' ? 'done' : 'skipped') : 'not started';
  return `Undone: ${resource.title} is back to ${was}`;
}
