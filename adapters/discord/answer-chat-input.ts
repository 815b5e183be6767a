import { ApplicationCommandOptionType } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Bot } from '../../src/bot.js';
import type { Invocation } from '../../src/model/invocation.js';
import { deliverReply } from './deliver-reply.js';
import { canManageGuild, toChannelRef, toUserRef } from './discord-refs.js';
import { pathOfCommand } from './slash-command-names.js';
import { replyPrivately } from './reply-privately.js';

/** `/webrtc <subcommand> [options]` -> the core, and its reply back within the deadline. */
export async function answerChatInput(
  interaction: ChatInputCommandInteraction,
  deps: { bot: Bot; deferAfterMs: number },
): Promise<void> {
  const path = pathOfCommand(interaction.commandName, deps.bot.paths);
  if (!path) {
    await replyPrivately(interaction, 'This command is no longer available. Type `/` to see the current ones.');
    return;
  }
  const invocation = toInvocation(interaction, path);
  await deliverReply(interaction, deps.bot.handle(invocation), { deferAfterMs: deps.deferAfterMs });
}

/** Subcommand and option values as the core expects them: strings keyed by option name. */
export function toInvocation(interaction: ChatInputCommandInteraction, path: string): Invocation {
  const subcommand = interaction.options.data.find((option) => option.type === ApplicationCommandOptionType.Subcommand);
  // Built from entries, so an option called `__proto__` is an option like any other (and refused by the core).
  const args: Record<string, string> = Object.fromEntries(
    (subcommand?.options ?? []).flatMap((option) =>
      option.value === undefined || option.value === null ? [] : [[option.name, String(option.value)]],
    ),
  );
  return {
    path,
    command: subcommand?.name ?? '',
    args,
    user: toUserRef(interaction),
    channel: toChannelRef(interaction),
    isAdmin: canManageGuild(interaction),
  };
}
