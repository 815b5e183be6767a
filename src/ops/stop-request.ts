import type { Logger } from '../ports/logger.js';
import type { ShutdownRequests } from './handle-shutdown-signals.js';

/**
 * The IPC message a parent process (the Discord sharding manager) sends a child to ask it to stop.
 * Unlike a signal it is idempotent: a Ctrl+C that reached the child too does not make it a "second signal".
 */
export const STOP_REQUEST = { type: 'pathbot:stop' } as const;

export function isStopRequest(message: unknown): boolean {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === STOP_REQUEST.type;
}

/** Started by `npm run discord:shards`: the manager asks over IPC to stop; if it is gone, nobody will. */
export function obeyShardingManager(shutdown: ShutdownRequests, logger: Logger): void {
  process.on('message', (message) => isStopRequest(message) && shutdown.request('asked by the sharding manager'));
  process.on('disconnect', () => shutdown.request('the sharding manager is gone'));
  // discord.js tells the manager about gateway changes without a callback: once it is gone, that must not crash us.
  process.on('error', (error: Error) =>
    logger.debug('message to the sharding manager not delivered', { error: error.message }),
  );
}
