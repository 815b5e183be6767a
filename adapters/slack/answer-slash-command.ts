import type { SlashCommand } from '@slack/bolt';
import { errorReply, type Bot } from '../../src/bot.js';
import type { PathCommandSpec } from '../../src/commands/command.js';
import { parseCommandLine } from '../../src/commands/parse-command-line.js';
import type { ChannelRef, Invocation, UserRef } from '../../src/model/invocation.js';
import type { Reply } from '../../src/model/reply.js';
import { UserError } from '../../src/model/user-error.js';
import type { Logger } from '../../src/ports/logger.js';
import type { ProfileLookup } from './slack-profiles.js';

export interface AnswerDeps {
  bot: Pick<Bot, 'handle'>;
  profiles: ProfileLookup;
  logger: Logger;
}

/** What a slash command produced: the reply, and the invocation when the core ran one. */
export interface Answer {
  reply: Reply;
  invocation?: Invocation;
}

export const APOLOGY: Reply = {
  visibility: 'private',
  tone: 'error',
  text: 'Sorry, something went wrong on our side. Please try again in a moment.',
};

/** `/webrtc done webrtc-basics` -> the core's invocation -> its reply. Expected failures become private replies. */
export async function answerSlashCommand(
  deps: AnswerDeps,
  spec: PathCommandSpec,
  command: SlashCommand,
): Promise<Answer> {
  const user = commandUser(command);
  let invocation: Invocation | undefined;
  try {
    const parsed = parseCommandLine(command.text ?? '', spec);
    const subcommand = spec.commands.find((candidate) => candidate.name === parsed.command);
    invocation = {
      path: spec.name,
      command: parsed.command,
      args: parsed.args,
      user,
      channel: commandChannel(command),
    };
    // users.info costs a call: ask only when the answer matters (admin-only, or a time zone to default).
    if (subcommand?.adminOnly || subcommand?.options.some((option) => option.kind === 'zone')) {
      const profile = await deps.profiles(user);
      invocation.isAdmin = profile.isAdmin;
      if (profile.timeZone) user.timeZone = profile.timeZone;
    }
    return { reply: await deps.bot.handle(invocation), invocation };
  } catch (error) {
    if (error instanceof UserError) return { reply: errorReply(error) };
    deps.logger.error('Slack command failed', {
      path: spec.name,
      command: invocation?.command,
      workspace: user.workspace,
      user: user.id,
      channel: command.channel_id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
    return { reply: APOLOGY };
  }
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
