import { RESTEvents } from 'discord.js';
import type { REST } from 'discord.js';
import type { Logger } from '../../src/ports/logger.js';

const TOO_MANY_REQUESTS = 429;

/**
 * discord.js waits out rate limits by itself; this makes them visible. A 429 it did not foresee shows
 * only as a response, a bucket it knows is exhausted as `rateLimited`. Routes are logged in their
 * generalised form ("/interactions/:id/:token/callback"), never with a token in them.
 */
export function logRateLimits(rest: REST, logger: Logger): void {
  rest.on(RESTEvents.Response, (request, response) => {
    if (response.status !== TOO_MANY_REQUESTS) return;
    logger.warn('discord rate limited', {
      method: request.method,
      route: request.route,
      retryAfterS: Number(response.headers.get('retry-after')),
      scope: response.headers.get('x-ratelimit-scope'),
    });
  });
  rest.on(RESTEvents.RateLimited, (info) =>
    logger.warn('discord rate limit reached, waiting', {
      method: info.method,
      route: info.route,
      waitMs: info.timeToReset,
      global: info.global,
    }),
  );
}
