import { MessageFlags } from 'discord.js';
import type { ButtonInteraction } from 'discord.js';
import type { Bot } from '../../src/bot.js';
import { decodeAction } from '../../src/model/action-id.js';
import type { ActionPress } from '../../src/model/invocation.js';
import { ownerToken, parseOwnerToken } from './button-owner.js';
import { deliverReply } from './deliver-reply.js';
import { toChannelRef, toUserRef } from './discord-refs.js';
import { replyPrivately } from './reply-privately.js';

/**
 * A button press -> the core's `handleAction` (which answers "this one isn't yours" to anyone but the
 * owner). The owner's press on their own private card or DM updates that message in place, so an old
 * card cannot be pressed twice; every other answer is a new message. A press on a reminder DM acts
 * for the guild learner the reminder was for (see button-owner.ts).
 */
export async function answerButtonPress(
  interaction: ButtonInteraction,
  deps: { bot: Bot; deferAfterMs: number },
): Promise<void> {
  const action = decodeAction(interaction.customId);
  if (!action || !deps.bot.paths.some((path) => path.name === action.path)) {
    await replyPrivately(interaction, 'This button has expired. Run the command again for a fresh one.');
    return;
  }
  const owner = parseOwnerToken(action.ownerId);
  const user = toUserRef(interaction);
  // Only a DM press takes its guild from the button: in a guild, Discord says which guild it is.
  if (owner.workspace && !interaction.guildId) user.workspace = owner.workspace;
  const press: ActionPress = { ...action, ownerId: owner.userId, user, channel: toChannelRef(interaction) };
  const ownPrivateMessage =
    user.id === owner.userId && (interaction.message.flags.has(MessageFlags.Ephemeral) || !interaction.guildId);
  await deliverReply(interaction, deps.bot.handleAction(press), {
    path: action.path,
    owner: ownerToken(user, !interaction.guildId),
    deferAfterMs: deps.deferAfterMs,
    updateSource: ownPrivateMessage,
  });
}
