import { learnerRecordSchema, type LearnerRecord } from '../model/learner.js';
import { parseLearnerKey } from '../model/learner-key.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { LearnerStore, Mutation, SetAsideRecord } from '../ports/store.js';
import type { KeyedMutex } from './keyed-mutex.js';
import { compareAndSetLearner, setAsideLearner, type RedisClient } from './redis-script.js';
import { SET_ASIDE_KEPT, logSetAside, parseStoredText, readStoredLearner } from './stored-learner.js';

/** Attempts at one update when other processes keep saving the same learner first. */
const MAX_ATTEMPTS = 25;
/** Learners whose stored record this process last saw, kept for an update's first attempt. */
const RECENT_RECORDS = 1_000;

/**
 * Learner records in Redis. Within a process, updates to one learner queue behind each other; across
 * processes a write lands only if the record is still the one that was read (compare-and-set in Lua),
 * otherwise the change runs again on the newer record. A command reads a learner and then changes them,
 * so an update first tries the record as this process last saw it, without reading it again: the
 * compare-and-set tells whether it still is, and a change that writes nothing is checked against a fresh read.
 * A record that fails validation is set aside the same way: only if it is still the stored one.
 */
export class RedisLearnerStore implements LearnerStore {
  /** The stored JSON as last read or written here ('' when there was none). */
  private readonly lastSeen = new Map<string, string>();

  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    private readonly mutex: KeyedMutex,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async get(key: string): Promise<LearnerRecord | undefined> {
    const { record, raw } = await this.decode(key, (await this.client.get(this.recordKey(key))) ?? '');
    this.remember(key, raw);
    return record;
  }

  async setAside(key: string): Promise<SetAsideRecord[]> {
    const entries = await this.client.lRange(this.setAsideKey(key), 0, -1);
    return entries.map((entry) => JSON.parse(entry) as SetAsideRecord);
  }

  update<T>(key: string, change: (current: LearnerRecord | undefined) => Mutation<T>): Promise<T> {
    return this.mutex.run(key, async () => {
      for (let attempt = 1; ; attempt += 1) {
        const seen = attempt === 1 ? this.lastSeen.get(key) : undefined;
        const { record: current, raw } = await this.decode(
          key,
          seen ?? (await this.client.get(this.recordKey(key))) ?? '',
        );
        let mutation: Mutation<T>;
        try {
          mutation = change(current);
        } catch (error) {
          // A refusal ("already done") decided on a record that may be old is decided again on the stored one.
          if (seen === undefined) throw error;
          continue;
        }
        const { next, result } = mutation;
        if (next === undefined) {
          if (seen === undefined) return result;
          continue; // decided on a record that may be old: decide again on the stored one
        }
        let written = '';
        if (next !== null) {
          next.rev = (current?.rev ?? 0) + 1;
          written = JSON.stringify(learnerRecordSchema.parse(next));
        }
        const keys = [this.recordKey(key), this.workspaceKey(key), this.setAsideKey(key)];
        if ((await compareAndSetLearner.run(this.client, keys, [raw, written, key])) === 1) {
          this.remember(key, written);
          return result;
        }
        this.lastSeen.delete(key);
        if (attempt >= MAX_ATTEMPTS)
          throw new Error(`learner ${key} kept changing under ${MAX_ATTEMPTS} attempts to update it`);
        if (seen === undefined) await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * attempt));
      }
    });
  }

  /** The record stored as `raw`; one that fails validation is set aside first, if no one replaced it meanwhile. */
  private async decode(key: string, stored: string): Promise<{ record?: LearnerRecord; raw: string }> {
    let raw = stored;
    for (let attempt = 1; raw !== ''; attempt += 1) {
      const read = readStoredLearner(parseStoredText(raw), this.clock.now());
      if (read.valid) return { record: read.record, raw };
      const fresh = JSON.stringify(read.fresh);
      const keys = [this.recordKey(key), this.setAsideKey(key)];
      const args = [raw, JSON.stringify(read.setAside), fresh, String(SET_ASIDE_KEPT)];
      if ((await setAsideLearner.run(this.client, keys, args)) === 1) {
        logSetAside(this.logger, key, read.setAside);
        return { record: read.fresh, raw: fresh };
      }
      if (attempt >= MAX_ATTEMPTS)
        throw new Error(`learner ${key} kept changing under ${MAX_ATTEMPTS} attempts to set it aside`);
      // Saved (or set aside) by another process since it was read: what it holds now decides.
      raw = (await this.client.get(this.recordKey(key))) ?? '';
    }
    return { raw };
  }

  private remember(key: string, raw: string): void {
    this.lastSeen.delete(key);
    this.lastSeen.set(key, raw);
    if (this.lastSeen.size > RECENT_RECORDS) this.lastSeen.delete(this.lastSeen.keys().next().value!);
  }

  keysInWorkspace(platform: string, workspace: string): Promise<string[]> {
    return this.client.sMembers(`${this.prefix}workspace:${platform}:${encodeURIComponent(workspace)}`);
  }

  private recordKey(key: string): string {
    return `${this.prefix}learner:${key}`;
  }

  private setAsideKey(key: string): string {
    return `${this.prefix}set-aside:${key}`;
  }

  private workspaceKey(key: string): string {
    const parts = parseLearnerKey(key);
    return parts
      ? `${this.prefix}workspace:${parts.platform}:${encodeURIComponent(parts.workspace)}`
      : `${this.prefix}workspace:unknown`;
  }
}
