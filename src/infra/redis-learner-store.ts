import { learnerRecordSchema, type LearnerRecord } from '../model/learner.js';
import { parseLearnerKey } from '../model/learner-key.js';
import type { LearnerStore, Mutation } from '../ports/store.js';
import type { KeyedMutex } from './keyed-mutex.js';
import { compareAndSetLearner, type RedisClient } from './redis-script.js';

/** Attempts at one update when other processes keep saving the same learner first. */
const MAX_ATTEMPTS = 25;

/**
 * Learner records in Redis. Within a process, updates to one learner queue behind each other; across
 * processes a write lands only if the record is still the one that was read (compare-and-set in Lua),
 * otherwise the change runs again on the newer record.
 */
export class RedisLearnerStore implements LearnerStore {
  constructor(
    private readonly client: RedisClient,
    private readonly prefix: string,
    private readonly mutex: KeyedMutex,
  ) {}

  async get(key: string): Promise<LearnerRecord | undefined> {
    return parseRecord(key, await this.client.get(this.recordKey(key)));
  }

  update<T>(key: string, change: (current: LearnerRecord | undefined) => Mutation<T>): Promise<T> {
    return this.mutex.run(key, async () => {
      for (let attempt = 1; ; attempt += 1) {
        const raw = await this.client.get(this.recordKey(key));
        const current = parseRecord(key, raw);
        const { next, result } = change(current);
        if (next === undefined) return result;
        let written = '';
        if (next !== null) {
          next.rev = (current?.rev ?? 0) + 1;
          written = JSON.stringify(learnerRecordSchema.parse(next));
        }
        const keys = [this.recordKey(key), this.workspaceKey(key)];
        if ((await compareAndSetLearner.run(this.client, keys, [raw ?? '', written, key])) === 1) return result;
        if (attempt >= MAX_ATTEMPTS) throw new Error(`learner ${key} kept changing under ${MAX_ATTEMPTS} attempts to update it`);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 * attempt));
      }
    });
  }

  keysInWorkspace(platform: string, workspace: string): Promise<string[]> {
    return this.client.sMembers(`${this.prefix}workspace:${platform}:${encodeURIComponent(workspace)}`);
  }

  private recordKey(key: string): string {
    return `${this.prefix}learner:${key}`;
  }

  private workspaceKey(key: string): string {
    const parts = parseLearnerKey(key);
    return parts ? `${this.prefix}workspace:${parts.platform}:${encodeURIComponent(parts.workspace)}` : `${this.prefix}workspace:unknown`;
  }
}

function parseRecord(key: string, raw: string | null): LearnerRecord | undefined {
  if (raw === null) return undefined;
  const parsed = learnerRecordSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) throw new Error(`stored learner record ${key} is invalid: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}
