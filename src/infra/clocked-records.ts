import type Keyv from 'keyv';
import type { Clock } from '../ports/clock.js';
import type { RecordStore } from '../ports/store.js';

/**
 * How long after its expiry a record is kept before Keyv collects it: expiry itself is decided by
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

/** A Keyv entry (as Keyv's iterator yields it) as a plain record; undefined for an entry that is not one (a claim an older version kept in Keyv). */
export function asPlainRecord(key: string, stored: unknown): PlainRecord | undefined {
  return key.startsWith('record:') ? { key: key.slice('record:'.length), ...unwrap(stored) } : undefined;
}

function unwrap(stored: unknown): Omit<PlainRecord, 'key'> {
  return isClocked(stored)
    ? { value: stored.value, expiresAt: stored['~expiresAt'] }
    : { value: stored, expiresAt: null };
}
