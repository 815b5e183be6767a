/** How a call that had already missed its deadline ended. */
export type LateOutcome = { ok: true } | { ok: false; error: unknown };

/**
 * Settles as `work` does, unless `timeoutMs` pass first: then it rejects with `expired()` at once, and how
 * `work` ends later goes to `late` (never to an unhandled rejection). The timer goes as soon as either happens.
 * Nothing stops `work` itself: a hung server may still answer, and a write may still land (FIELD-NOTES: the
 * Redis client's own timeout does not end a command already sent).
 */
export function withinDeadline<T>(
  work: Promise<T>,
  timeoutMs: number,
  expired: () => Error,
  late: (outcome: LateOutcome) => void = () => undefined,
): Promise<T> {
  // One promise and one timer a call (every store call passes here, twice a write command); the callbacks
  // are written inline, as a named one would be given its name again on every call when run through tsx.
  return new Promise<T>((resolve, reject) => {
    let missed = false;
    const timer = setTimeout(() => {
      missed = true;
      reject(expired());
    }, timeoutMs);
    work.then(
      () => {
        if (missed) return late({ ok: true });
        clearTimeout(timer);
        resolve(work);
      },
      (error: unknown) => {
        if (missed) return late({ ok: false, error });
        clearTimeout(timer);
        resolve(work);
      },
    );
  });
}
