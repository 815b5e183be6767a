import type { Command } from './command.js';
import { markItem } from './mark-item.js';

export const skipCommand: Command = {
  name: 'skip',
  description: 'Skip your current resource (or the one you name) for now',
  usage: 'skip [resource]',
  options: [
    {
      name: 'resource',
      description: 'Which resource (default: your current one)',
      kind: 'resource',
      required: false,
      autocomplete: true,
    },
  ],
  run: (context, invocation) => markItem(context, 'skipped', invocation.args.resource),
};
