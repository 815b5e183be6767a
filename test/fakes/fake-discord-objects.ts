let counter = 0n;

/** A fresh Discord-looking id (a 18-19 digit snowflake string). */
export function snowflake(): string {
  counter += 1n;
  return (1_200_000_000_000_000_000n + counter).toString();
}

/** A message object as Discord returns it after a create or an edit: https://discord.com/developers/docs/resources/message#message-object */
export function fakeMessage(input: { channelId: string; authorId: string; body: any }): any {
  const { body } = input;
  return {
    id: snowflake(),
    channel_id: input.channelId,
    type: 0,
    content: body.content ?? '',
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    flags: body.flags ?? 0,
    nonce: body.nonce,
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
