import type { AddressInfo } from 'node:net';
import { App, webApi } from '@slack/bolt';
import type { Bot } from '../../src/bot.js';
import type { SlackSettings } from '../../src/config.js';
import type { AdapterHealth } from '../../src/ops/adapter-health.js';
import { StartUpError } from '../../src/ops/start-up-error.js';
import type { DirectMessenger } from '../../src/ports/direct-messenger.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import { createAppHome } from './app-home.js';
import { registerSlackEvents } from './register-slack-events.js';
import { logListenerError } from './log-listener-error.js';
import { registerSlackListeners } from './register-slack-listeners.js';
import { registerSlackMessages } from './register-slack-messages.js';
import { createModalOpener, registerSettingsForms } from './register-settings-forms.js';
import { createPostAttempts } from './post-attempts.js';
import { createSlackDirectMessenger } from './slack-direct-messenger.js';
import { createProfileLookup } from './slack-profiles.js';
import { createHttpReceiver, createSocketReceiver, type HttpRoute } from './slack-receivers.js';
import { toBoltLogger } from './to-bolt-logger.js';
import { trackListenerRuns } from './track-listener-runs.js';
import { slackSendRate, workspaceSendBudgets } from './workspace-send-budgets.js';

export { SLACK_EVENTS_PATH, type HttpRoute } from './slack-receivers.js';

/** What the Slack adapter needs: the configuration's `slack` settings (already checked there), plus where to listen. */
export interface SlackOptions extends SlackSettings {
  port: number;
  /** Interface to listen on in HTTP mode; all interfaces when unset. */
  host?: string;
  /** GET routes served on the same port in HTTP mode (the health check); Socket Mode listens on none. */
  httpRoutes?: HttpRoute[];
  /** How long a Web API call may take before it counts as failed (outcome unknown for a post); 10 s by default. */
  apiTimeoutMs?: number;
}

const DEFAULT_API_TIMEOUT_MS = 10_000;

export interface SlackDeps {
  bot: Bot;
  store: Store;
  logger: Logger;
  options: SlackOptions;
  /** Injected in tests; real time otherwise. */
  now?: () => number;
}

export interface RunningSlack {
  messenger: DirectMessenger;
  app: App;
  /** The port actually listened on in HTTP mode (useful with port 0). */
  port?: number;
  /** "http" while listening; "socket" while the socket is connected (socket-reconnecting… otherwise); "stopped". */
  health: () => AdapterHealth;
  /** Stops taking requests, then waits (briefly) for answers still being worked on. */
  stop: () => Promise<void>;
}

/** Answers still being worked on after their ack get this long at shutdown. */
const DRAIN_TIMEOUT_MS = 5_000;

/** Starts the Bolt app (Socket Mode or HTTP), wires it to the bot and returns the DirectMessenger for reminders. */
export async function startSlack(deps: SlackDeps): Promise<RunningSlack> {
  const { bot, store, options } = deps;
  const now = deps.now ?? Date.now;
  const logger = deps.logger.child({ platform: 'slack' });
  const boltLogger = toBoltLogger(logger);
  const base = {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    logger: boltLogger,
    timeout: options.apiTimeoutMs ?? DEFAULT_API_TIMEOUT_MS,
  };
  // A 429 must not stall a slash command for a minute inside the client: fail fast, retry transient errors briefly.
  const clientOptions: webApi.WebClientOptions = {
    ...base,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2000 },
  };
  const socketMode = Boolean(options.appToken);
  const { receiver, health } = options.appToken
    ? createSocketReceiver({ appToken: options.appToken, clientOptions, boltLogger })
    : createHttpReceiver({
        signingSecret: options.signingSecret,
        routes: options.httpRoutes ?? [],
        logger,
        boltLogger,
        now,
      });
  const app = new App({
    token: options.botToken,
    receiver,
    clientOptions,
    logger: boltLogger,
    deferInitialization: true,
    extendedErrorHandler: true,
  });
  // init() checks the bot token with auth.test before anything listens.
  await app.init().catch((error: unknown) => {
    throw new StartUpError(authTestFailure(error), { cause: error });
  });
  app.error(logListenerError(logger));
  const runs = trackListenerRuns(app);

  // The app's client retries by itself, which suits reads and views.publish (each replaces the last). A post
  // repeated after an answer that came too late would be a second message: every post goes through this one,
  // which neither retries nor waits out a 429 by itself (the messenger paces, and looks before it posts again).
  const poster = new webApi.WebClient(options.botToken, {
    ...base,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
  const home = createAppHome({ bot, client: app.client, store, logger });
  const profiles = createProfileLookup({ client: app.client, adminUserIds: options.adminUserIds, logger, now });
  registerSlackEvents(app, { bot, home, store, logger });
  registerSettingsForms(app, { bot, home, profiles, client: app.client, logger });
  registerSlackListeners(app, { bot, home, profiles, poster, openModal: createModalOpener(app.client), logger });
  registerSlackMessages(app, { bot, home, profiles, poster, logger });

  const messenger = createPacedMessenger(options, { client: poster, store, now, logger });
  bot.registerMessenger(messenger);

  const port = await listen(app, socketMode, options);
  logger.info('Slack adapter started', {
    mode: socketMode ? 'socket' : 'http',
    ...(port !== undefined ? { port } : {}),
    sendBudget: store.sendBudgets.shared ? 'shared by every instance on the store' : 'this process',
  });
  let stopped = false;
  return {
    messenger,
    app,
    ...(port !== undefined ? { port } : {}),
    health: () => (stopped ? { ok: false, state: 'stopped' } : health()),
    async stop() {
      stopped = true;
      await app.stop();
      await runs.drain(DRAIN_TIMEOUT_MS);
    },
  };
}

/**
 * Reminders and digests, each posted once (see createSlackDirectMessenger), paced per workspace by the store's
 * send budgets: every instance on a shared store keeps to the one SLACK_MESSAGES_PER_MINUTE together.
 */
function createPacedMessenger(
  options: SlackOptions,
  deps: { client: webApi.WebClient; store: Store; now: () => number; logger: Logger },
): DirectMessenger {
  return createSlackDirectMessenger({
    client: deps.client,
    budgetFor: workspaceSendBudgets(deps.store.sendBudgets, slackSendRate(options.workspaceMessagesPerMinute)),
    attempts: createPostAttempts(deps.store.records),
    now: deps.now,
    logger: deps.logger,
  });
}

async function listen(app: App, socketMode: boolean, options: SlackOptions): Promise<number | undefined> {
  if (socketMode) {
    await app.start();
    return undefined;
  }
  const server = await app.start(options.host ? { port: options.port, host: options.host } : options.port);
  return (server.address() as AddressInfo).port;
}

/** Web API errors that mean the token itself is refused. https://docs.slack.dev/reference/methods/auth.test */
const REFUSED_TOKEN_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
]);

/** Why auth.test failed, for the person starting the bot: never the token itself. */
function authTestFailure(error: unknown): string {
  const code = (error as { data?: { error?: unknown } } | undefined)?.data?.error;
  if (typeof code === 'string' && REFUSED_TOKEN_ERRORS.has(code)) {
    return `Slack refused SLACK_BOT_TOKEN (auth.test: ${code}); copy the Bot User OAuth Token again from your app's OAuth & Permissions page.`;
  }
  if (typeof code === 'string') return `Slack answered auth.test with ${code}.`;
  return `cannot check SLACK_BOT_TOKEN with Slack (auth.test): ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`;
}
