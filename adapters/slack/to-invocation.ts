import type { SlashCommand } from '@slack/bolt';
import type { InvocationEnricher } from '../../src/commands/read-command-line.js';
import type { ChannelRef, UserRef } from '../../src/model/invocation.js';
import type { ProfileLookup } from './slack-profiles.js';

/**
 * What Slack adds once the core has read the command line (read-command-line.ts): whether the user is an admin,
 * their time zone and the name the workspace shows, from their profile (users.info, cached by slack-profiles.ts).
 */
export function fromProfile(profiles: ProfileLookup): InvocationEnricher {
  return async (invocation) => {
    const { user } = invocation;
    // Always asked (cached a few minutes): leaderboards show the profile's display name, not the slash command's
    // `user_name`, which stays only when the lookup fails.
    const profile = await profiles(user);
    const timeZone = profile.timeZone ?? user.timeZone;
    const displayName = profile.displayName ?? user.displayName;
    return {
      ...invocation,
      isAdmin: profile.isAdmin,
      user: { ...user, ...(timeZone ? { timeZone } : {}), ...(displayName ? { displayName } : {}) },
    };
  };
}

export function commandUser(command: SlashCommand): UserRef {
  return { platform: 'slack', workspace: command.team_id, id: command.user_id, displayName: command.user_name };
}

/** DMs never join a leaderboard; Slack names a DM "directmessage" and gives DM ids a "D" prefix. */
export function commandChannel(command: SlashCommand): ChannelRef {
  return {
    id: command.channel_id,
    isDirect: command.channel_name === 'directmessage' || command.channel_id.startsWith('D'),
  };
}
