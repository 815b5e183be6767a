/**
 * Discord allows a bot 50 requests per second across all routes
 * (https://discord.com/developers/docs/topics/rate-limits#global-rate-limit). Interaction answers do not
 * count against it (same page; discord.js sends them outside its global limiter too), so proactive sends
 * (DM opens, reminders, digests) may use nearly all of it: 48 leaves room for timers that fire late and
 * then together. `npm run bench` measured 0.96 of the limit with no 429; the old 40 reached only 0.8.
 */
export const DEFAULT_SENDS_PER_SECOND = 48;

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
