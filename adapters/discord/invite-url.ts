/**
 * The link a server admin opens to add the bot: the `bot` scope (so it can DM and be in the member
 * list) and `applications.commands` (slash commands). It needs no channel permissions: it only
 * answers interactions and sends DMs. https://discord.com/developers/docs/topics/oauth2#bot-authorization-flow
 */
export function inviteUrl(appId: string): string {
  const query = new URLSearchParams({ client_id: appId, scope: 'bot applications.commands', permissions: '0' });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}
