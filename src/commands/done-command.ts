import type { Command } from './command.js';
import { markItem } from './mark-item.js';

export const doneCommand: Command = {
  name: 'done',
  description: 'Mark your current resource (or the one you name) as done',
  usage: 'done [resource]',
  options: [
    {
      name: 'resource',
      description: 'Which resource (default: your current one)',
      kind: 'resource',
      required: false,
      autocomplete: true,
    },
  ],
  run: (context, invocation) => markItem(context, 'done', invocation.args.resource),
};
