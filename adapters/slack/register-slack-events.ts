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
/**
 * While one delivery of an event is being handled, a concurrent one (a retry, another instance) is dropped;
 * the claim of a holder that died expires after this, before Slack's retry a minute later.
 */
const EVENT_RUN_TTL_MS = 50_000;

/** Events: App Home, and deleting a workspace's data when the app leaves it. Each event takes effect once. */
export function registerSlackEvents(app: App, deps: EventDeps): void {
  app.use(oncePerEventId(deps.store, deps.logger));

  app.event('app_home_opened', async ({ event, body }) => {
    if (event.tab !== 'home') return;
    await deps.home.opened({ platform: 'slack', workspace: body.team_id, id: event.user });
  });

  // Deleting is idempotent (a learner already gone is skipped), so a retry after a failure finishes the job.
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

/**
 * An event id counts as handled only once its listeners succeeded: then a retry or redelivery stops here.
 * While it runs, a claim keeps a concurrent delivery out; when it fails, the claim is let go and the error
 * goes on to the error edge, so Slack's retry runs the work again.
 */
export function oncePerEventId(store: Store, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const eventId =
      (body as { type?: string; event_id?: string }).type === 'event_callback'
        ? (body as { event_id?: string }).event_id
        : undefined;
    if (!eventId) return next();
    if (await store.records.get<boolean>(`slack:event:${eventId}`)) {
      logger.info('ignored a Slack event already handled', { eventId });
      return;
    }
    const running = `slack:event-running:${eventId}`;
    if (!(await store.claims.claim(running, EVENT_RUN_TTL_MS))) {
      logger.info('ignored a Slack event being handled right now', { eventId });
      return;
    }
    try {
      await next();
      await store.records.set(`slack:event:${eventId}`, true, EVENT_ID_TTL_MS);
    } finally {
      await store.claims.release(running).catch((error: unknown) =>
        logger.warn('could not release a Slack event claim; it expires by itself', {
          eventId,
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };
}
