import { GAP_DAYS_CAPPED } from '../model/path-stat.js';

/**
 * The median whole days from the bucket counts of one resource's gaps (`learnersAt(days)` for 0 to
 * GAP_DAYS_CAPPED, the last bucket holding "that many or more": a median there reads as GAP_DAYS_CAPPED).
 * With an even number of learners it is the mean of the two middle ones; null when there is nobody.
 */
export function medianOfGaps(learnersAt: (days: number) => number): number | null {
  const buckets = Array.from({ length: GAP_DAYS_CAPPED + 1 }, (_, days) => learnersAt(days));
  const total = buckets.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const nth = (position: number) => {
    let seen = 0;
    for (const [days, count] of buckets.entries()) {
      seen += count;
      if (seen >= position) return days;
    }
    return GAP_DAYS_CAPPED;
  };
  const lower = nth(Math.ceil(total / 2));
  return total % 2 === 1 ? lower : (lower + nth(total / 2 + 1)) / 2;
}
