import type { CommandContext } from './command-context.js';
import type { Reply } from '../model/reply.js';
import { UserError } from '../model/user-error.js';
import type { Logger } from '../ports/logger.js';
import { StoreTimeoutError, StoreUnavailableError } from '../ports/store.js';
import { STORE_UNAVAILABLE_REPLY, unconfirmedReply } from '../views/store-failure-reply.js';

/**
 * Expected failures become a private reply, and so does a store outage (it passes by itself);
 * anything else is the adapter's to log and apologise for.
 */
export async function answer(logger: Logger, path: string, work: () => Promise<Reply>): Promise<Reply> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserError) return errorReply(error);
    // The store logged the timeout itself, once, with the operation.
    if (error instanceof StoreTimeoutError)
      return error.outcomeUnknown ? unconfirmedReply(path.toLowerCase()) : STORE_UNAVAILABLE_REPLY;
    if (error instanceof StoreUnavailableError) {
      logger.warn('command refused: store unavailable', { operation: error.message });
      return STORE_UNAVAILABLE_REPLY;
    }
    throw error;
  }
}

export function errorReply(error: UserError): Reply {
  return { visibility: 'private', tone: 'error', text: error.hint ? `${error.message}\n${error.hint}` : error.message };
}

export function withNotices(context: CommandContext, reply: Reply): Reply {
  const { notices } = context.learner;
  return notices.length === 0
    ? reply
    : { ...reply, text: [...notices.map((notice) => `⚠️ ${notice}`), reply.text].filter(Boolean).join('\n\n') };
}
