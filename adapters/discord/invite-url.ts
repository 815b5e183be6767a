import { PermissionFlagsBits } from 'discord.js';

/**
 * What the bot needs in a channel to post the weekly digest there. Everything else it says is an
 * interaction response or a DM, which need no channel permission.
 */
export const BOT_PERMISSIONS =
  PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages | PermissionFlagsBits.EmbedLinks;

/**
 * The link a server admin opens to add the bot: the `bot` scope (a bot can only DM people it shares a
 * server with) and `applications.commands` (slash commands).
 * https://discord.com/developers/docs/topics/oauth2#bot-authorization-flow
 */
export function inviteUrl(appId: string): string {
  const query = new URLSearchParams({
    client_id: appId,
    scope: 'bot applications.commands',
    permissions: BOT_PERMISSIONS.toString(),
  });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}
