import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DiscordAPIError, RateLimitError, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { APIChannel, REST } from 'discord.js';
import type { UserRef } from '../../src/model/invocation.js';
import type { AddressedReply } from '../../src/model/reply.js';
import type { ChannelTarget, DirectMessenger, DirectTarget, SendResult } from '../../src/ports/direct-messenger.js';
import type { Logger } from '../../src/ports/logger.js';
import type { SendBudget } from '../../src/ports/send-budget.js';
import { NONCE_MAX } from './discord-limits.js';
import { renderDiscordReply, type DiscordMessagePayload } from './render-discord-reply.js';

/** Discord answers that mean "this person cannot be reached", so retrying is pointless (and counts as invalid requests). */
const UNREACHABLE_USER: ReadonlyMap<number, string> = new Map([
  [RESTJSONErrorCodes.CannotSendMessagesToThisUser, 'discord-dms-closed'],
  [RESTJSONErrorCodes.UnknownUser, 'discord-unknown-user'],
  [RESTJSONErrorCodes.UnknownChannel, 'discord-unknown-channel'],
]);

/** The same for a channel post: the channel is gone or the bot may not post there until an admin fixes it. */
const UNREACHABLE_CHANNEL: ReadonlyMap<number, string> = new Map([
  [RESTJSONErrorCodes.UnknownChannel, 'discord-unknown-channel'],
  [RESTJSONErrorCodes.MissingAccess, 'discord-missing-access'],
  [RESTJSONErrorCodes.MissingPermissions, 'discord-missing-permissions'],
]);

export interface DiscordMessengerDeps {
  rest: REST;
  logger: Logger;
  /** A permit for each DM open and post, under Discord's global limit (see discord-send-budget.ts). */
  budget: SendBudget;
}

/** How often one request is tried while Discord (or discord.js, foreseeing it) says it is rate limited. */
const MAX_RATE_LIMITED_ATTEMPTS = 5;

/**
 * DMs over REST: `open` creates the DM channel (its id is the address to store), `send` posts to it
 * with a nonce derived from the idempotency key and `enforce_nonce`, so a retried send cannot post twice.
 * `postToChannel` does the same in a guild channel (the weekly digest). Every request takes a permit from the
 * budget first; one rate limited is waited out and tried again with a new permit (see `permitted`); "cannot
 * be reached" is a result; other failures throw.
 */
export function createDiscordMessenger(deps: DiscordMessengerDeps): DirectMessenger {
  /** A request made with a permit; a 429 (or discord.js foreseeing one) is waited out and tried with a new permit. */
  async function permitted<T>(request: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await deps.budget.withPermit(request);
      } catch (error) {
        if (!(error instanceof RateLimitError) || attempt === MAX_RATE_LIMITED_ATTEMPTS) throw error;
        // A global 429 also paused the budget of every instance (pauseOnGlobalRateLimit); this wait is the request's own.
        await sleep(error.retryAfter);
      }
    }
  }

  async function open(user: UserRef): Promise<{ address: string } | { undeliverable: string }> {
    assertDiscordUser(user);
    try {
      const channel = (await permitted(() =>
        deps.rest.post(Routes.userChannels(), { body: { recipient_id: user.id } }),
      )) as APIChannel;
      return { address: channel.id };
    } catch (error) {
      const reason = unreachableReason(error, UNREACHABLE_USER);
      if (!reason) throw error;
      deps.logger.info('discord user cannot receive DMs', { userId: user.id, reason });
      return { undeliverable: reason };
    }
  }

  async function send(target: DirectTarget, reply: AddressedReply, idempotencyKey: string): Promise<SendResult> {
    assertDiscordUser(target.user);
    const message = renderDiscordReply(reply);
    const sendTo = async (address: string | undefined): Promise<SendResult> => {
      const opened = address ? { address } : await open(target.user);
      if ('undeliverable' in opened) return { status: 'undeliverable', reason: opened.undeliverable };
      return postMessage(opened.address, message, idempotencyKey, UNREACHABLE_USER);
    };
    let result = await sendTo(target.address);
    // A stored DM channel that Discord no longer knows is stale, not a sign the learner is unreachable.
    if (result.status === 'undeliverable' && result.reason === 'discord-unknown-channel' && target.address) {
      result = await sendTo(undefined);
    }
    if (result.status === 'undeliverable')
      deps.logger.info('discord DM undeliverable', { userId: target.user.id, reason: result.reason });
    return result;
  }

  /** The weekly digest: a channel post with no buttons (nobody owns them), pinging no one. */
  async function postToChannel(
    channel: ChannelTarget,
    reply: AddressedReply,
    idempotencyKey: string,
  ): Promise<SendResult> {
    const { buttons: _nobodys, ...unpressable } = reply;
    const message = renderDiscordReply(unpressable);
    const result = await postMessage(channel.channelId, message, idempotencyKey, UNREACHABLE_CHANNEL);
    if (result.status === 'undeliverable') {
      deps.logger.warn('discord channel post refused; give the bot View Channel, Send Messages and Embed Links there', {
        guildId: channel.workspace,
        channelId: channel.channelId,
        reason: result.reason,
      });
    }
    return result;
  }

  async function postMessage(
    channelId: string,
    rendered: DiscordMessagePayload,
    idempotencyKey: string,
    unreachable: ReadonlyMap<number, string>,
  ): Promise<SendResult> {
    // Ephemeral means nothing outside an interaction; a DM is private anyway.
    const { flags: _ephemeral, ...message } = rendered;
    try {
      await permitted(() =>
        deps.rest.post(Routes.channelMessages(channelId), {
          body: { ...message, nonce: nonceFor(idempotencyKey), enforce_nonce: true },
        }),
      );
      return { status: 'sent' };
    } catch (error) {
      const reason = unreachableReason(error, unreachable);
      if (!reason) throw error;
      return { status: 'undeliverable', reason };
    }
  }

  return { platform: 'discord', open, send, postToChannel };
}

/** Discord nonces are at most 25 characters; a hash keeps any key stable and short. */
export function nonceFor(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, NONCE_MAX);
}

function unreachableReason(error: unknown, unreachable: ReadonlyMap<number, string>): string | undefined {
  return error instanceof DiscordAPIError && typeof error.code === 'number' ? unreachable.get(error.code) : undefined;
}

function assertDiscordUser(user: UserRef): void {
  if (user.platform !== 'discord') throw new Error(`Discord messenger asked to reach a ${user.platform} user`);
}
