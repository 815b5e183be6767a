import { markItem } from '../commands/mark-item.js';
import { remindCommand } from '../commands/remind-command.js';
import type { CommandContext } from '../commands/command-context.js';
import { forgetLearner } from '../learners/forget-learner.js';
import type { Reply } from '../model/reply.js';
import { skipToday, snoozeMenu, snoozeReminder } from '../reminders/reminder-actions.js';
import { SNOOZE_ACTIONS } from '../reminders/snooze-choices.js';
import { nextReply } from '../views/next-reply.js';
import { handledCard } from '../views/handled-card.js';
import { buttonResource } from './button-resource.js';

/** What a press brings: the answer, and what the message it was on becomes (absent: it stays as it was). */
export interface ActionAnswer {
  reply: Reply;
  pressedCard?: Reply;
  /** The answer takes the pressed message's place (the snooze menu replaces the reminder). */
  inPlace?: boolean;
}

type Action = (context: CommandContext, value: string) => Promise<ActionAnswer>;

/**
 * What each button does; the value names the resource the button was made for (see button-resource.ts).
 * A Map, so an action id that came back from a button, such as `constructor`, is only ever one of these.
 * Every action but Next settles the message it was on: the card says what happened and loses its buttons.
 */
const ACTIONS: ReadonlyMap<string, Action> = new Map<string, Action>([
  ['done', (context, value) => mark(context, 'done', value)],
  ['skip', (context, value) => mark(context, 'skipped', value)],
  ['next', async ({ path, learner }) => ({ reply: nextReply(path, learner.state(path)) })],
  [
    'forget-confirm',
    async (context) => {
      const { store, learner, path } = context;
      await forgetLearner(store, learner.key);
      return {
        reply: {
          visibility: 'private',
          tone: 'success',
          text: `Done: everything I stored about you is deleted. If you come back, \`/${path.command} next\` starts afresh.`,
        },
        pressedCard: handledCard(context, { icon: '🗑️', what: 'Deleted everything' }),
      };
    },
  ],
  [
    'forget-cancel',
    async (context) => ({
      reply: { visibility: 'private', tone: 'info', text: 'Nothing was deleted.' },
      pressedCard: handledCard(context, { icon: '👍', what: 'Kept your data' }),
    }),
  ],
  // The menu takes the reminder's place; the choice then settles the menu.
  ['snooze-menu', async (context) => ({ reply: snoozeMenu(context), inPlace: true })],
  ...[...SNOOZE_ACTIONS].map(([id, choice]): [string, Action] => [
    id,
    async (context) => settled(context, await snoozeReminder(context, choice), { icon: '😴', what: 'Snoozed' }),
  ]),
  ['skip-today', async (context) => settled(context, await skipToday(context), { icon: '⏭️', what: 'Skipped today' })],
  // "Change reminder" opens the settings form where the platform has forms; elsewhere (the console) it shows the
  // reminder with how to change it, as `remind` does. The reminder it was on stays as it was.
  [
    'settings',
    async (context) => ({
      reply: await remindCommand.run(context, {
        path: context.path.command,
        command: 'remind',
        args: {},
        user: context.learner.user,
        channel: context.learner.channel,
      }),
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

export function runAction(context: CommandContext, actionId: string, value: string): Promise<ActionAnswer> {
  const action = ACTIONS.get(actionId);
  if (!action) throw new Error(`unknown action ${actionId}: check isKnownAction first`);
  return action(context, value);
}

/** Done or Skip: a resource marked so already changes nothing, and its message stays as it is. */
async function mark(context: CommandContext, status: 'done' | 'skipped', value: string): Promise<ActionAnswer> {
  const resource = buttonResource(context.path, value);
  const before = resource && context.learner.state(context.path)?.marks[resource]?.status;
  const reply = await markItem(context, status, resource);
  if (before === status) return { reply };
  const title = context.path.resources.find((candidate) => candidate.id === resource)?.title;
  return {
    reply,
    pressedCard: handledCard(context, {
      icon: status === 'done' ? '✅' : '⏭️',
      what: status === 'done' ? 'Done' : 'Skipped',
      ...(title ? { title } : {}),
    }),
  };
}

function settled(context: CommandContext, reply: Reply, what: { icon: string; what: string }): ActionAnswer {
  return { reply, pressedCard: handledCard(context, what) };
}
