import { MessageFlags } from 'discord.js';
import type { ButtonInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Reply } from '../../src/model/reply.js';
import { raceDeadline } from './race-deadline.js';
import { renderDiscordReply } from './render-discord-reply.js';
import { toEditOptions, toReplyOptions } from './to-message-options.js';

export interface Delivery {
  path: string;
  /** Owner part of the reply's button ids (see button-owner.ts). */
  owner: string;
  /** Defer when the core has not answered by then; Discord's deadline is 3 s. */
  deferAfterMs: number;
  /** Replace the pressed message (a learner's own private card) instead of posting a new one. */
  updateSource: boolean;
}

/**
 * Answers an interaction with the core's reply within Discord's 3-second deadline: directly when the
 * core is quick, otherwise defer first and edit (or follow up) when the reply arrives.
 */
export async function deliverReply(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  work: Promise<Reply>,
  delivery: Delivery,
): Promise<void> {
  const render = (reply: Reply) => renderDiscordReply(reply, delivery.owner, delivery.path);
  const early = await raceDeadline(work, delivery.deferAfterMs);
  if (early.settled) {
    const payload = render(early.value);
    if (delivery.updateSource && early.value.visibility === 'private' && interaction.isButton()) {
      await interaction.update(toEditOptions(payload));
    } else {
      await interaction.reply(toReplyOptions(payload));
    }
    return;
  }

  if (delivery.updateSource && interaction.isButton()) await interaction.deferUpdate();
  else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const reply = await work;
  const payload = render(reply);
  if (reply.visibility === 'private') {
    await interaction.editReply(toEditOptions(payload));
    return;
  }
  // A deferred reply keeps the visibility it was deferred with, so a public answer goes out as a follow-up.
  await interaction.followUp(toReplyOptions(payload));
  if (!delivery.updateSource) await interaction.deleteReply();
}
