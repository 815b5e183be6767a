import { snoozeMenu, snoozeReminder } from '../reminders/reminder-actions.js';
import { parseSnoozeChoice } from '../reminders/snooze-choices.js';
import type { Command } from './command.js';

export const snoozeCommand: Command = {
  name: 'snooze',
  description: 'One more reminder later: in 1 hour, 3 hours, this evening or tomorrow',
  usage: 'snooze [1 hour | 3 hours | this evening | tomorrow]',
  options: [
    {
      name: 'until',
      description: '1 hour, 3 hours, this evening or tomorrow (default: choose from buttons)',
      kind: 'snooze',
      required: false,
      autocomplete: true,
    },
  ],
  async run(context, invocation) {
    const text = invocation.args.until;
    return text ? snoozeReminder(context, parseSnoozeChoice(text, context.path.command)) : snoozeMenu(context);
  },
};
