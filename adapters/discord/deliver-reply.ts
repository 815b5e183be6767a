import { MessageFlags } from 'discord.js';
import type { ChatInputCommandInteraction } from 'discord.js';
import type { AddressedReply } from '../../src/model/reply.js';
import { raceDeadline } from './race-deadline.js';
import { renderDiscordReply } from './render-discord-reply.js';
import { toEditOptions, toReplyOptions } from './to-message-options.js';

export interface Delivery {
  /** Defer when the core has not answered by then; Discord's deadline is 3 s. */
  deferAfterMs: number;
}

/**
 * Answers an interaction with the core's reply within Discord's 3-second deadline: directly when the
 * core is quick, otherwise defer first and edit (or follow up) when the reply arrives.
 */
export async function deliverReply(
  interaction: ChatInputCommandInteraction,
  work: Promise<AddressedReply>,
  delivery: Delivery,
): Promise<void> {
  const early = await raceDeadline(work, delivery.deferAfterMs);
  if (early.settled) {
    await interaction.reply(toReplyOptions(renderDiscordReply(early.value)));
    return;
  }

  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reply = await work;
  const payload = renderDiscordReply(reply);
  if (reply.visibility === 'private') {
    await interaction.editReply(toEditOptions(payload));
    return;
  }
  // A deferred reply keeps the visibility it was deferred with, so a public answer goes out as a follow-up.
  await interaction.followUp(toReplyOptions(payload));
  await interaction.deleteReply();
}
