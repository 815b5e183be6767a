import { markItem } from '../commands/mark-item.js';
import { remindCommand } from '../commands/remind-command.js';
import type { CommandContext } from '../commands/command-context.js';
import { forgetLearner } from '../learners/forget-learner.js';
import type { Reply } from '../model/reply.js';
import { skipToday, snoozeMenu, snoozeReminder } from '../reminders/reminder-actions.js';
import { SNOOZE_ACTIONS } from '../reminders/snooze-choices.js';
import { nextReply } from '../views/next-reply.js';
import { buttonResource } from './button-resource.js';

type Action = (context: CommandContext, value: string) => Promise<Reply>;

/**
 * What each button does; the value names the resource the button was made for (see button-resource.ts).
 * A Map, so an action id that came back from a button, such as `constructor`, is only ever one of these.
 */
const ACTIONS: ReadonlyMap<string, Action> = new Map<string, Action>([
  ['done', (context, value) => markItem(context, 'done', buttonResource(context.path, value))],
  ['skip', (context, value) => markItem(context, 'skipped', buttonResource(context.path, value))],
  ['next', async ({ path, learner }) => nextReply(path, learner.state(path))],
  [
    'forget-confirm',
    async ({ store, learner, path }) => {
      await forgetLearner(store, learner.key);
      return {
        visibility: 'private',
        tone: 'success',
        text: `Done: everything I stored about you is deleted. If you come back, \`/${path.command} next\` starts afresh.`,
      };
    },
  ],
  ['forget-cancel', async () => ({ visibility: 'private', tone: 'info', text: 'Nothing was deleted.' })],
  ['snooze-menu', async (context) => snoozeMenu(context)],
  ...[...SNOOZE_ACTIONS].map(([id, choice]): [string, Action] => [id, (context) => snoozeReminder(context, choice)]),
  ['skip-today', (context) => skipToday(context)],
  // "Change reminder" opens the settings form where the platform has forms; elsewhere (the console) it shows the
  // reminder with how to change it, as `remind` does.
  [
    'settings',
    (context) =>
      remindCommand.run(context, {
        path: context.path.command,
        command: 'remind',
        args: {},
        user: context.learner.user,
        channel: context.learner.channel,
      }),
  ],
]);

export function isKnownAction(actionId: string): boolean {
  return ACTIONS.has(actionId);
}

/** Every action a button can carry, for tests that build each kind. */
export function knownActions(): string[] {
  return [...ACTIONS.keys()];
}

export function runAction(context: CommandContext, actionId: string, value: string): Promise<Reply> {
  const action = ACTIONS.get(actionId);
  if (!action) throw new Error(`unknown action ${actionId}: check isKnownAction first`);
  return action(context, value);
}
