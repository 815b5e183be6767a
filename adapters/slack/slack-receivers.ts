import { HTTPReceiver, SocketModeReceiver, type Logger as BoltLogger, type webApi } from '@slack/bolt';
import type { AdapterHealth } from '../../src/ops/adapter-health.js';
import type { HttpRoute } from '../../src/ops/http-route.js';
import type { Logger } from '../../src/ports/logger.js';
import { refuseFutureTimestamps } from './refuse-future-timestamps.js';
import { refuseMalformedRequests } from './refuse-malformed-requests.js';

export const SLACK_EVENTS_PATH = '/slack/events';

/** Routes served next to /slack/events in HTTP mode (the health check, the dashboard). */
export type { HttpRoute };

/** A receiver and how it is doing: HTTP is up while listening; a socket only while connected. */
export interface SlackReceiver {
  receiver: HTTPReceiver | SocketModeReceiver;
  health: () => AdapterHealth;
}

export function createHttpReceiver(deps: {
  signingSecret: string;
  routes: HttpRoute[];
  logger: Logger;
  boltLogger: BoltLogger;
  now: () => number;
}): SlackReceiver {
  // processBeforeResponse stays false: the ack goes out at once and the work continues in this
  // long-running process, which keeps every answer inside Slack's 3 seconds.
  const receiver = new HTTPReceiver({
    signingSecret: deps.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger: deps.boltLogger,
    customRoutes: deps.routes.map((route) => ({
      // Bolt matches custom routes with path-to-regexp 8: `{/*rest}` is "and everything under it".
      path: route.subpaths ? `${route.path}{/*rest}` : route.path,
      method: [...(route.methods ?? ['GET', 'HEAD'])],
      handler: route.listener,
    })),
  });
  receiver.requestListener = refuseFutureTimestamps(
    refuseMalformedRequests(receiver.requestListener, SLACK_EVENTS_PATH, deps.logger),
    deps.now,
    deps.logger,
  );
  return { receiver, health: () => ({ ok: true, state: 'http' }) };
}

/** Socket Mode, with the socket's state followed from its client's events (connecting, connected, reconnecting…). */
export function createSocketReceiver(deps: {
  appToken: string;
  clientOptions: webApi.WebClientOptions;
  boltLogger: BoltLogger;
}): SlackReceiver {
  const receiver = new SocketModeReceiver({
    appToken: deps.appToken,
    logger: deps.boltLogger,
    installerOptions: { clientOptions: deps.clientOptions },
  });
  let state = 'connecting';
  for (const next of ['connecting', 'connected', 'reconnecting', 'disconnecting', 'disconnected']) {
    receiver.client.on(next, () => void (state = next));
  }
  // A lost socket emits only "close" until the client's reconnect delay (seconds) has passed.
  receiver.client.on('close', () => void (state = 'disconnected'));
  return {
    receiver,
    health: () => (state === 'connected' ? { ok: true, state: 'socket' } : { ok: false, state: `socket-${state}` }),
  };
}
