import type { Claims } from '../ports/store.js';

interface Waiting {
  key: string;
  granted: (taken: boolean) => void;
  failed: (error: unknown) => void;
}

/**
 * One claim at a time for the caller, many at a time for the store: the keys asked for while a `claimMany` is
 * under way go together in the next one (group commit). The reminder job's workers each claim their lease
 * just before sending, as before, but a minute's leases cost the store a few statements or scripts instead
 * of one each, and no one waits for more than the call ahead of theirs.
 */
export function batchedClaims(claims: Claims, ttlMs: number): (key: string) => Promise<boolean> {
  const waiting: Waiting[] = [];
  let running = false;
  const drain = async () => {
    while (waiting.length > 0) {
      const batch = waiting.splice(0);
      try {
        const taken = await claims.claimMany(
          batch.map(({ key }) => key),
          ttlMs,
        );
        batch.forEach(({ granted }, index) => granted(taken[index] === true));
      } catch (error) {
        // Each caller gets the failure as its own claim would have failed: the job counts it per learner.
        for (const { failed } of batch) failed(error);
      }
    }
    running = false;
  };
  return (key) =>
    new Promise<boolean>((granted, failed) => {
      waiting.push({ key, granted, failed });
      if (running) return;
      running = true;
      // After the callers that resume in this same turn have asked too.
      queueMicrotask(() => void drain());
    });
}
