import type { PathCommandSpec } from '../commands/command.js';
import { decodeAction } from '../model/action-id.js';
import { NO_WORKSPACE, parseOwnerToken } from '../model/button-owner.js';
import type { ActionPress, ButtonPress } from '../model/invocation.js';

/**
 * A platform's press -> the core's ActionPress; undefined for an id no version of this bot made, or one for a
 * path it no longer has. A Discord DM press comes with no guild: it acts for the guild learner the button
 * names (see button-owner.ts). Everywhere else the platform's own workspace counts, never the button's.
 */
export function decodePress(press: ButtonPress, paths: readonly PathCommandSpec[]): ActionPress | undefined {
  const action = decodeAction(press.buttonId);
  if (!action || !paths.some((path) => path.name === action.path)) return undefined;
  const owner = parseOwnerToken(action.ownerId);
  const user = { ...press.user };
  if (owner.workspace && user.platform === 'discord' && user.workspace === NO_WORKSPACE)
    user.workspace = owner.workspace;
  return {
    path: action.path,
    actionId: action.actionId,
    value: action.value,
    ownerId: owner.userId,
    user,
    channel: press.channel,
    ...(press.messageId ? { messageId: press.messageId } : {}),
  };
}
