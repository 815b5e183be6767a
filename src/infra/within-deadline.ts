/** How a call that had already missed its deadline ended. */
export type LateOutcome = { ok: true } | { ok: false; error: unknown };

/**
 * Settles as `work` does, unless `timeoutMs` pass first: then it rejects with `expired()` at once, and how
 * `work` ends later goes to `late` (never to an unhandled rejection). The timer goes as soon as either happens.
 * Nothing stops `work` itself: a hung server may still answer, and a write may still land (FIELD-NOTES: the
 * Redis client's own timeout does not end a command already sent).
 */
export async function withinDeadline<T>(
  work: Promise<T>,
  timeoutMs: number,
  expired: () => Error,
  late: (outcome: LateOutcome) => void = () => undefined,
): Promise<T> {
  let missed = false;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      missed = true;
      reject(expired());
    }, timeoutMs);
  });
  void work.then(
    () => missed && late({ ok: true }),
    (error: unknown) => missed && late({ ok: false, error }),
  );
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
