import type { UserRef } from '../../src/model/invocation.js';

/**
 * The owner part of a button's custom id. Discord sends a press in a DM without a guild, yet a
 * reminder DM acts for the learner of one guild; so buttons in a DM carry that guild as
 * "<user id>@<guild id>". Elsewhere the owner is the plain user id.
 */
const WORKSPACE_SEPARATOR = '@';

export function ownerToken(user: Pick<UserRef, 'id' | 'workspace'>, inDirectMessage: boolean): string {
  return inDirectMessage && user.workspace !== 'dm' ? `${user.id}${WORKSPACE_SEPARATOR}${user.workspace}` : user.id;
}

export function parseOwnerToken(token: string): { userId: string; workspace?: string } {
  const [userId = '', workspace] = token.split(WORKSPACE_SEPARATOR);
  return workspace ? { userId, workspace } : { userId };
}
