import type { ButtonInteraction } from 'discord.js';
import type { Bot } from '../../src/bot.js';
import type { AddressedReply } from '../../src/model/reply.js';
import { toChannelRef, toUserRef } from './discord-refs.js';
import { raceDeadline } from './race-deadline.js';
import { renderDiscordReply } from './render-discord-reply.js';
import { toEditOptions, toReplyOptions } from './to-message-options.js';

/**
 * A button press -> the core (which decodes the button, answers "this one isn't yours" to anyone but the owner,
 * and "already done" to a second press on a message it answered). When the core says what the pressed message
 * becomes, that message is edited in place (the update-message response, type 7) and the answer follows as a
 * new private message; a menu that takes the message's place is the edit itself; any other answer is a new
 * message. A core slower than `deferAfterMs` gets a deferred update (type 6) first, which leaves every choice open.
 */
export async function answerButtonPress(
  interaction: ButtonInteraction,
  deps: { bot: Bot; deferAfterMs: number },
): Promise<void> {
  const work = deps.bot.press({
    buttonId: interaction.customId,
    user: toUserRef(interaction),
    channel: toChannelRef(interaction),
    messageId: interaction.message.id,
  });
  const early = await raceDeadline(work, deps.deferAfterMs);
  if (early.settled) return answerAtOnce(interaction, early.value);
  await interaction.deferUpdate();
  const reply = await work;
  const edit = reply.inPlace ? reply : reply.pressedCard;
  if (edit) await interaction.editReply(toEditOptions(renderDiscordReply(edit)));
  if (!reply.inPlace) await interaction.followUp(toReplyOptions(renderDiscordReply(reply)));
}

async function answerAtOnce(interaction: ButtonInteraction, reply: AddressedReply): Promise<void> {
  if (reply.inPlace) {
    await interaction.update(toEditOptions(renderDiscordReply(reply)));
  } else if (reply.pressedCard) {
    await interaction.update(toEditOptions(renderDiscordReply(reply.pressedCard)));
    await interaction.followUp(toReplyOptions(renderDiscordReply(reply)));
  } else {
    await interaction.reply(toReplyOptions(renderDiscordReply(reply)));
  }
}
