import { constants } from 'node:os';
import type { Logger } from '../ports/logger.js';

export type ShutdownSignal = 'SIGTERM' | 'SIGINT';

export interface ShutdownDeps {
  /** The process in production; an EventEmitter in tests. */
  signals: { on(signal: ShutdownSignal, listener: () => void): unknown };
  exit(code: number): void;
  logger: Logger;
  /** After this long the process exits anyway (1): an orchestrator kills it soon after (Kubernetes: 30 s). */
  timeoutMs: number;
}

/**
 * SIGTERM or SIGINT runs `shutdown` once, then exits 0 (1 if it failed or overran `timeoutMs`).
 * A second signal while stopping exits at once, as someone pressing Ctrl+C twice expects.
 */
export function handleShutdownSignals(deps: ShutdownDeps, shutdown: (signal: ShutdownSignal) => Promise<void>): void {
  let stopping = false;
  const begin = (signal: ShutdownSignal) => {
    if (stopping) {
      deps.logger.warn('second signal while shutting down: exiting now', { signal });
      deps.exit(128 + constants.signals[signal]);
      return;
    }
    stopping = true;
    deps.logger.info('shutting down', { signal });
    const overrun = setTimeout(() => {
      deps.logger.error('shutdown took too long: exiting with work unfinished', { timeoutMs: deps.timeoutMs });
      deps.exit(1);
    }, deps.timeoutMs);
    overrun.unref();
    shutdown(signal).then(
      () => {
        clearTimeout(overrun);
        deps.logger.info('shut down cleanly');
        deps.exit(0);
      },
      (error: unknown) => {
        clearTimeout(overrun);
        deps.logger.error('shutdown failed', { error });
        deps.exit(1);
      },
    );
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) deps.signals.on(signal, () => begin(signal));
}
