import {
  MessageType,
  type MessageFlags,
  type APIMessage,
  type RESTPatchAPIWebhookWithTokenMessageJSONBody,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIWebhookWithTokenJSONBody,
} from 'discord-api-types/v10';

/** What the bot may post or edit: a channel message, an interaction follow-up, or an edit of either. */
export type MessageBody =
  RESTPostAPIChannelMessageJSONBody | RESTPostAPIWebhookWithTokenJSONBody | RESTPatchAPIWebhookWithTokenMessageJSONBody;

let counter = 0n;

/** A fresh Discord-looking id (a 18-19 digit snowflake string). */
export function snowflake(): string {
  counter += 1n;
  return (1_200_000_000_000_000_000n + counter).toString();
}

/** A message object as Discord returns it after a create or an edit: https://discord.com/developers/docs/resources/message#message-object */
export function fakeMessage(input: { channelId: string; authorId: string; body: MessageBody }): APIMessage {
  const { body } = input;
  return {
    id: snowflake(),
    channel_id: input.channelId,
    type: MessageType.Default,
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    // Discord answers `flags: 0` for a message without flags; the MessageFlags enum has no member for none.
    flags: body.flags ?? (0 as MessageFlags),
    nonce: 'nonce' in body ? body.nonce : undefined,
    author: { id: input.authorId, username: 'pathbot', discriminator: '0', global_name: null, avatar: null, bot: true },
    timestamp: new Date(0).toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    pinned: false,
  };
}
