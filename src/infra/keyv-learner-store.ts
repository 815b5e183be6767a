import type Keyv from 'keyv';
import { learnerRecordSchema, type LearnerRecord } from '../model/learner.js';
import { parseLearnerKey } from '../model/learner-key.js';
import type { LearnerStore, Mutation } from '../ports/store.js';
import type { KeyedMutex } from './keyed-mutex.js';
import type { SetIndex } from './set-index.js';

/** Learner records over Keyv; updates are serialised per learner, which is atomic for one process. */
export class KeyvLearnerStore implements LearnerStore {
  constructor(
    private readonly keyv: Keyv,
    private readonly mutex: KeyedMutex,
    private readonly workspaces: SetIndex,
  ) {}

  async get(key: string): Promise<LearnerRecord | undefined> {
    const raw: unknown = await this.keyv.get(recordKey(key));
    if (raw === undefined) return undefined;
    const parsed = learnerRecordSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`stored learner record ${key} is invalid: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  }

  update<T>(key: string, change: (current: LearnerRecord | undefined) => Mutation<T>): Promise<T> {
    return this.mutex.run(recordKey(key), async () => {
      const current = await this.get(key);
      const { next, result } = change(current);
      if (next === null) {
        await this.keyv.delete(recordKey(key));
        await this.workspaces.remove(workspaceKeyOf(key), key);
      } else if (next !== undefined) {
        next.rev = (current?.rev ?? 0) + 1;
        const saved = learnerRecordSchema.parse(next);
        if ((await this.keyv.set(recordKey(key), saved)) === false) throw new Error(`store refused to save learner ${key}`);
        if (!current) await this.workspaces.add(workspaceKeyOf(key), key);
      }
      return result;
    });
  }

  keysInWorkspace(platform: string, workspace: string): Promise<string[]> {
    return this.workspaces.members(workspaceKey(platform, workspace));
  }
}

const recordKey = (key: string) => `learner:${key}`;
const workspaceKey = (platform: string, workspace: string) => `workspace:${platform}:${encodeURIComponent(workspace)}`;

function workspaceKeyOf(key: string): string {
  const parts = parseLearnerKey(key);
  return parts ? workspaceKey(parts.platform, parts.workspace) : 'workspace:unknown';
}
