import { isDeepStrictEqual } from 'node:util';
import type Keyv from 'keyv';
import { learnerRecordSchema, type LearnerRecord } from '../model/learner.js';
import { parseLearnerKey } from '../model/learner-key.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { LearnerStore, Mutation, SetAsideRecord } from '../ports/store.js';
import type { KeyedMutex } from './keyed-mutex.js';
import type { SetIndex } from './set-index.js';
import { SET_ASIDE_KEPT, logSetAside, readStoredLearner } from './stored-learner.js';

/** Learner records kept in memory after a read or a write, so a command's change does not read them again. */
const RECENT_RECORDS = 1_000;

/**
 * Learner records over Keyv; updates are serialised per learner, which is atomic for one process.
 * An embedded store belongs to one process, so the records it last read or wrote are still the stored
 * ones: the most recent are kept (reads and writes under the learner's lock, so a read cannot cache
 * what a write is replacing), and a command that reads a learner and then changes them reads them once.
 * A record that fails validation is set aside under the same lock, so no write can slip in between.
 */
export class KeyvLearnerStore implements LearnerStore {
  private readonly recent = new Map<string, LearnerRecord>();

  constructor(
    private readonly keyv: Keyv,
    private readonly mutex: KeyedMutex,
    private readonly workspaces: SetIndex,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async get(key: string): Promise<LearnerRecord | undefined> {
    const known = this.recent.get(key) ?? (await this.mutex.run(recordKey(key), () => this.read(key)));
    return known && structuredClone(known);
  }

  update<T>(key: string, change: (current: LearnerRecord | undefined) => Mutation<T>): Promise<T> {
    return this.mutex.run(recordKey(key), async () => {
      const known = await this.read(key);
      const current = known && structuredClone(known);
      const { next, result } = change(current);
      if (next === null) {
        this.recent.delete(key);
        await this.keyv.delete(recordKey(key));
        await this.keyv.delete(setAsideKey(key));
        await this.workspaces.remove(workspaceKeyOf(key), key);
      } else if (next !== undefined) {
        next.rev = (current?.rev ?? 0) + 1;
        const saved = learnerRecordSchema.parse(next);
        // Forgotten first: if the write fails, the next read asks the store what it holds.
        this.recent.delete(key);
        if ((await this.keyv.set(recordKey(key), saved)) === false)
          throw new Error(`store refused to save learner ${key}`);
        this.remember(key, saved);
        if (!current) await this.workspaces.add(workspaceKeyOf(key), key);
      }
      return result;
    });
  }

  /** The record as last read or written here, else as stored (call under the learner's lock). */
  private async read(key: string): Promise<LearnerRecord | undefined> {
    const known = this.recent.get(key);
    if (known) return known;
    const raw: unknown = await this.keyv.get(recordKey(key));
    if (raw === undefined) return undefined;
    const stored = readStoredLearner(raw, this.clock.now());
    if (stored.valid) {
      this.remember(key, stored.record);
      return stored.record;
    }
    // Kept before it is replaced: interrupted in between, the next read sets the same record aside again.
    const kept = await this.setAside(key);
    if (!isDeepStrictEqual(kept.at(-1)?.raw, stored.setAside.raw)) {
      await this.save(setAsideKey(key), [...kept, stored.setAside].slice(-SET_ASIDE_KEPT));
      logSetAside(this.logger, key, stored.setAside);
    }
    await this.save(recordKey(key), stored.fresh);
    this.remember(key, stored.fresh);
    return stored.fresh;
  }

  async setAside(key: string): Promise<SetAsideRecord[]> {
    return ((await this.keyv.get(setAsideKey(key))) as SetAsideRecord[] | undefined) ?? [];
  }

  private async save(storeKey: string, value: unknown): Promise<void> {
    if ((await this.keyv.set(storeKey, value)) === false) throw new Error(`store refused to save ${storeKey}`);
  }

  private remember(key: string, record: LearnerRecord): void {
    this.recent.delete(key);
    this.recent.set(key, record);
    if (this.recent.size > RECENT_RECORDS) this.recent.delete(this.recent.keys().next().value!);
  }

  keysInWorkspace(platform: string, workspace: string): Promise<string[]> {
    return this.workspaces.members(workspaceKey(platform, workspace));
  }
}

const recordKey = (key: string) => `learner:${key}`;
const setAsideKey = (key: string) => `set-aside:${key}`;
const workspaceKey = (platform: string, workspace: string) => `workspace:${platform}:${encodeURIComponent(workspace)}`;

function workspaceKeyOf(key: string): string {
  const parts = parseLearnerKey(key);
  return parts ? workspaceKey(parts.platform, parts.workspace) : 'workspace:unknown';
}
