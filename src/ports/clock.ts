/** The only source of "now" in the core, so tests can walk a year in a second. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
