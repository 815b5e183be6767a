import type { BlockAction, ButtonAction } from '@slack/bolt';
import { decodeAction } from '../../src/model/action-id.js';
import type { ActionPress, ChannelRef, UserRef } from '../../src/model/invocation.js';

/** A press from the Home tab has no channel; it counts as a direct conversation (never a leaderboard). */
const HOME_CHANNEL: ChannelRef = { id: 'app-home', isDirect: true };

/**
 * A pressed button -> the core's ActionPress; undefined for buttons this bot did not make.
 * The core itself answers "this one isn't yours" when the presser is not the owner.
 */
export function toActionPress(body: BlockAction, action: ButtonAction): ActionPress | undefined {
  const decoded = decodeAction(action.action_id);
  return decoded ? { ...decoded, user: pressUser(body), channel: pressChannel(body) } : undefined;
}

/** No name: a press carries only the username, and the learner keeps the profile's display name a command saved. */
export function pressUser(body: BlockAction): UserRef {
  const workspace = body.team?.id ?? body.user.team_id ?? '';
  return { platform: 'slack', workspace, id: body.user.id };
}

export function isHomePress(body: BlockAction): boolean {
  return body.container?.type === 'view' || body.view?.type === 'home';
}

function pressChannel(body: BlockAction): ChannelRef {
  if (isHomePress(body)) return HOME_CHANNEL;
  const id = body.channel?.id ?? (body.container?.channel_id as string | undefined) ?? 'unknown';
  return { id, isDirect: id.startsWith('D') || body.channel?.name === 'directmessage' };
}
