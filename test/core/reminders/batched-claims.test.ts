import { afterEach, describe, expect, it } from 'vitest';
import type { Claims } from '../../../src/ports/store.js';
import { batchedClaims } from '../../../src/reminders/batched-claims.js';
import { closeEngines, openFreshEngine } from '../../fakes/engine-backends.js';

afterEach(closeEngines);

/** The engine's real claims, with each batch the store is asked for written down (and, when told, one that fails). */
function recorded(claims: Claims): { claims: Claims; batches: string[][]; failNext: () => void } {
  const batches: string[][] = [];
  let failing = false;
  return {
    batches,
    failNext: () => void (failing = true),
    claims: {
      ...claims,
      claimMany: async (keys, ttlMs) => {
        batches.push([...keys]);
        if (failing) {
          failing = false;
          throw new Error('store unreachable');
        }
        return claims.claimMany(keys, ttlMs);
      },
    },
  };
}

describe("the reminder job's leases, claimed in batches", () => {
  it('answers each caller for its own key, and asks the store once for the keys asked for together', async () => {
    const { engine } = await openFreshEngine('sqlite');
    const store = recorded(engine.claims);
    expect(await engine.claims.claim('lease:u3', 60_000)).toBe(true);
    const claimLease = batchedClaims(store.claims, 60_000);
    const keys = Array.from({ length: 32 }, (_, index) => `lease:u${index}`);
    const granted = await Promise.all(keys.map((key) => claimLease(key)));
    expect(granted).toEqual(keys.map((key) => key !== 'lease:u3'));
    expect(store.batches).toEqual([keys]);
    // Granted for good: asked again, each is held.
    expect(await Promise.all(keys.map((key) => claimLease(key)))).toEqual(keys.map(() => false));
  });

  it('puts the keys asked for while a batch is under way into the next one, and no caller waits for more', async () => {
    const { engine } = await openFreshEngine('sqlite');
    const store = recorded(engine.claims);
    const claimLease = batchedClaims(store.claims, 60_000);
    const first = claimLease('lease:a');
    await Promise.resolve(); // the first batch is on its way
    const later = ['lease:b', 'lease:c', 'lease:a'].map((key) => claimLease(key));
    expect(await first).toBe(true);
    expect(await Promise.all(later)).toEqual([true, true, false]);
    expect(store.batches).toEqual([['lease:a'], ['lease:b', 'lease:c', 'lease:a']]);
  });

  it('fails every caller of a batch the store could not answer, and claims the next batch as usual', async () => {
    const { engine } = await openFreshEngine('memory');
    const store = recorded(engine.claims);
    const claimLease = batchedClaims(store.claims, 60_000);
    store.failNext();
    const failed = await Promise.allSettled(['lease:a', 'lease:b'].map((key) => claimLease(key)));
    expect(failed.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    // Nothing was taken: the keys are still free.
    expect(await Promise.all(['lease:a', 'lease:b'].map((key) => claimLease(key)))).toEqual([true, true]);
  });
});
