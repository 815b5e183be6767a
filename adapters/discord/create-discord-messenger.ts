import { createHash } from 'node:crypto';
import { DiscordAPIError, RESTJSONErrorCodes, Routes } from 'discord.js';
import type { APIChannel, REST } from 'discord.js';
import type { UserRef } from '../../src/model/invocation.js';
import type { Reply } from '../../src/model/reply.js';
import type { DirectMessenger, DirectTarget, SendResult } from '../../src/ports/direct-messenger.js';
import type { Logger } from '../../src/ports/logger.js';
import { NONCE_MAX } from './discord-limits.js';
import { renderDiscordReply } from './render-discord-reply.js';

/** Discord answers that mean "this person cannot be reached", so retrying is pointless (and counts as invalid requests). */
const UNREACHABLE: ReadonlyMap<number, string> = new Map([
  [RESTJSONErrorCodes.CannotSendMessagesToThisUser, 'discord-dms-closed'],
  [RESTJSONErrorCodes.UnknownUser, 'discord-unknown-user'],
  [RESTJSONErrorCodes.UnknownChannel, 'discord-unknown-channel'],
]);

export interface DiscordMessengerDeps {
  rest: REST;
  logger: Logger;
  /** The learning path whose buttons a DM carries when the target does not name one. */
  defaultPath: string;
}

/**
 * DMs over REST: `open` creates the DM channel (its id is the address to store), `send` posts to it
 * with a nonce derived from the idempotency key and `enforce_nonce`, so a retried send cannot post twice.
 * 429s are waited out and retried by discord.js's REST client; other failures throw.
 */
export function createDiscordMessenger(deps: DiscordMessengerDeps): DirectMessenger {
  async function open(user: UserRef): Promise<{ address: string } | { undeliverable: string }> {
    assertDiscordUser(user);
    try {
      const channel = (await deps.rest.post(Routes.userChannels(), { body: { recipient_id: user.id } })) as APIChannel;
      return { address: channel.id };
    } catch (error) {
      const reason = unreachableReason(error);
      if (!reason) throw error;
      deps.logger.info('discord user cannot receive DMs', { userId: user.id, reason });
      return { undeliverable: reason };
    }
  }

  async function send(target: DirectTarget, reply: Reply, idempotencyKey: string): Promise<SendResult> {
    assertDiscordUser(target.user);
    const opened = target.address ? { address: target.address } : await open(target.user);
    if ('undeliverable' in opened) return { status: 'undeliverable', reason: opened.undeliverable };
    // Ephemeral means nothing outside an interaction; a DM is private anyway.
    const { flags: _ephemeral, ...message } = renderDiscordReply(reply, target.user.id, pathOf(target, deps.defaultPath));
    try {
      await deps.rest.post(Routes.channelMessages(opened.address), {
        body: { ...message, nonce: nonceFor(idempotencyKey), enforce_nonce: true },
      });
      return { status: 'sent' };
    } catch (error) {
      const reason = unreachableReason(error);
      if (!reason) throw error;
      deps.logger.info('discord DM undeliverable', { userId: target.user.id, reason });
      return { status: 'undeliverable', reason };
    }
  }

  return { platform: 'discord', open, send };
}

/** Discord nonces are at most 25 characters; a hash keeps any key stable and short. */
export function nonceFor(idempotencyKey: string): string {
  return createHash('sha256').update(idempotencyKey).digest('base64url').slice(0, NONCE_MAX);
}

function unreachableReason(error: unknown): string | undefined {
  return error instanceof DiscordAPIError && typeof error.code === 'number' ? UNREACHABLE.get(error.code) : undefined;
}

/** A target may name its path (when the core adds `path` to DirectTarget); otherwise the default path. */
function pathOf(target: DirectTarget, defaultPath: string): string {
  return 'path' in target && typeof target.path === 'string' ? target.path : defaultPath;
}

function assertDiscordUser(user: UserRef): void {
  if (user.platform !== 'discord') throw new Error(`Discord messenger asked to reach a ${user.platform} user`);
}
