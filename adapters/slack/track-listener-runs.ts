import type { App } from '@slack/bolt';

/** Waits for listener runs still under way; resolves after `timeoutMs` at the latest. */
export interface ListenerRuns {
  drain(timeoutMs: number): Promise<void>;
}

/**
 * Listeners acknowledge first and answer afterwards (on the response_url), so a request being
 * acknowledged does not mean its work is done. A global middleware sees each run to its end.
 */
export function trackListenerRuns(app: App): ListenerRuns {
  const running = new Set<Promise<void>>();
  app.use(async ({ next }) => {
    const run = next();
    running.add(run);
    try {
      await run;
    } finally {
      running.delete(run);
    }
  });
  return {
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
      await Promise.race([Promise.allSettled([...running]), timeout]);
      clearTimeout(timer);
    },
  };
}
