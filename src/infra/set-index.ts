/**
 * Sets of strings an embedded store keeps beside its Keyv records: the learners of a workspace and the
 * reminders (or digests) due in a minute. One row per member, so a change costs the same however large
 * the set is (a set stored as one Keyv value was rewritten whole on every change).
 */
export interface SetIndex {
  members(key: string): Promise<string[]>;
  add(key: string, member: string): Promise<void>;
  remove(key: string, member: string): Promise<void>;
}

/** Sets in this process's memory only (the memory:// store). */
export function createMemorySetIndex(): SetIndex {
  const sets = new Map<string, Set<string>>();
  return {
    members: async (key) => [...(sets.get(key) ?? [])],
    async add(key, member) {
      let set = sets.get(key);
      if (!set) sets.set(key, (set = new Set()));
      set.add(member);
    },
    async remove(key, member) {
      const set = sets.get(key);
      if (set?.delete(member) && set.size === 0) sets.delete(key);
    },
  };
}
