import { RESTEvents, type RateLimitData, type REST } from 'discord.js';
import type { Logger } from '../../src/ports/logger.js';
import type { SendBudget, SendBudgets, SendRate } from '../../src/ports/send-budget.js';

/**
 * Discord allows a bot 50 requests per second across all routes, whatever number of processes and shards
 * send them (https://discord.com/developers/docs/topics/rate-limits#global-rate-limit). Interaction answers
 * do not count against it (same page; discord.js sends them outside its global limiter too), so proactive
 * sends (DM opens, reminders, digests) may use nearly all of it. `npm run bench`: one process reached 0.96 of
 * the limit at 48, three sharing the budget 0.91 (a permit counts until its request is answered).
 */
export const DEFAULT_SENDS_PER_SECOND = 48;

/** One budget per bot: every instance and shard on the same store takes from it. */
export const DISCORD_BUDGET_SCOPE = 'discord';

/**
 * The pace of a bot's proactive sends, for the whole deployment: `perSecond` in any second, evenly spaced.
 * A burst of two lets a send that was told its moment a little late keep to the pace instead of losing it.
 */
export function discordSendRate(perSecond: number = DEFAULT_SENDS_PER_SECOND): SendRate {
  return { limit: perSecond, windowMs: 1000, burst: Math.min(2, perSecond) };
}

/** The bot's budget of proactive sends. */
export function discordSendBudget(budgets: SendBudgets, perSecond?: number): SendBudget {
  return budgets.scope(DISCORD_BUDGET_SCOPE, discordSendRate(perSecond));
}

/** The routes of proactive sends: a DM channel opened, a message posted (a DM or a digest). */
const PROACTIVE_ROUTES = new Set(['/users/@me/channels', '/channels/:id/messages']);

/**
 * Told to discord.js as `rejectOnRateLimit`: a proactive send that is (or would be) rate limited fails with a
 * RateLimitError instead of being retried inside discord.js, so the messenger tries it again with a permit of
 * its own; a retry that took none would be one request over the budget. Interaction answers are waited out as before.
 */
export function isProactiveRequest(limited: RateLimitData): boolean {
  return limited.method.toUpperCase() === 'POST' && PROACTIVE_ROUTES.has(limited.route);
}

/** Pauses the budget (every instance's, on a shared store) whenever Discord answers with its global 429, for as long as it says. */
export function pauseOnGlobalRateLimit(rest: REST, budget: SendBudget, logger: Logger): void {
  rest.on(RESTEvents.Response, (_request, response) => {
    if (response.status !== 429 || response.headers.get('x-ratelimit-global') === null) return;
    const pauseMs = Number(response.headers.get('retry-after') ?? 1) * 1000;
    budget
      .pause(pauseMs)
      .catch((error: unknown) =>
        logger.warn('could not pause the shared send budget after a global 429', { pauseMs, error }),
      );
  });
}
