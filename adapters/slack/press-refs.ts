import type { BlockAction } from '@slack/bolt';
import type { ChannelRef, UserRef } from '../../src/model/invocation.js';

/** A press from the Home tab has no channel; it counts as a direct conversation (never a leaderboard). */
const HOME_CHANNEL: ChannelRef = { id: 'app-home', isDirect: true };

/** No name: a press carries only the username, and the learner keeps the profile's display name a command saved. */
export function pressUser(body: BlockAction): UserRef {
  const workspace = body.team?.id ?? body.user.team_id ?? '';
  return { platform: 'slack', workspace, id: body.user.id };
}

export function isHomePress(body: BlockAction): boolean {
  return body.container?.type === 'view' || body.view?.type === 'home';
}

export function pressChannel(body: BlockAction): ChannelRef {
  if (isHomePress(body)) return HOME_CHANNEL;
  const id = body.channel?.id ?? (body.container?.channel_id as string | undefined) ?? 'unknown';
  return { id, isDirect: id.startsWith('D') || body.channel?.name === 'directmessage' };
}
