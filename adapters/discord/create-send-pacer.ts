/**
 * Discord allows a bot 50 requests per second across all routes
 * (https://discord.com/developers/docs/topics/rate-limits#global-rate-limit). Proactive sends
 * (reminders, digests) are spaced to a lower rate so interaction answers always find room.
 */
export const DEFAULT_SENDS_PER_SECOND = 40;

/** Resolves when the next send may go; calls are spaced evenly, in the order they asked. */
export type SendPacer = () => Promise<void>;

export function createSendPacer(perSecond: number = DEFAULT_SENDS_PER_SECOND): SendPacer {
  if (!(perSecond > 0)) throw new Error(`sends per second must be positive, got ${perSecond}`);
  const spacingMs = 1000 / perSecond;
  let nextAt = 0;
  return async () => {
    const now = Date.now();
    const at = Math.max(now, nextAt);
    nextAt = at + spacingMs;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}
