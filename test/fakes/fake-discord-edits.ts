import { InteractionResponseType, type APIMessage, type APIInteractionResponse } from 'discord-api-types/v10';
import type { MessageBody } from './fake-discord-objects.js';
import type { RecordedRequest } from './fake-discord-requests.js';

/** One edit of a message a button was on, as Discord applies it. */
export interface MessageEdit {
  channelId: string;
  messageId: string;
  /** The update-message response (type 7), or PATCH @original after a deferred update (type 6). */
  via: 'update-message' | 'deferred-update-edit';
  body: MessageBody;
  /** When the fake received it (epoch ms). */
  at: number;
}

interface PressedMessage {
  channelId: string;
  messageId: string;
  /** The interaction was answered with a deferred update: its @original is the pressed message, not a new one. */
  updating: boolean;
}

/**
 * Edits of pressed messages, as Discord makes them: a component interaction answered with type 7 edits the
 * message its component was on; after a type 6, PATCH /webhooks/{app}/{token}/messages/@original edits that
 * same message (https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction).
 * A message the fake keeps (a DM the bot posted) takes the edit, so a test sees what the learner sees.
 */
export class FakeDiscordEdits {
  readonly edits: MessageEdit[] = [];
  private readonly pressed = new Map<string, PressedMessage>();

  constructor(private readonly channelMessages: Map<string, APIMessage[]>) {}

  /** Notes the message a dispatched component interaction (type 3) was on, by the interaction's token. */
  noteInteraction(payload: unknown): void {
    const interaction = payload as { type?: number; token?: string; message?: { id: string; channel_id: string } };
    if (interaction.type !== 3 || !interaction.token || !interaction.message) return;
    const { id, channel_id } = interaction.message;
    this.pressed.set(interaction.token, { channelId: channel_id, messageId: id, updating: false });
  }

  /** An interaction callback: type 7 edits the pressed message now, type 6 makes its @original that message. */
  onCallback(request: RecordedRequest<APIInteractionResponse>): void {
    const token = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(request.route)?.[1] ?? '';
    const pressed = this.pressed.get(token);
    if (!pressed) return;
    if (request.body.type === InteractionResponseType.DeferredMessageUpdate) pressed.updating = true;
    if (request.body.type === InteractionResponseType.UpdateMessage)
      this.apply(pressed, 'update-message', request.body.data ?? {}, request.at);
  }

  /** PATCH on an interaction's @original: an edit of the pressed message after a deferred update. */
  onWebhookEdit(token: string, body: MessageBody, at: number): void {
    const pressed = this.pressed.get(token);
    if (pressed?.updating) this.apply(pressed, 'deferred-update-edit', body, at);
  }

  private apply(pressed: PressedMessage, via: MessageEdit['via'], body: MessageBody, at: number): void {
    this.edits.push({ channelId: pressed.channelId, messageId: pressed.messageId, via, body, at });
    const messages = this.channelMessages.get(pressed.channelId) ?? [];
    const index = messages.findIndex((message) => message.id === pressed.messageId);
    const kept = messages[index];
    if (!kept) return;
    // An edit replaces only the fields it names, as Discord's PATCH does.
    messages[index] = {
      ...kept,
      ...(body.content !== undefined && { content: body.content ?? '' }),
      ...(body.embeds !== undefined && { embeds: body.embeds ?? [] }),
      ...(body.components !== undefined && { components: body.components ?? [] }),
      edited_timestamp: new Date(at).toISOString(),
    };
  }
}
