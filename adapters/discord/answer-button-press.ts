import { MessageFlags } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import type { Bot } from '../../src/bot.js';
import { decodeAction } from '../../src/model/action-id.js';
import type { ActionPress } from '../../src/model/invocation.js';
import { deliverReply } from './deliver-reply.js';
import { toChannelRef, toUserRef } from './discord-refs.js';
import { replyPrivately } from './reply-privately.js';

/**
 * A button press -> the core's `handleAction` (which answers "this one isn't yours" to anyone but the
 * owner). The owner's press on their own private card or DM updates that message in place, so an old
 * card cannot be pressed twice; every other answer is a new message.
 */
export async function answerButtonPress(interaction: ButtonInteraction, deps: { bot: Bot; deferAfterMs: number }): Promise<void> {
  const action = decodeAction(interaction.customId);
  if (!action || !deps.bot.paths.some((path) => path.name === action.path)) {
    await replyPrivately(interaction, 'This button has expired. Run the command again for a fresh one.');
    return;
  }
  const press: ActionPress = { ...action, user: toUserRef(interaction), channel: toChannelRef(interaction) };
  const ownPrivateMessage =
    interaction.user.id === action.ownerId &&
    (interaction.message.flags.has(MessageFlags.Ephemeral) || !interaction.guildId);
  await deliverReply(interaction, deps.bot.handleAction(press), {
    path: action.path,
    deferAfterMs: deps.deferAfterMs,
    updateSource: ownPrivateMessage,
  });
}
