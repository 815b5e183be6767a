import type Keyv from 'keyv';
import type { KeyedMutex } from './keyed-mutex.js';

/** A set of strings kept under one Keyv key, changed under the key's mutex (Keyv has no set type). */
export class KeyvSetIndex {
  constructor(
    private readonly keyv: Keyv,
    private readonly mutex: KeyedMutex,
  ) {}

  members(key: string): Promise<string[]> {
    return this.read(key);
  }

  add(key: string, member: string): Promise<void> {
    return this.change(key, (members) => (members.includes(member) ? undefined : [...members, member]));
  }

  remove(key: string, member: string): Promise<void> {
    return this.change(key, (members) => (members.includes(member) ? members.filter((candidate) => candidate !== member) : undefined));
  }

  private async read(key: string): Promise<string[]> {
    const value: unknown = await this.keyv.get(key);
    return Array.isArray(value) ? value.filter((member): member is string => typeof member === 'string') : [];
  }

  private change(key: string, edit: (members: string[]) => string[] | undefined): Promise<void> {
    return this.mutex.run(key, async () => {
      const next = edit(await this.read(key));
      if (next === undefined) return;
      if (next.length === 0) await this.keyv.delete(key);
      else await this.keyv.set(key, next);
    });
  }
}
