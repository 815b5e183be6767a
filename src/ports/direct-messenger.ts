import type { Platform, UserRef } from '../model/invocation.js';
import type { AddressedReply } from '../model/reply.js';

/** Where a direct message goes: the learner, plus the address stored when they turned reminders on. */
export interface DirectTarget {
  user: UserRef;
  address?: string;
}

export type SendResult = { status: 'sent' } | { status: 'undeliverable'; reason: string };

/**
 * Proactive messages (reminders). Each adapter implements it for its platform.
 * Transient failures throw; "this person cannot be reached" is a result, not an error.
 */
export interface DirectMessenger {
  readonly platform: Platform;
  /** Prepares delivery when reminders are turned on (Discord opens the DM channel); returns the address to store. */
  open(user: UserRef): Promise<{ address?: string } | { undeliverable: string }>;
  /** `idempotencyKey` is stable for one logical message, so a retry cannot duplicate it where the platform allows. */
  send(target: DirectTarget, reply: AddressedReply, idempotencyKey: string): Promise<SendResult>;
  /** Posts in a channel (the weekly digest); notifies no one. Adapters that cannot post leave it out. */
  postToChannel?(channel: ChannelTarget, reply: AddressedReply, idempotencyKey: string): Promise<SendResult>;
}

/** A channel of a workspace, for posts the bot makes on its own. */
export interface ChannelTarget {
  workspace: string;
  channelId: string;
}
