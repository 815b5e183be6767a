const MINUTE_MS = 60_000;

/** The UTC minute a reminder (or digest) instant is filed under in the due index. */
export function minuteOf(epochMs: number): number {
  return Math.floor(epochMs / MINUTE_MS);
}
