import type { Reply } from '../model/reply.js';
import { changePause } from '../learners/change-pause.js';
import { endPause } from '../learners/pauses.js';
import { afterPauseLines } from '../views/after-pause-lines.js';
import type { Command } from './command.js';
import type { CommandContext } from './command-context.js';

export const resumeCommand: Command = {
  name: 'resume',
  description: 'End a pause early: reminders come again from today',
  usage: 'resume',
  options: [],
  run: (context) => resumeFromPause(context),
};

/** `resume` (and `pause off`): the days already paused stay paused, the rest of the pause goes. */
export async function resumeFromPause(context: CommandContext): Promise<Reply> {
  const { path } = context;
  const { value: ended, state } = await changePause(context, (draft, today) => endPause(draft, today));
  if (!ended)
    return {
      visibility: 'private',
      tone: 'info',
      text: `You're not paused. \`/${path.command} pause 1w\` takes a week off.`,
    };
  return {
    visibility: 'private',
    tone: 'success',
    title: 'Welcome back!',
    text: ['Your pause is over.', ...afterPauseLines(context, state)].join('\n'),
  };
}
