import type { AddressedReply } from '../../src/model/reply.js';
import type { Logger } from '../../src/ports/logger.js';

export const APOLOGY: AddressedReply = {
  visibility: 'private',
  tone: 'error',
  text: 'Sorry, something went wrong on our side. Please try again in a moment.',
};

/** What a failure is logged with: what was asked (kind, command or action) and by whom, where. Never what they typed. */
export type FailureContext = Record<string, string | undefined> & { workspace: string; user: string };

/**
 * The Slack adapter's one error edge for anything a person asked (a slash command, a button, a DM):
 * `work` produces the core's reply and `deliver` renders and sends it. Expected failures (UserErrors) are
 * already private replies from the core; anything else is logged once, with `context`, and answered with
 * the apology. A reply that cannot be delivered is logged too, and the apology is tried in its place. `work`
 * gives no reply when it answered another way (it opened a form).
 */
export async function answerSafely(
  logger: Logger,
  failure: { message: string; context: FailureContext },
  work: () => Promise<AddressedReply | undefined>,
  deliver: (reply: AddressedReply) => Promise<void>,
): Promise<void> {
  const logFailure = (error: unknown, extra: Record<string, unknown> = {}) =>
    logger.error(failure.message, { ...failure.context, ...extra, error: describeError(error) });
  let reply: AddressedReply | undefined;
  try {
    reply = await work();
  } catch (error) {
    logFailure(error);
    reply = APOLOGY;
  }
  if (!reply) return;
  try {
    await deliver(reply);
  } catch (error) {
    logFailure(error, { stage: 'delivering the answer' });
    if (reply !== APOLOGY) await deliver(APOLOGY).catch(() => undefined);
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
