import { webApi } from '@slack/bolt';
import type { DirectMessenger, DirectTarget, SendResult } from '../../src/ports/direct-messenger.js';
import type { Logger } from '../../src/ports/logger.js';
import { renderSlackReply } from './render-slack-reply.js';
import type { TokenBucket } from './token-bucket.js';

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

export interface SlackDirectMessengerDeps {
  /** A client that does not retry on its own (retries 0, rejectRateLimitedCalls), so pacing stays here. */
  client: webApi.WebClient;
  bucketFor: (workspace: string) => TokenBucket;
  /** The path whose buttons a DM carries when the target does not name one. */
  defaultPath: string;
  logger: Logger;
}

/** Sends reminders to a learner's DM with the app by posting to their user id, paced per workspace. */
export function createSlackDirectMessenger(deps: SlackDirectMessengerDeps): DirectMessenger {
  return {
    platform: 'slack',
    // Posting with `channel: <user id>` reaches the app's DM directly: nothing to open or store.
    open: async () => ({}),
    send: (target, reply, idempotencyKey) =>
      postPaced(
        deps,
        target.user.workspace,
        target.address ?? target.user.id,
        renderSlackReply(reply, target.user.id, pathOf(target, deps.defaultPath)),
        deps.logger.child({ workspace: target.user.workspace, user: target.user.id, idempotencyKey }),
      ),
    // The weekly digest: a public post with no buttons, under the same workspace budget.
    postToChannel: (channel, reply, idempotencyKey) =>
      postPaced(
        deps,
        channel.workspace,
        channel.channelId,
        renderSlackReply(reply, channel.channelId, deps.defaultPath),
        deps.logger.child({ workspace: channel.workspace, channel: channel.channelId, idempotencyKey }),
      ),
  };
}

async function postPaced(
  deps: SlackDirectMessengerDeps,
  workspace: string,
  channel: string,
  message: ReturnType<typeof renderSlackReply>,
  log: Logger,
): Promise<SendResult> {
  const bucket = deps.bucketFor(workspace);
  for (let attempt = 1; ; attempt += 1) {
    await bucket.take();
    try {
      await deps.client.chat.postMessage({
        channel,
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      return { status: 'sent' };
    } catch (error) {
      const rateLimited = retryAfterSeconds(error);
      if (rateLimited !== undefined) {
        bucket.pauseFor(rateLimited * 1000);
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

/** The path whose buttons the message carries. */
function pathOf(target: DirectTarget, defaultPath: string): string {
  return target.path ?? defaultPath;
}

function retryAfterSeconds(error: unknown): number | undefined {
  if (error instanceof webApi.WebAPIRateLimitedError) return error.retryAfter;
  return undefined;
}

function platformErrorCode(error: unknown): string | undefined {
  return error instanceof webApi.WebAPIPlatformError ? error.data.error : undefined;
}
