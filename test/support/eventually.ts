/** How long a test waits for something to happen before it fails: generous, because a busy machine is slow, not wrong. */
export const EVENTUALLY_TIMEOUT_MS = 15_000;

export interface EventuallyOptions {
  /** Fail after this long; keep it well under the test's own timeout so the failure names what was awaited. */
  timeoutMs?: number;
  intervalMs?: number;
  /** What is awaited, for the failure message (evaluated once, when it fails). */
  what?: string | (() => string);
}

/**
 * Runs `assertion` until it returns without throwing, and returns what it returned. When the deadline
 * passes it throws, with the assertion's last error as the cause, so a wait never ends without failing.
 */
export async function eventually<T>(assertion: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<T> {
  const { timeoutMs = EVENTUALLY_TIMEOUT_MS, intervalMs = 20, what } = options;
  const deadline = performance.now() + timeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await assertion();
    } catch (error) {
      if (performance.now() >= deadline) {
        const subject = typeof what === 'function' ? what() : what;
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(`eventually: ${subject ? `${subject}: ` : ''}still failing after ${timeoutMs} ms (${attempt} attempts): ${reason}`, { cause: error });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** `eventually` for a lookup: waits until `find` returns something other than `undefined` or `false`, and returns it. */
export function eventuallyFound<T>(find: () => T | undefined | false | Promise<T | undefined | false>, options: EventuallyOptions = {}): Promise<T> {
  return eventually(async () => {
    const found = await find();
    if (found === undefined || found === false) throw new Error('not found yet');
    return found;
  }, options);
}
