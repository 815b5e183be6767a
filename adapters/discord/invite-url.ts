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

/**
 * The link a learner opens to add the app to their own account (a user install): only `applications.commands`,
 * so `/webrtc` works in any DM, group DM or server, and reminders come as DMs from the bot.
 * https://discord.com/developers/docs/resources/application#installation-context
 */
export function userInstallUrl(appId: string): string {
  const query = new URLSearchParams({ client_id: appId, integration_type: '1', scope: 'applications.commands' });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}
