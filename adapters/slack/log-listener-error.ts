import type { App } from '@slack/bolt';
import type { Logger } from '../../src/ports/logger.js';
import { describeError } from './answer-safely.js';

/** Bolt's extended error handler (its last `app.error` overload), whose argument type it does not export. */
type ExtendedErrorHandler = Parameters<App['error']>[0];

interface BodyOutline {
  type?: string;
  command?: string;
  event_id?: string;
  team_id?: string;
  user_id?: string;
  event?: { type?: string; user?: string };
  team?: { id?: string };
  user?: { id?: string };
}

/**
 * Bolt's global error handler: what reaches it escaped every listener (an event's work failed, which its
 * event id's retry will redo). It is logged once with what it was about, never what anyone typed.
 */
export function logListenerError(logger: Logger): ExtendedErrorHandler {
  return async ({ error, body, context }) => {
    const outline = body as BodyOutline;
    logger.error('Slack listener failed', {
      kind: outline.command ? 'command' : outline.type,
      ...(outline.command ? { command: outline.command } : {}),
      ...(outline.event?.type ? { event: outline.event.type, eventId: outline.event_id } : {}),
      workspace: outline.team_id ?? outline.team?.id ?? context.teamId,
      user: outline.user_id ?? outline.user?.id ?? outline.event?.user,
      ...(context.retryNum !== undefined ? { retryNum: context.retryNum } : {}),
      error: describeError(error.original ?? error),
    });
  };
}
