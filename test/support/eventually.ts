/** How long a test waits for something to happen before it fails: generous, because a busy machine is slow, not wrong. */
export const EVENTUALLY_TIMEOUT_MS = 15_000;

export interface EventuallyOptions {
  /** Fail after this long; keep it well under the test's own timeout so the failure names what was awaited. */
  timeoutMs?: number;
  intervalMs?: number;
  /** What is awaited, for the failure message (evaluated once, when it fails). */
  what?: string | (() => string);
  /** Stop early, failing, once this is true: what is awaited can no longer happen (say, the process exited). */
  hopeless?: () => boolean;
}

/**
 * Runs `assertion` until it returns without throwing, and returns what it returned. When the deadline
 * passes it throws, with the assertion's last error as the cause, so a wait never ends without failing.
 */
export async function eventually<T>(assertion: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<T> {
  const { timeoutMs = EVENTUALLY_TIMEOUT_MS, intervalMs = 20, what, hopeless = () => false } = options;
  const deadline = performance.now() + timeoutMs;
  for (let attempt = 1; ; attempt += 1) {
    // Decided before the attempt, so the last one still sees whatever arrived in the meantime.
    const late = performance.now() >= deadline;
    const lastChance = late || hopeless();
    try {
      return await assertion();
    } catch (error) {
      if (lastChance) {
        const subject = typeof what === 'function' ? what() : what;
        const reason = error instanceof Error ? error.message : String(error);
        const when = late ? `after ${timeoutMs} ms` : 'and can no longer pass';
        throw new Error(
          `eventually: ${subject ? `${subject}: ` : ''}still failing ${when} (${attempt} attempts): ${reason}`,
          { cause: error },
        );
      }
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** `eventually` for a lookup: waits until `find` returns something other than `undefined` or `false`, and returns it. */
export function eventuallyFound<T>(
  find: () => T | undefined | false | Promise<T | undefined | false>,
  options: EventuallyOptions = {},
): Promise<T> {
  return eventually(async () => {
    const found = await find();
    if (found === undefined || found === false) throw new Error('not found yet');
    return found;
  }, options);
}
