import type { SendRate } from '../../ports/send-budget.js';
import { decidePermit, emptyPermitState, permitFigures, settlePermit, type PermitState } from './permit-rule.js';

/**
 * Where permits come from: this process (an embedded store) or a shared store (Redis), by one rule
 * (permit-rule.ts). A try grants a permit or says how long to wait; it never waits itself.
 */
export interface PermitSource {
  /** True when other processes take from the same permits. */
  readonly shared: boolean;
  /** 0 when permit `id` of `scope` was granted now, otherwise the milliseconds to wait before trying again. */
  tryPermit(scope: string, rate: SendRate, id: string): Promise<number>;
  /** The send of permit `id` has been answered (or failed): it counts for one more window from now. */
  settle(scope: string, rate: SendRate, id: string): Promise<void>;
  /** No permit of `scope` is granted for the next `ms` (a longer pause already set stays). */
  pause(scope: string, ms: number): Promise<void>;
}

/** Permits this process keeps to itself, by its own clock (real time: sends happen now, whatever the store's clock says). */
export function localPermits(now: () => number = Date.now): PermitSource {
  const states = new Map<string, PermitState>();
  const stateOf = (scope: string) => {
    let state = states.get(scope);
    if (!state) states.set(scope, (state = emptyPermitState()));
    return state;
  };
  return {
    shared: false,
    tryPermit: async (scope, rate, id) => decidePermit(stateOf(scope), now(), rate, id),
    async settle(scope, rate, id) {
      permitFigures(rate);
      settlePermit(stateOf(scope), now(), id);
    },
    async pause(scope, ms) {
      const state = stateOf(scope);
      state.pausedUntil = Math.max(state.pausedUntil, now() + ms);
    },
  };
}
