/** A message the fake Slack keeps in a conversation, as conversations.history returns it. */
export interface FakeSlackMessage {
  type: 'message';
  ts: string;
  text: string;
  bot_id: string;
  thread_ts?: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
  blocks?: unknown[];
  /** Set once the message was edited: https://docs.slack.dev/reference/methods/chat.update */
  edited?: { user: string; ts: string };
}

/** One edit of a kept message: by chat.update, or through a response_url with `replace_original`. */
export interface FakeSlackEdit {
  channel: string;
  ts: string;
  via: 'chat.update' | 'response_url';
  text: string;
  blocks: unknown[] | undefined;
}

/**
 * The conversations of the fake Slack: every chat.postMessage Slack accepted, per conversation, in order.
 * A post to a user id lands in the bot's DM with them, "D" + the id without its "U"/"W", as on Slack
 * (posting to a user id reaches that DM; conversations.open names it).
 */
export class FakeSlackConversations {
  private readonly byChannel = new Map<string, FakeSlackMessage[]>();
  private sequence = 0;
  /** Every edit Slack applied, oldest first. */
  readonly edits: FakeSlackEdit[] = [];

  /** The conversation a post to `channel` lands in. */
  static conversationOf(channel: string): string {
    return /^[UW]/.test(channel) ? `D${channel.slice(1)}` : channel;
  }

  /** Keeps an accepted post; returns where it landed and its ts. */
  accept(args: Record<string, unknown>, botId: string): { channel: string; ts: string } {
    const channel = FakeSlackConversations.conversationOf(String(args.channel));
    // Unique and increasing, like Slack's: seconds, then a sequence in the microseconds.
    const ts = `${Math.floor(Date.now() / 1000)}.${String((this.sequence += 1) % 1_000_000).padStart(6, '0')}`;
    const message: FakeSlackMessage = {
      type: 'message',
      ts,
      text: typeof args.text === 'string' ? args.text : '',
      bot_id: botId,
    };
    if (typeof args.thread_ts === 'string') message.thread_ts = args.thread_ts;
    if (isMetadata(args.metadata)) message.metadata = args.metadata;
    if (Array.isArray(args.blocks)) message.blocks = args.blocks;
    this.byChannel.set(channel, [...(this.byChannel.get(channel) ?? []), message]);
    return { channel, ts };
  }

  /**
   * Replaces a kept message's text and blocks, as chat.update and a `replace_original` response do (blocks left
   * out are dropped: Slack rebuilds the message from what the edit sends). False when there is no such message.
   */
  edit(channel: string, ts: string, via: FakeSlackEdit['via'], args: Record<string, unknown>, botId: string): boolean {
    const messages = this.messagesIn(channel);
    const index = messages.findIndex((message) => message.ts === ts);
    const kept = messages[index];
    if (!kept) return false;
    const text = typeof args.text === 'string' ? args.text : '';
    const blocks = Array.isArray(args.blocks) ? (args.blocks as unknown[]) : undefined;
    const { blocks: _old, ...rest } = kept;
    messages[index] = { ...rest, text, ...(blocks && { blocks }), edited: { user: botId, ts: nowTs() } };
    this.edits.push({ channel: FakeSlackConversations.conversationOf(channel), ts, via, text, blocks });
    return true;
  }

  /** What a conversation holds, oldest first; a user id means the DM with them. */
  messagesIn(channel: string): FakeSlackMessage[] {
    return this.byChannel.get(FakeSlackConversations.conversationOf(channel)) ?? [];
  }

  /** conversations.history: newest first, after `oldest`, at most `limit`, metadata only when asked for. */
  history(args: Record<string, unknown>): FakeSlackMessage[] {
    const oldest = Number(args.oldest ?? 0);
    const limit = Number(args.limit ?? 100);
    const withMetadata = String(args.include_all_metadata) === 'true';
    return this.messagesIn(String(args.channel))
      .filter((message) => Number(message.ts) > oldest)
      .reverse()
      .slice(0, limit)
      .map(({ metadata, ...message }) => (withMetadata && metadata ? { ...message, metadata } : message));
  }
}

function nowTs(): string {
  return (Date.now() / 1000).toFixed(6);
}

function isMetadata(value: unknown): value is FakeSlackMessage['metadata'] {
  const metadata = value as FakeSlackMessage['metadata'];
  return typeof metadata?.event_type === 'string' && typeof metadata.event_payload === 'object';
}
