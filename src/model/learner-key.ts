import type { ChannelRef, UserRef } from './invocation.js';

/** The store key of a learner: one record per person per workspace, holding every path. */
export function learnerKey(user: Pick<UserRef, 'platform' | 'workspace' | 'id'>): string {
  return [user.platform, user.workspace, user.id].map(encodeURIComponent).join(':');
}

/** Parses a learner key back into its parts (for reminder jobs that start from the index). */
export function parseLearnerKey(key: string): Pick<UserRef, 'platform' | 'workspace' | 'id'> | undefined {
  const parts = key.split(':');
  if (parts.length !== 3) return undefined;
  const [platform, workspace, id] = parts.map(decodeURIComponent) as [string, string, string];
  if (platform !== 'discord' && platform !== 'slack' && platform !== 'console') return undefined;
  return { platform, workspace, id };
}

/** The leaderboard a channel keeps for one path. */
export function channelBoardKey(
  user: Pick<UserRef, 'platform' | 'workspace'>,
  channel: ChannelRef,
  path: string,
): string {
  return [user.platform, user.workspace, channel.id, path].map(encodeURIComponent).join(':');
}
