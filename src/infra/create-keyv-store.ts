import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Claims, RecordStore, ReminderIndex, Store } from '../ports/store.js';
import { KeyedMutex } from './keyed-mutex.js';
import { CachedBoardStore, unsavedBoardRows, type BoardRows } from './cached-board-store.js';
import { KeyvLearnerStore } from './keyv-learner-store.js';
import { createMemorySetIndex, type SetIndex } from './set-index.js';

/** What an embedded store keeps beside its Keyv records: board rows and sets, each one row per member. */
export interface EmbeddedTables {
  boardRows: BoardRows;
  sets: SetIndex;
}

/** The whole Store over one Keyv instance (boards and sets beside it). Atomicity is per process: right for memory and SQLite. */
export function createKeyvStore(
  keyv: Keyv,
  backend: string,
  clock: Clock,
  logger: Logger,
  tables: EmbeddedTables = { boardRows: unsavedBoardRows, sets: createMemorySetIndex() },
  close: () => Promise<void> = () => keyv.disconnect(),
): Store {
  const mutex = new KeyedMutex();
  const { sets } = tables;
  const records = keyvRecords(keyv);
  return {
    learners: new KeyvLearnerStore(keyv, mutex, sets, clock, logger),
    boards: new CachedBoardStore(tables.boardRows, mutex),
    reminders: minuteIndex(sets, 'due'),
    digests: minuteIndex(sets, 'digest-due'),
    claims: keyvClaims(keyv, mutex, clock),
    records,
    async health() {
      try {
        await keyv.get('health:probe');
        return { ok: true, backend };
      } catch (error) {
        return { ok: false, backend, detail: error instanceof Error ? error.message : String(error) };
      }
    },
    close,
  };
}

const CLAIM_GRACE_MS = 60 * 60_000;

function minuteIndex(sets: SetIndex, prefix: string): ReminderIndex {
  return {
    add: (minute, member) => sets.add(`${prefix}:${minute}`, member),
    remove: (minute, member) => sets.remove(`${prefix}:${minute}`, member),
    due: (minute) => sets.members(`${prefix}:${minute}`),
  };
}

interface HeldClaim {
  expiresAt: number;
  owner: string;
}

/** Claims expire by the injected clock (Keyv's own TTL only collects the garbage later); only their owner frees them. */
function keyvClaims(keyv: Keyv, mutex: KeyedMutex, clock: Clock): Claims {
  const owner = randomUUID();
  return {
    claim: (key, ttlMs) =>
      mutex.run(`claim:${key}`, async () => {
        const held = (await keyv.get(`claim:${key}`)) as HeldClaim | undefined;
        if (held && held.expiresAt > clock.now()) return false;
        const saved = await keyv.set(
          `claim:${key}`,
          { expiresAt: clock.now() + ttlMs, owner } satisfies HeldClaim,
          ttlMs + CLAIM_GRACE_MS,
        );
        if (saved === false) throw new Error(`store refused claim ${key}`);
        return true;
      }),
    release: (key) =>
      mutex.run(`claim:${key}`, async () => {
        const held = (await keyv.get(`claim:${key}`)) as HeldClaim | undefined;
        if (held?.owner === owner) await keyv.delete(`claim:${key}`);
      }),
  };
}

function keyvRecords(keyv: Keyv): RecordStore {
  return {
    get: async <T>(key: string) => (await keyv.get(`record:${key}`)) as T | undefined,
    async set(key, value, ttlMs) {
      if ((await keyv.set(`record:${key}`, value, ttlMs)) === false) throw new Error(`store refused record ${key}`);
    },
    async delete(key) {
      await keyv.delete(`record:${key}`);
    },
  };
}
