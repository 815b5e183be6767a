import { webApi } from '@slack/bolt';
import type { Logger } from '../../src/ports/logger.js';

/** What a proactive post carries in its message metadata, so a later try can recognise it. */
export interface PostMark {
  /** `pathbot_reminder` or `pathbot_digest`. https://docs.slack.dev/messaging/message-metadata */
  eventType: string;
  idempotencyKey: string;
}

/** Where to look: a channel by id, or the bot's DM with a user (its id found with conversations.open). */
export type PostPlace = { channel: string } | { dmWith: string };

/** How many of the newest messages since the first try are read: a DM gets a few between two tries at most. */
export const HISTORY_LIMIT = 15;
/** The first try is dated by this host's clock, the message by Slack's: look a little further back. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * Errors that mean "Slack will not show this history" (not a member of the channel, a scope the app was not
 * reinstalled with, a user gone): the check cannot be made, and the post goes again rather than never.
 * Any other failure (a timeout, a 5xx, `ratelimited`, `internal_error`) means "not now": it is thrown, and
 * nothing is posted until a later try can look.
 */
const TRANSIENT_ERRORS = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/**
 * Whether a message marked `mark` was posted at `place` since `since` (the first try): read with
 * conversations.history and include_all_metadata (needs im:history for DMs, channels:history /
 * groups:history for channels). https://docs.slack.dev/reference/methods/conversations.history
 */
export async function findEarlierPost(
  client: webApi.WebClient,
  place: PostPlace,
  mark: PostMark,
  since: number,
  log: Logger,
): Promise<boolean> {
  try {
    const channel = 'channel' in place ? place.channel : await dmChannel(client, place.dmWith);
    const history = await client.conversations.history({
      channel,
      oldest: ((since - CLOCK_SLACK_MS) / 1000).toFixed(6),
      limit: HISTORY_LIMIT,
      include_all_metadata: true,
    });
    // The response types leave event_payload unspecified ({}): it is the object this bot put there.
    return (history.messages ?? []).some(
      (message) =>
        message.metadata?.event_type === mark.eventType &&
        (message.metadata.event_payload as Record<string, unknown> | undefined)?.idempotency_key ===
          mark.idempotencyKey,
    );
  } catch (error) {
    const code = error instanceof webApi.WebAPIPlatformError ? error.data.error : undefined;
    if (code === undefined || TRANSIENT_ERRORS.has(code)) throw error;
    log.warn('cannot look for an earlier try of this message in Slack; posting it again', { reason: code });
    return false;
  }
}

async function dmChannel(client: webApi.WebClient, user: string): Promise<string> {
  const opened = await client.conversations.open({ users: user });
  if (!opened.channel?.id) throw new Error('conversations.open returned no channel');
  return opened.channel.id;
}
