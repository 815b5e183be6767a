import type { ChannelRef, UserRef } from './invocation.js';

/**
 * The owner part of a button's id. Discord sends a press in a DM without a guild, yet a reminder DM acts for
 * the learner of one guild; so Discord buttons in a DM carry that guild as "<user id>@<guild id>". Slack and
 * the console say the workspace with every press, so there (and in guild channels) the owner is the plain id.
 */
const WORKSPACE_SEPARATOR = '@';
/** The workspace a Discord DM press comes with (see adapters/discord/discord-refs.ts): none. */
export const NO_WORKSPACE = 'dm';

export function ownerToken(
  user: Pick<UserRef, 'id' | 'workspace' | 'platform'>,
  channel: Pick<ChannelRef, 'isDirect'>,
): string {
  const named = user.platform === 'discord' && channel.isDirect && user.workspace !== NO_WORKSPACE;
  return named ? `${user.id}${WORKSPACE_SEPARATOR}${user.workspace}` : user.id;
}

export function parseOwnerToken(token: string): { userId: string; workspace?: string } {
  const [userId = '', workspace] = token.split(WORKSPACE_SEPARATOR);
  return workspace ? { userId, workspace } : { userId };
}
