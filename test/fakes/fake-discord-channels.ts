import type { APIMessage, RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { fakeMessage, snowflake } from './fake-discord-objects.js';
import { json, type ScriptedResponse } from './fake-discord-http.js';

/**
 * How long Discord remembers a nonce sent with `enforce_nonce`: its docs say "the past few minutes"
 * (https://discord.com/developers/docs/resources/message#create-message-jsonform-params); the fake takes the low end.
 */
export const NONCE_WINDOW_MS = 2 * 60_000;

/**
 * DM channels, guild text channels and the messages posted to them, with Discord's refusals
 * (50007, 10013, 10003, 50013) and nonce de-duplication as Discord does it: with `enforce_nonce`, a message
 * whose nonce the same author used within the window is not created again; the first one is returned.
 */
export class FakeDiscordChannels {
  /** Users who don't accept DMs from the bot: messages to their DM channel answer 50007. */
  readonly closedDms = new Set<string>();
  /** Users Discord does not know: opening a DM answers 10013. */
  readonly unknownUsers = new Set<string>();
  /** Guild text channels the bot can post in. */
  readonly textChannels = new Set<string>();
  /** Guild channels where the bot lacks Send Messages: posts answer 50013. */
  readonly forbiddenChannels = new Set<string>();
  /** Messages created per channel, after nonce de-duplication. */
  readonly channelMessages = new Map<string, APIMessage[]>();
  private readonly dmChannels = new Map<string, string>();
  /** The other way round (channel -> user), so a post finds its recipient at once among thousands of DMs. */
  private readonly dmRecipients = new Map<string, string>();
  /** Messages by the nonce they were created with (every message here has one author, the bot), and when. */
  private readonly nonces = new Map<string, { message: APIMessage; at: number }>();
  /** Off, the fake creates a message per request whatever its nonce: what a test would see if dedupe failed. */
  honourNonces = true;

  constructor(private readonly botUserId: string) {}

  /** Messages that reached this user's DM channel: what the learner sees, duplicates included. */
  deliveriesTo(userId: string): APIMessage[] {
    const channelId = this.dmChannels.get(userId);
    return channelId ? (this.channelMessages.get(channelId) ?? []) : [];
  }

  open(userId: string): ScriptedResponse {
    if (this.unknownUsers.has(userId)) return json(404, { message: 'Unknown User', code: 10013 });
    let channelId = this.dmChannels.get(userId);
    if (!channelId) {
      channelId = snowflake();
      this.dmChannels.set(userId, channelId);
      this.dmRecipients.set(channelId, userId);
    }
    return json(200, {
      id: channelId,
      type: 1,
      last_message_id: null,
      recipients: [{ id: userId, username: 'learner', discriminator: '0', avatar: null, global_name: null }],
    });
  }

  createMessage(channelId: string, body: RESTPostAPIChannelMessageJSONBody): ScriptedResponse {
    if (this.forbiddenChannels.has(channelId)) return json(403, { message: 'Missing Permissions', code: 50013 });
    const recipient = this.dmRecipients.get(channelId);
    if (!recipient && !this.textChannels.has(channelId)) return json(404, { message: 'Unknown Channel', code: 10003 });
    if (recipient && this.closedDms.has(recipient))
      return json(403, { message: 'Cannot send messages to this user', code: 50007 });
    const nonce = this.honourNonces && body.enforce_nonce && body.nonce !== undefined ? String(body.nonce) : undefined;
    const existing = nonce === undefined ? undefined : this.nonces.get(nonce);
    if (existing && Date.now() - existing.at < NONCE_WINDOW_MS) return json(200, existing.message);
    const message = fakeMessage({ channelId, authorId: this.botUserId, body });
    if (nonce !== undefined) this.nonces.set(nonce, { message, at: Date.now() });
    this.channelMessages.set(channelId, [...(this.channelMessages.get(channelId) ?? []), message]);
    return json(200, message);
  }
}
