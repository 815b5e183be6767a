import type { RosterRow, RowChanges, StoreEngine } from './store-engine.js';

/** A roster row a record derives, and whose record it is (store:check's owner key). */
export interface ExpectedRoster extends RosterRow {
  owner: string;
}

/** What store:check counts. */
interface Tally {
  missing: number;
  wrong: number;
  orphans: number;
}

/**
 * store:check's part for the rosters: every roster row the engine holds against the ones the records
 * derive (`expected`, emptied on the way), each difference counted and its fix filed with its owner's.
 */
export async function compareRosters(
  engine: StoreEngine,
  expected: Map<string, ExpectedRoster>,
  tally: Tally,
  fixForMember: (member: string) => RowChanges,
  fixFor: (owner: string) => RowChanges,
): Promise<void> {
  for await (const row of engine.scanRosters()) {
    const key = `${row.roster}\n${row.member}`;
    const derived = expected.get(key);
    if (derived) {
      expected.delete(key);
      if (derived.key === row.key) continue;
      tally.wrong += 1;
      fixFor(derived.owner).putRosters.push({ roster: row.roster, member: row.member, key: derived.key });
      continue;
    }
    tally.orphans += 1;
    fixForMember(row.member).removeRosters.push({ roster: row.roster, member: row.member });
  }
  for (const { owner, roster, member, key } of expected.values()) {
    tally.missing += 1;
    fixFor(owner).putRosters.push({ roster, member, key });
  }
}

/**
 * The counted sets whose kept size is not the number of members the engine holds (`members`, from the
 * scan of the sets): compared with what the engine holds, not with the records, since the commits that
 * repair the rows keep the counts of what they change.
 */
export async function countsToRecount(engine: StoreEngine, members: ReadonlyMap<string, number>): Promise<string[]> {
  const uncounted = new Map(members);
  const recount: string[] = [];
  for await (const { set, count } of engine.scanCounts()) {
    if ((uncounted.get(set) ?? 0) !== count) recount.push(set);
    uncounted.delete(set);
  }
  return [...recount, ...uncounted.keys()];
}
