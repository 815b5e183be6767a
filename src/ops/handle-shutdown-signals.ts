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

/** Starts the shutdown from something other than a signal (a parent process asking); once, whatever else asks. */
export interface ShutdownRequests {
  request(reason: string): void;
}

/**
 * SIGTERM or SIGINT (or a request) runs `shutdown` once, then exits 0 (1 if it failed or overran
 * `timeoutMs`). A second signal while stopping exits at once, as someone pressing Ctrl+C twice expects.
 */
export function handleShutdownSignals(
  deps: ShutdownDeps,
  shutdown: (reason: string) => Promise<void>,
): ShutdownRequests {
  let stopping = false;
  let signalled = false;
  const onSignal = (signal: ShutdownSignal) => {
    if (signalled) {
      deps.logger.warn('second signal while shutting down: exiting now', { signal });
      deps.exit(128 + constants.signals[signal]);
      return;
    }
    signalled = true;
    // Already stopping at a parent's request: this is the same shutdown, a signal counts from here.
    if (!stopping) begin(signal, { signal });
  };
  const begin = (reason: string, fields: Record<string, unknown>) => {
    stopping = true;
    deps.logger.info('shutting down', fields);
    const overrun = setTimeout(() => {
      deps.logger.error('shutdown took too long: exiting with work unfinished', { timeoutMs: deps.timeoutMs });
      deps.exit(1);
    }, deps.timeoutMs);
    overrun.unref();
    shutdown(reason).then(
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
  for (const signal of ['SIGTERM', 'SIGINT'] as const) deps.signals.on(signal, () => onSignal(signal));
  return {
    request: (reason) => void (stopping || begin(reason, { reason })),
  };
}
