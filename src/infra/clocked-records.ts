import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import type { Clock } from '../ports/clock.js';
import type { Claims, RecordStore } from '../ports/store.js';
import { KeyedMutex } from './keyed-mutex.js';

/**
 * How long after its expiry a record or claim is kept before Keyv collects it: expiry itself is decided by
 * the injected clock (tests move it; no one sleeps), Keyv's wall-clock TTL only takes the garbage out later.
 */
const GARBAGE_GRACE_MS = 60 * 60_000;

/** A record as stored: its value and when it expires by the store's clock (null: never). */
interface Clocked {
  '~expiresAt': number | null;
  value: unknown;
}

function isClocked(stored: unknown): stored is Clocked {
  return typeof stored === 'object' && stored !== null && Object.hasOwn(stored, '~expiresAt');
}

/** Plain records over Keyv, expiring by the injected clock. Values written by older versions (unwrapped) read as they are. */
export function clockedRecords(keyv: Keyv, clock: Clock): RecordStore {
  return {
    async get<T>(key: string) {
      const stored: unknown = await keyv.get(`record:${key}`);
      if (!isClocked(stored)) return stored as T | undefined;
      const expiresAt = stored['~expiresAt'];
      return expiresAt !== null && expiresAt <= clock.now() ? undefined : (stored.value as T);
    },
    async set(key, value, ttlMs) {
      const stored: Clocked = { '~expiresAt': ttlMs === undefined ? null : clock.now() + ttlMs, value };
      const saved = await keyv.set(`record:${key}`, stored, ttlMs === undefined ? undefined : ttlMs + GARBAGE_GRACE_MS);
      if (saved === false) throw new Error(`store refused record ${key}`);
    },
    async delete(key) {
      await keyv.delete(`record:${key}`);
    },
  };
}

/** A plain record as stored: its value, and when it expires by the store's clock (null: never). */
export interface PlainRecord {
  key: string;
  value: unknown;
  expiresAt: number | null;
}

/** A Keyv entry (as Keyv's iterator yields it) as a plain record; undefined for an entry that is not one (a claim). */
export function asPlainRecord(key: string, stored: unknown): PlainRecord | undefined {
  return key.startsWith('record:') ? { key: key.slice('record:'.length), ...unwrap(stored) } : undefined;
}

function unwrap(stored: unknown): Omit<PlainRecord, 'key'> {
  return isClocked(stored)
    ? { value: stored.value, expiresAt: stored['~expiresAt'] }
    : { value: stored, expiresAt: null };
}

interface HeldClaim {
  expiresAt: number;
  owner: string;
}

/**
 * Claims over Keyv for a store one process owns (memory, SQLite): atomic under this process's lock,
 * expiring by the injected clock; only their owner frees them.
 */
export function processClaims(keyv: Keyv, clock: Clock): Claims {
  const owner = randomUUID();
  const mutex = new KeyedMutex();
  return {
    claim: (key, ttlMs) =>
      mutex.run(key, async () => {
        const held = (await keyv.get(`claim:${key}`)) as HeldClaim | undefined;
        if (held && held.expiresAt > clock.now()) return false;
        const claim: HeldClaim = { expiresAt: clock.now() + ttlMs, owner };
        if ((await keyv.set(`claim:${key}`, claim, ttlMs + GARBAGE_GRACE_MS)) === false)
          throw new Error(`store refused claim ${key}`);
        return true;
      }),
    release: (key) =>
      mutex.run(key, async () => {
        const held = (await keyv.get(`claim:${key}`)) as HeldClaim | undefined;
        if (held?.owner === owner) await keyv.delete(`claim:${key}`);
      }),
  };
}
