export type RaceResult<T> = { settled: true; value: T } | { settled: false };

/**
 * Waits for `work` at most `ms`. A rejection before the deadline is thrown; after it, the caller
 * still holds `work` and sees the rejection when it awaits it.
 */
export async function raceDeadline<T>(work: Promise<T>, ms: number): Promise<RaceResult<T>> {
  // A late rejection belongs to whoever awaits `work` next; if nobody does (the deferral itself failed,
  // or autocomplete gave up), it must not crash the process as an unhandled rejection.
  work.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<RaceResult<T>>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), ms);
  });
  try {
    return await Promise.race([work.then((value): RaceResult<T> => ({ settled: true, value })), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
