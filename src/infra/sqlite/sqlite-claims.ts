import { randomUUID } from 'node:crypto';
import type { Clock } from '../../ports/clock.js';
import type { Logger } from '../../ports/logger.js';
import type { Claims } from '../../ports/store.js';
import type { Query } from './serial-connection.js';

/**
 * Takes every key of the JSON array ?4 that is free, in one statement: a new key is inserted, a held one
 * is taken over only when its claim has expired by the injected clock (?5 is now); RETURNING names the
 * keys taken. One statement is one turn in the connection's queue, however many keys a minute holds.
 */
const CLAIM = `INSERT INTO claims (namespace, key, owner, until)
  SELECT ?1, value, ?2, ?3 FROM json_each(?4) WHERE true
  ON CONFLICT (namespace, key) DO UPDATE SET owner = excluded.owner, until = excluded.until
  WHERE claims.until <= ?5
  RETURNING key`;
const RELEASE = 'DELETE FROM claims WHERE namespace = ? AND key = ? AND owner = ?';
const SWEEP = 'DELETE FROM claims WHERE namespace = ? AND until <= ?';
/** Expired claims are deleted at most this often (by the injected clock): an expired row is free already, only its space is kept. */
const SWEEP_EVERY_MS = 60 * 60_000;

/**
 * Claims in the engine's `claims` table, on the file this process alone holds: a claim outlives a restart
 * (the next process finds it held until it expires), expiry follows the injected clock, only the owner frees it.
 */
export function sqliteClaims(query: Query, namespace: string, clock: Clock, logger: Logger): Claims {
  const owner = randomUUID();
  let sweepAt = clock.now();
  const sweep = (now: number) => {
    if (now < sweepAt) return;
    sweepAt = now + SWEEP_EVERY_MS;
    // Queued after the claims, not awaited: no caller waits for the garbage to go out.
    query(SWEEP, namespace, now).catch((error: unknown) =>
      logger.warn('expired claims not swept; tried again later', { error: String(error) }),
    );
  };
  const claimMany = async (keys: readonly string[], ttlMs: number): Promise<boolean[]> => {
    if (keys.length === 0) return [];
    const now = clock.now();
    const unique = [...new Set(keys)];
    const rows = await query<{ key: string }>(CLAIM, namespace, owner, now + ttlMs, JSON.stringify(unique), now);
    sweep(now);
    const taken = new Set(rows.map((row) => row.key));
    // A key listed twice is granted once: to its first place.
    return keys.map((key) => taken.delete(key));
  };
  return {
    claim: async (key, ttlMs) => (await claimMany([key], ttlMs))[0]!,
    claimMany,
    async release(key) {
      await query(RELEASE, namespace, key, owner);
    },
  };
}
