import type { AnyMiddlewareArgs, App, Middleware } from '@slack/bolt';
import type { Bot } from '../../src/bot.js';
import type { Logger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import type { AppHome } from './app-home.js';

export interface EventDeps {
  bot: Pick<Bot, 'forgetWorkspace'>;
  home: AppHome;
  store: Store;
  logger: Logger;
}

/**
 * Slack retries an unacknowledged event three times within about five minutes (and Socket Mode
 * redelivers); an hour comfortably covers both. https://docs.slack.dev/apis/events-api/#retries
 */
const EVENT_ID_TTL_MS = 60 * 60_000;

/** Events: App Home, and deleting a workspace's data when the app leaves it. Each event takes effect once. */
export function registerSlackEvents(app: App, deps: EventDeps): void {
  app.use(oncePerEventId(deps.store, deps.logger));

  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    await deps.home.opened({ platform: 'slack', workspace: body.team_id, id: event.user });
  });

  const forget = async (workspace: string, reason: string) => {
    const removed = await deps.bot.forgetWorkspace('slack', workspace);
    deps.logger.info('forgot a Slack workspace', { workspace, reason, learnersRemoved: removed });
  };
  app.event('app_uninstalled', async ({ body }) => forget(body.team_id, 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, body }) => {
    // Revoking user tokens alone leaves the bot installed; only a revoked bot token ends it.
    if ((event.tokens.bot ?? []).length > 0) await forget(body.team_id, 'tokens_revoked');
  });
}

/** Claims each event id before any listener runs; a retry or redelivery of a claimed id stops here. */
export function oncePerEventId(store: Store, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId =
      (body as { type?: string; event_id?: string }).type === 'event_callback'
        ? (body as { event_id?: string }).event_id
        : undefined;
    if (eventId && !(await store.claims.claim(`slack:event:${eventId}`, EVENT_ID_TTL_MS))) {
      logger.info('ignored a Slack event already handled', { eventId });
      return;
    }
    await next();
  };
}
