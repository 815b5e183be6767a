import type { SendRate } from '../../ports/send-budget.js';

/**
 * How much longer than its window a permit is counted: clocks that round to the millisecond (the platform's
 * when it logs an arrival) must not put one send too many in a window.
 */
export const COUNTED_MARGIN_MS = 5;

/** Times are kept to the microsecond (the Redis script stores them so): a fraction of one is rounding, not a wait. */
export const PRECISION_MS = 0.001;

/** A permit still counted: since its grant, and once its send was answered, since then. */
export interface CountedPermit {
  id: string;
  at: number;
}

/** What deciding a permit needs to know about one scope. The Redis script keeps the same three things. */
export interface PermitState {
  /** GCRA's theoretical arrival time: when the next send would be due at an even pace. */
  paceAt: number;
  /** The permits of the last counted window, oldest first. */
  counted: CountedPermit[];
  pausedUntil: number;
}

export function emptyPermitState(): PermitState {
  return { paceAt: 0, counted: [], pausedUntil: 0 };
}

/** The figures both implementations (this one and the Redis script) decide a permit by. */
export function permitFigures(rate: SendRate): { countedMs: number; intervalMs: number; toleranceMs: number } {
  assertValidRate(rate);
  const countedMs = rate.windowMs + COUNTED_MARGIN_MS;
  const intervalMs = countedMs / rate.limit;
  return { countedMs, intervalMs, toleranceMs: (rate.burst - 1) * intervalMs };
}

/**
 * Grants permit `id` at `now` (0, and `state` counts it) or says how many milliseconds to wait. A permit is
 * refused while the scope is paused, while `limit` permits are counted within the window (a sliding window:
 * the hard limit), or while the even pace (the generic cell rate algorithm, `burst` allowed early) says it
 * is too soon.
 */
export function decidePermit(state: PermitState, now: number, rate: SendRate, id: string): number {
  const { countedMs, intervalMs, toleranceMs } = permitFigures(rate);
  if (state.pausedUntil > now) return state.pausedUntil - now;
  while (state.counted.length > 0 && state.counted[0]!.at <= now - countedMs) state.counted.shift();
  if (state.counted.length >= rate.limit) return state.counted[0]!.at + countedMs - now;
  const early = state.paceAt - toleranceMs - now;
  if (early > PRECISION_MS) return early;
  state.paceAt = Math.max(state.paceAt, now) + intervalMs;
  state.counted.push({ id, at: now });
  return 0;
}

/**
 * The send of permit `id` was answered (or failed) at `now`: the permit counts from then for another window.
 * The platform saw the request somewhere between the grant and the answer; counted from the answer, no delay
 * on the way (a cold connection, a stalled event loop, a retry) can put it in a window the budget thought free.
 */
export function settlePermit(state: PermitState, now: number, id: string): void {
  state.counted = state.counted.filter((permit) => permit.id !== id);
  state.counted.push({ id, at: now });
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
