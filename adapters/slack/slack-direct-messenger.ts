import { webApi } from '@slack/bolt';
import type { DirectMessenger, SendResult } from '../../src/ports/direct-messenger.js';
import type { Logger } from '../../src/ports/logger.js';
import type { SendBudget } from '../../src/ports/send-budget.js';
import { withoutButtons } from '../../src/actions/address-reply.js';
import { findEarlierPost, type PostMark, type PostPlace } from './find-earlier-post.js';
import type { PostAttempts } from './post-attempts.js';
import { renderSlackReply, type SlackMessage } from './render-slack-reply.js';

/**
 * chat.postMessage errors that mean "this person cannot be reached", as opposed to a passing failure.
 * https://docs.slack.dev/reference/methods/chat.postMessage#errors
 */
const UNDELIVERABLE_ERRORS = new Set([
  'user_not_found',
  'channel_not_found',
  'account_inactive',
  'cannot_dm_bot',
  'user_disabled',
  'is_archived',
]);

/** How often one message is tried when Slack answers 429. */
const MAX_RATE_LIMITED_ATTEMPTS = 3;

/** The metadata event types of the bot's proactive posts. https://docs.slack.dev/messaging/message-metadata */
export const REMINDER_EVENT_TYPE = 'pathbot_reminder';
export const DIGEST_EVENT_TYPE = 'pathbot_digest';

export interface SlackDirectMessengerDeps {
  /**
   * A client that never repeats a call by itself (retries 0, rejectRateLimitedCalls): pacing stays here, and
   * a post whose answer was lost is looked for before it goes again, never simply repeated.
   */
  client: webApi.WebClient;
  /** A workspace's budget of posts (workspace-send-budgets.ts), shared by every instance on a shared store. */
  budgetFor: (workspace: string) => SendBudget;
  attempts: PostAttempts;
  now: () => number;
  logger: Logger;
}

/** One post to make once: what, where, and how it is recognised in the conversation's history. */
interface Post {
  workspace: string;
  /** What chat.postMessage is given as `channel`: a user id reaches the DM. */
  channel: string;
  place: PostPlace;
  message: SlackMessage;
  mark: PostMark;
}

/**
 * Sends reminders to a learner's DM with the app by posting to their user id, paced per workspace, and the
 * weekly digest to a channel. Each post carries its idempotency key in its message metadata; a key tried
 * before (a timeout, a 5xx, a dropped connection: Slack may have kept the message without saying so) is
 * looked for in the conversation's recent history first, and posted only if it is not there.
 */
export function createSlackDirectMessenger(deps: SlackDirectMessengerDeps): DirectMessenger {
  return {
    platform: 'slack',
    // Posting with `channel: <user id>` reaches the app's DM directly: nothing to open or store.
    open: async () => ({}),
    send: (target, reply, idempotencyKey) =>
      postOnce(
        deps,
        {
          workspace: target.user.workspace,
          channel: target.address ?? target.user.id,
          place: target.address?.startsWith('D') ? { channel: target.address } : { dmWith: target.user.id },
          message: renderSlackReply(reply),
          mark: { eventType: REMINDER_EVENT_TYPE, idempotencyKey },
        },
        deps.logger.child({ workspace: target.user.workspace, user: target.user.id, idempotencyKey }),
      ),
    // The weekly digest: a public post with no buttons, under the same workspace budget.
    postToChannel: (channel, reply, idempotencyKey) =>
      postOnce(
        deps,
        {
          workspace: channel.workspace,
          channel: channel.channelId,
          place: { channel: channel.channelId },
          message: renderSlackReply(withoutButtons(reply)),
          mark: { eventType: DIGEST_EVENT_TYPE, idempotencyKey },
        },
        deps.logger.child({ workspace: channel.workspace, channel: channel.channelId, idempotencyKey }),
      ),
  };
}

async function postOnce(deps: SlackDirectMessengerDeps, post: Post, log: Logger): Promise<SendResult> {
  const firstTried = await deps.attempts.firstTried(post.mark.idempotencyKey);
  if (firstTried === undefined) await deps.attempts.tried(post.mark.idempotencyKey, deps.now());
  else if (await findEarlierPost(deps.client, post.place, post.mark, firstTried, log)) {
    log.info('an earlier try of this Slack message did arrive; not posting it again');
    return { status: 'sent' };
  }
  return postPaced(deps, post, log);
}

async function postPaced(deps: SlackDirectMessengerDeps, post: Post, log: Logger): Promise<SendResult> {
  const budget = deps.budgetFor(post.workspace);
  for (let attempt = 1; ; attempt += 1) {
    try {
      await budget.withPermit(() =>
        deps.client.chat.postMessage({
          channel: post.channel,
          text: post.message.text,
          blocks: post.message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          metadata: { event_type: post.mark.eventType, event_payload: { idempotency_key: post.mark.idempotencyKey } },
        }),
      );
      return { status: 'sent' };
    } catch (error) {
      // Slack answered 429 before taking the message: trying again cannot duplicate it.
      const rateLimited = retryAfterSeconds(error);
      if (rateLimited !== undefined) {
        await budget.pause(rateLimited * 1000);
        log.warn('Slack rate limited a direct message; pausing the workspace', {
          retryAfterSeconds: rateLimited,
          attempt,
        });
        if (attempt < MAX_RATE_LIMITED_ATTEMPTS) continue;
        throw new Error(`Slack kept rate limiting direct messages after ${attempt} attempts`, { cause: error });
      }
      const platformError = platformErrorCode(error);
      if (platformError && UNDELIVERABLE_ERRORS.has(platformError)) {
        log.info('Slack user cannot receive direct messages', { reason: platformError });
        return { status: 'undeliverable', reason: platformError };
      }
      throw error;
    }
  }
}

function retryAfterSeconds(error: unknown): number | undefined {
  if (error instanceof webApi.WebAPIRateLimitedError) return error.retryAfter;
  return undefined;
}

function platformErrorCode(error: unknown): string | undefined {
  return error instanceof webApi.WebAPIPlatformError ? error.data.error : undefined;
}
