import type { InteractionEditReplyOptions, InteractionReplyOptions, InteractionUpdateOptions } from 'discord.js';
import type { DiscordMessagePayload } from './render-discord-reply.js';

/** discord.js option names for a rendered payload, for a new reply or follow-up (flags decide ephemeral). */
export function toReplyOptions(payload: DiscordMessagePayload): InteractionReplyOptions {
  return {
    ...(payload.content === undefined ? {} : { content: payload.content }),
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: payload.allowed_mentions,
    ...(payload.flags === undefined ? {} : { flags: payload.flags }),
  };
}

/** For editing a message in place: its ephemeral state cannot change, so flags are left out. */
export function toEditOptions(payload: DiscordMessagePayload): InteractionEditReplyOptions & InteractionUpdateOptions {
  return {
    content: payload.content ?? null,
    embeds: payload.embeds,
    components: payload.components,
    allowedMentions: payload.allowed_mentions,
  };
}
