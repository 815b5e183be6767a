import type { FunnelStep } from '../ports/community-stats.js';

/** Where the most learners stopped: they reached step `index - 1` but not step `index`. */
export interface DropOff {
  /** The step they did not reach. */
  index: number;
  /** How many reached the step before it and not this one. */
  lost: number;
}

/** The step after which most learners stop; undefined when nobody stopped anywhere (or there is one step). */
export function biggestDropOff(steps: readonly FunnelStep[]): DropOff | undefined {
  let biggest: DropOff | undefined;
  for (let index = 1; index < steps.length; index += 1) {
    const lost = steps[index - 1]!.reached - steps[index]!.reached;
    // The first such step wins a tie: that is where people stop first.
    if (lost > 0 && (!biggest || lost > biggest.lost)) biggest = { index, lost };
  }
  return biggest;
}
