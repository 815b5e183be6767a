import type { Logger } from '../ports/logger.js';

/** The part of `process` the guard listens on; an EventEmitter in tests. */
export interface ProcessEvents {
  on(event: 'uncaughtException', listener: (error: Error, origin: string) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * The last line of defence of a long-running bot: an error nothing caught (a library throwing in a timer,
 * a promise nobody awaited) is logged with its stack and the bot keeps serving everyone else, instead of
 * Node's default of ending the process. Each adapter still handles its own errors first, with context;
 * reaching this guard is a bug to fix, so it logs at error level every time.
 */
export function guardProcess(events: ProcessEvents, logger: Logger): void {
  events.on('uncaughtException', (error, origin) => {
    logger.error('uncaught error; the bot keeps serving', { origin, error });
  });
  events.on('unhandledRejection', (reason) => {
    logger.error('unhandled promise rejection; the bot keeps serving', { error: reason });
  });
}
