import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../../src/ports/logger.js';
import { MAX_REQUEST_AGE_SECONDS } from './slack-limits.js';

/**
 * Bolt refuses signed requests older than five minutes but accepts any from the future, so a captured
 * request with a forged-ahead clock could be replayed for as long as its timestamp lies ahead.
 * This wrapper answers 401 to those before Bolt sees them; Bolt still checks signature and age.
 */
export function refuseFutureTimestamps(listener: RequestListener, now: () => number, logger: Logger): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    const header = request.headers['x-slack-request-timestamp'];
    const timestamp = typeof header === 'string' ? Number(header) : Number.NaN;
    if (Number.isFinite(timestamp) && timestamp > Math.floor(now() / 1000) + MAX_REQUEST_AGE_SECONDS) {
      logger.warn('refused a Slack request dated in the future', {
        path: request.url,
        aheadSeconds: timestamp - Math.floor(now() / 1000),
      });
      request.resume();
      request.on('end', () => {
        response.writeHead(401);
        response.end();
      });
      return;
    }
    listener(request, response);
  };
}
