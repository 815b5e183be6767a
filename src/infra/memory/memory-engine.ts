import Keyv from 'keyv';
import type { Clock } from '../../ports/clock.js';
import type { SetAsideRecord } from '../../ports/store.js';
import { clockedRecords } from '../clocked-records.js';
import { countGroupOf } from '../../model/index-set.js';
import { RankedBoard } from '../ranked-board.js';
import { SortedRoster } from '../sorted-roster.js';
import { assertValidRows, type EngineCommit, type RecordKind, type StoreEngine } from '../store-engine.js';
import { memoryClaims, type HeldClaim } from './memory-claims.js';

/** What a memory engine holds, so a test can look at (or damage) it as a real fault would. */
export interface MemoryData {
  records: Record<RecordKind, Map<string, string>>;
  setAside: Map<string, SetAsideRecord[]>;
  sets: Map<string, Set<string>>;
  boards: Map<string, RankedBoard>;
  rosters: Map<string, SortedRoster>;
  /** The counted sets of each group (countGroupOf): their counts are the sets' own sizes, so they cannot drift. */
  groups: Map<string, Set<string>>;
  /** Keyv's own map: the plain records. */
  plain: Map<string, unknown>;
  claims: Map<string, HeldClaim>;
}

export function createMemoryData(): MemoryData {
  return {
    records: { learner: new Map(), digest: new Map() },
    setAside: new Map(),
    sets: new Map(),
    boards: new Map(),
    rosters: new Map(),
    groups: new Map(),
    plain: new Map(),
    claims: new Map(),
  };
}

/** The memory:// engine: everything in this process, each commit one synchronous step (nothing can come between). */
export function createMemoryEngine(
  clock: Clock,
  namespace: string,
  data: MemoryData = createMemoryData(),
): StoreEngine {
  const keyv = new Keyv({ store: data.plain, namespace, throwOnErrors: true });
  const { records, setAside, sets, boards, rosters, groups } = data;
  const boardOf = (board: string) => {
    let ranked = boards.get(board);
    if (!ranked) boards.set(board, (ranked = new RankedBoard()));
    return ranked;
  };
  const apply = ({ record, rows, setAside: kept }: EngineCommit): boolean => {
    assertValidRows(rows);
    if (record) {
      const stored = records[record.kind];
      if (stored.get(record.key) !== record.expected) return false;
      if (record.next === undefined) {
        stored.delete(record.key);
        if (record.kind === 'learner') setAside.delete(record.key);
      } else stored.set(record.key, record.next);
      if (kept && record.kind === 'learner')
        setAside.set(record.key, [...(setAside.get(record.key) ?? []), kept.entry].slice(-kept.keep));
    }
    for (const { set, member } of rows.removeSets) {
      const members = sets.get(set);
      if (members?.delete(member) && members.size === 0) {
        sets.delete(set);
        const group = countGroupOf(set);
        if (group !== undefined) groups.get(group)?.delete(set);
      }
    }
    for (const { set, member } of rows.addSets) {
      let members = sets.get(set);
      if (!members) {
        sets.set(set, (members = new Set()));
        fileInGroup(groups, set);
      }
      members.add(member);
    }
    for (const { board, member } of rows.removeBoards) {
      const ranked = boards.get(board);
      ranked?.remove(member);
      if (ranked?.size === 0) boards.delete(board);
    }
    for (const { board, entry } of rows.putBoards) boardOf(board).put(entry);
    for (const { roster, member } of rows.removeRosters) {
      const sorted = rosters.get(roster);
      sorted?.remove(member);
      if (sorted?.size === 0) rosters.delete(roster);
    }
    for (const { roster, member, key } of rows.putRosters) {
      let sorted = rosters.get(roster);
      if (!sorted) rosters.set(roster, (sorted = new SortedRoster()));
      sorted.put(member, key);
    }
    return true;
  };
  return {
    backend: 'memory',
    shared: false,
    read: async (kind, key) => records[kind].get(key),
    commit: async (commit) => apply(commit),
    members: async (set) => [...(sets.get(set) ?? [])],
    top: async (board, limit, member) => (boards.get(board) ?? new RankedBoard()).page(limit, member),
    async counts(group) {
      const counted = new Map<string, number>();
      for (const set of groups.get(group) ?? []) counted.set(set.slice(group.length), sets.get(set)?.size ?? 0);
      return counted;
    },
    roster: async (roster, offset, limit, order) =>
      (rosters.get(roster) ?? new SortedRoster()).page(offset, limit, order),
    setAside: async (key) => structuredClone(setAside.get(key) ?? []),
    async *scanRecords(kind) {
      yield* [...records[kind]];
    },
    async *scanSets() {
      for (const [set, members] of [...sets]) for (const member of [...members]) yield { set, member };
    },
    async *scanBoards() {
      for (const [board, ranked] of [...boards]) for (const entry of [...ranked.entries()]) yield { board, entry };
    },
    async *scanRosters() {
      for (const [roster, sorted] of [...rosters]) for (const row of [...sorted.entries()]) yield { roster, ...row };
    },
    async *scanCounts() {
      for (const counted of [...groups.values()])
        for (const set of [...counted]) yield { set, count: sets.get(set)?.size ?? 0 };
    },
    recount: async () => undefined,
    records: clockedRecords(keyv, clock),
    claims: memoryClaims(data.claims, clock),
    health: async () => ({ ok: true, backend: 'memory' }),
    close: () => keyv.disconnect(),
  };
}

function fileInGroup(groups: Map<string, Set<string>>, set: string): void {
  const group = countGroupOf(set);
  if (group === undefined) return;
  let counted = groups.get(group);
  if (!counted) groups.set(group, (counted = new Set()));
  counted.add(set);
}
