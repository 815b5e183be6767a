/** Sleeps for `ms`; injected so tests can run the bucket on a fake clock. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A rate limit with a small burst: `take()` resolves when the next send may go, `pauseFor()` honours a 429. */
export interface TokenBucket {
  take(): Promise<void>;
  pauseFor(ms: number): void;
}

export interface TokenBucketOptions {
  perMinute: number;
  /** Sends allowed back to back before pacing starts. */
  burst: number;
  now: () => number;
  sleep: Sleep;
}

/**
 * Generic cell rate algorithm: each caller reserves the next slot synchronously, so concurrent senders
 * are spaced `60_000 / perMinute` ms apart without a queue, and a pause pushes every later slot back.
 */
export function createTokenBucket({ perMinute, burst, now, sleep }: TokenBucketOptions): TokenBucket {
  if (!(perMinute > 0) || !(burst >= 1))
    throw new Error(`token bucket needs perMinute > 0 and burst >= 1 (got ${perMinute}, ${burst})`);
  const interval = 60_000 / perMinute;
  const tolerance = (burst - 1) * interval;
  let theoreticalArrival = 0;
  return {
    async take() {
      const at = now();
      theoreticalArrival = Math.max(theoreticalArrival, at);
      const wait = theoreticalArrival - tolerance - at;
      theoreticalArrival += interval;
      if (wait > 0) await sleep(wait);
    },
    pauseFor(ms) {
      theoreticalArrival = Math.max(theoreticalArrival, now() + ms + tolerance);
    },
  };
}

/** One bucket per workspace, created on first use. */
export function createWorkspaceBuckets(make: () => TokenBucket): (workspace: string) => TokenBucket {
  const buckets = new Map<string, TokenBucket>();
  return (workspace) => {
    let bucket = buckets.get(workspace);
    if (!bucket) {
      bucket = make();
      buckets.set(workspace, bucket);
    }
    return bucket;
  };
}
