import type { Clock } from '../../src/ports/clock.js';

/** A clock tests move by hand. */
export interface FakeClock extends Clock {
  set(epochMs: number): void;
  advance(ms: number): void;
}

export function createFakeClock(start: number): FakeClock {
  let now = start;
  return {
    now: () => now,
    set: (epochMs) => void (now = epochMs),
    advance: (ms) => void (now += ms),
  };
}
