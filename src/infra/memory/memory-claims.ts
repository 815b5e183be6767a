import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import type { Claims } from '../../ports/store.js';

/** A claim as a memory engine holds it: whose it is, and until when by the store's clock. */
export interface HeldClaim {
  owner: string;
  until: number;
}

/**
 * Claims in this process's memory, each call one synchronous step (nothing comes between the check and the
 * take), expiring by the injected clock; only their owner frees them. Engines on the same data share `held`.
 */
export function memoryClaims(held: Map<string, HeldClaim>, clock: Clock): Claims {
  const owner = randomUUID();
  const claimMany = (keys: readonly string[], ttlMs: number): boolean[] => {
    const now = clock.now();
    return keys.map((key) => {
      const claim = held.get(key);
      if (claim && claim.until > now) return false;
      held.set(key, { owner, until: now + ttlMs });
      return true;
    });
  };
  return {
    claim: async (key, ttlMs) => claimMany([key], ttlMs)[0]!,
    claimMany: async (keys, ttlMs) => claimMany(keys, ttlMs),
    async release(key) {
      if (held.get(key)?.owner === owner) held.delete(key);
    },
  };
}
