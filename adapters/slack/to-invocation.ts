import type { SlashCommand } from '@slack/bolt';
import type { PathCommandSpec } from '../../src/commands/command.js';
import { parseCommandLine } from '../../src/commands/parse-command-line.js';
import type { ChannelRef, Invocation, UserRef } from '../../src/model/invocation.js';
import type { ProfileLookup } from './slack-profiles.js';

/**
 * A command line ("done webrtc-basics", typed after `/webrtc` or in the app's DM) -> the core's invocation,
 * with the parser every text platform shares. Bad input throws a UserError.
 */
export async function toInvocation(
  profiles: ProfileLookup,
  spec: PathCommandSpec,
  text: string,
  user: UserRef,
  channel: ChannelRef,
): Promise<Invocation> {
  const parsed = parseCommandLine(text, spec);
  const invocation: Invocation = { path: spec.name, command: parsed.command, args: parsed.args, user, channel };
  // users.info (cached a few minutes) tells the role, the zone and the name the workspace shows: leaderboards show
  // the profile's display name, not the slash command's `user_name`, which stays only when the lookup fails.
  const profile = await profiles(user);
  invocation.isAdmin = profile.isAdmin;
  if (profile.timeZone) user.timeZone = profile.timeZone;
  if (profile.displayName) user.displayName = profile.displayName;
  return invocation;
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
