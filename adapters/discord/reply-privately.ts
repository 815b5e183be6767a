import type { RepliableInteraction } from 'discord.js';
import { renderDiscordReply } from './render-discord-reply.js';
import { toReplyOptions } from './to-message-options.js';

/** A short private note from the adapter itself (stale command or button, or an apology). */
export async function replyPrivately(
  interaction: RepliableInteraction,
  text: string,
  tone: 'warning' | 'error' = 'warning',
): Promise<void> {
  const options = toReplyOptions(renderDiscordReply({ visibility: 'private', tone, text }));
  if (interaction.deferred || interaction.replied) await interaction.followUp(options);
  else await interaction.reply(options);
}
