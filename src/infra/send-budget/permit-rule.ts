import type { SendRate } from '../../ports/send-budget.js';

/**
 * How much longer than its window a permit is counted: the platform counts a send when it arrives, and the
 * few milliseconds between a permit and its request reaching the platform must not put one too many in a window.
 */
export const COUNTED_MARGIN_MS = 20;

/** Times are kept to the microsecond (the Redis script stores them so): a fraction of one is rounding, not a wait. */
export const PRECISION_MS = 0.001;

/** What deciding a permit needs to know about one scope. The Redis script keeps the same three things. */
export interface PermitState {
  /** GCRA's theoretical arrival time: when the next send would be due at an even pace. */
  paceAt: number;
  /** When the permits of the last counted window were granted, oldest first. */
  granted: number[];
  pausedUntil: number;
}

export function emptyPermitState(): PermitState {
  return { paceAt: 0, granted: [], pausedUntil: 0 };
}

/** The figures both implementations (this one and the Redis script) decide a permit by. */
export function permitFigures(rate: SendRate): { countedMs: number; intervalMs: number; toleranceMs: number } {
  assertValidRate(rate);
  const countedMs = rate.windowMs + COUNTED_MARGIN_MS;
  const intervalMs = countedMs / rate.limit;
  return { countedMs, intervalMs, toleranceMs: (rate.burst - 1) * intervalMs };
}

/**
 * Grants a permit at `now` (0, and `state` records it) or says how many milliseconds to wait. A permit is
 * refused while the scope is paused, while `limit` permits were granted within the counted window (a sliding
 * window: the hard limit), or while the even pace (the generic cell rate algorithm, `burst` allowed early)
 * says it is too soon.
 */
export function decidePermit(state: PermitState, now: number, rate: SendRate): number {
  const { countedMs, intervalMs, toleranceMs } = permitFigures(rate);
  if (state.pausedUntil > now) return state.pausedUntil - now;
  while (state.granted.length > 0 && state.granted[0]! <= now - countedMs) state.granted.shift();
  if (state.granted.length >= rate.limit) return state.granted[0]! + countedMs - now;
  const early = state.paceAt - toleranceMs - now;
  if (early > PRECISION_MS) return early;
  state.paceAt = Math.max(state.paceAt, now) + intervalMs;
  state.granted.push(now);
  return 0;
}

export function assertValidRate({ limit, windowMs, burst }: SendRate): void {
  if (!(
    Number.isInteger(limit) &&
    limit >= 1 &&
    windowMs > 0 &&
    Number.isInteger(burst) &&
    burst >= 1 &&
    burst <= limit
  ))
    throw new Error(
      `a send rate needs a whole limit >= 1, windowMs > 0 and a whole burst from 1 to the limit (got ${limit}, ${windowMs}, ${burst})`,
    );
}
