import type { BlockAction, ButtonAction } from '@slack/bolt';
import { errorReply, type Bot } from '../../src/bot.js';
import { decodeAction } from '../../src/model/action-id.js';
import type { ActionPress, ChannelRef, UserRef } from '../../src/model/invocation.js';
import type { Reply } from '../../src/model/reply.js';
import { UserError } from '../../src/model/user-error.js';
import type { Logger } from '../../src/ports/logger.js';
import { APOLOGY } from './answer-slash-command.js';

export interface ButtonAnswerDeps {
  bot: Pick<Bot, 'handleAction'>;
  logger: Logger;
}

/** A press from the Home tab has no channel; it counts as a direct conversation (never a leaderboard). */
const HOME_CHANNEL: ChannelRef = { id: 'app-home', isDirect: true };

/**
 * A pressed button -> the core's ActionPress -> its reply. Buttons this bot did not make give undefined.
 * The core itself answers "this one isn't yours" when the presser is not the owner.
 */
export async function answerButtonPress(
  deps: ButtonAnswerDeps,
  body: BlockAction,
  action: ButtonAction,
): Promise<{ reply: Reply; press: ActionPress } | undefined> {
  const decoded = decodeAction(action.action_id);
  if (!decoded) {
    deps.logger.debug('ignored a Slack button this bot did not make', { actionId: action.action_id });
    return undefined;
  }
  const press: ActionPress = { ...decoded, user: pressUser(body), channel: pressChannel(body) };
  try {
    return { reply: await deps.bot.handleAction(press), press };
  } catch (error) {
    if (error instanceof UserError) return { reply: errorReply(error), press };
    deps.logger.error('Slack button press failed', {
      path: press.path,
      action: press.actionId,
      workspace: press.user.workspace,
      user: press.user.id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return { reply: APOLOGY, press };
  }
}

export function pressUser(body: BlockAction): UserRef {
  const workspace = body.team?.id ?? body.user.team_id ?? '';
  const name = body.user.username || body.user.name;
  return { platform: 'slack', workspace, id: body.user.id, ...(name ? { displayName: name } : {}) };
}

export function isHomePress(body: BlockAction): boolean {
  return body.container?.type === 'view' || body.view?.type === 'home';
}

function pressChannel(body: BlockAction): ChannelRef {
  if (isHomePress(body)) return HOME_CHANNEL;
  const id = body.channel?.id ?? (body.container?.channel_id as string | undefined) ?? 'unknown';
  return { id, isDirect: id.startsWith('D') || body.channel?.name === 'directmessage' };
}
