/** Sleeps for `ms`; injected so tests can run a budget on a fake clock. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.ceil(ms)));

/** One try at a permit: 0 when it was granted, otherwise how many milliseconds to wait before trying again. */
export type TryPermit = () => number | Promise<number>;

export interface InTurnOptions {
  sleep: Sleep;
  /** Added to every wait (a shared budget: instances told the same moment do not always ask in the same order). */
  jitterMs?: () => number;
}

/**
 * A queue of takers for one scope: each gets its permit in the order it asked, one try at a time, so a
 * process never has more than one question for a scope outstanding. A try that fails fails its taker only.
 */
export function inTurn({ sleep, jitterMs = () => 0 }: InTurnOptions): (tryPermit: TryPermit) => Promise<void> {
  let turns: Promise<unknown> = Promise.resolve();
  return (tryPermit) => {
    const mine = turns.then(async () => {
      for (let wait = await tryPermit(); wait > 0; wait = await tryPermit()) await sleep(wait + jitterMs());
    });
    turns = mine.catch(() => undefined);
    return mine;
  };
}
