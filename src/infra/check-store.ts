import { isDeepStrictEqual } from 'node:util';
import { asBoardId } from '../model/board-id.js';
import { digestSettingsSchema } from '../model/digest-settings.js';
import { decodeIndexSet } from '../model/index-set.js';
import { learnerRecordSchema } from '../model/learner.js';
import { asLearnerId } from '../model/learner-id.js';
import { decodeSlotId } from '../model/slot-id.js';
import type { Clock } from '../ports/clock.js';
import type { BoardEntry, LearnerRowsRule } from '../ports/store.js';
import { minuteOf } from '../reminders/minute-of.js';
import { encodeRows } from './row-changes.js';
import { countGroupOf, encodeIndexSet } from '../model/index-set.js';
import { noRowChanges, type RecordKind, type RowChanges, type StoreEngine } from './store-engine.js';
import { parseStoredText } from './stored-learner.js';
import { compareRosters, countsToRecount, type ExpectedRoster } from './check-aggregates.js';

export interface CheckOptions {
  learnerRows: LearnerRowsRule;
  clock: Clock;
  /** Rebuild what disagrees with the records (else only report it). */
  repair: boolean;
}

/** What a check found (and, with `repair`, fixed): counts, and the keys of records it could not read. */
export interface CheckReport {
  learners: number;
  digests: number;
  /** Rows a record derives that the index does not hold. */
  missing: number;
  /** Board rows that hold other figures than their record derives. */
  wrong: number;
  /** Index rows no record derives. */
  orphans: number;
  /** Counted sets whose kept size is not their members' number (the repair counts them again). */
  wrongCounts: number;
  /** Records that fail validation: left for the bot to set aside when the learner comes back (their rows are orphans). */
  unreadable: string[];
  repaired: boolean;
}

/** Passes a repair makes at most: a record changed by a running bot mid-repair is checked again on the next. */
const MAX_PASSES = 5;

/**
 * The records are the truth: works out every row they derive (by the core's rule, the one the store
 * commits with), compares it with every row the engine holds, and with `repair` commits the difference
 * for each record, through the engine's one commit, checked against the record as it was read (a running
 * bot on Redis may change it meanwhile: then it is checked again).
 */
export async function checkStore(engine: StoreEngine, options: CheckOptions): Promise<CheckReport> {
  let report = await checkOnce(engine, options);
  for (let pass = 1; options.repair && report.conflicts > 0 && pass < MAX_PASSES; pass += 1)
    report = {
      ...(await checkOnce(engine, options)),
      missing: report.missing,
      wrong: report.wrong,
      orphans: report.orphans,
      wrongCounts: report.wrongCounts,
    };
  const { conflicts, ...result } = report;
  if (conflicts > 0) throw new Error(`store:check: ${conflicts} records kept changing during the repair; run it again`);
  return result;
}

interface Owner {
  kind: RecordKind;
  key: string;
  text: string | undefined;
}

async function checkOnce(engine: StoreEngine, options: CheckOptions): Promise<CheckReport & { conflicts: number }> {
  const report: CheckReport & { conflicts: number } = {
    learners: 0,
    digests: 0,
    missing: 0,
    wrong: 0,
    orphans: 0,
    wrongCounts: 0,
    unreadable: [],
    repaired: false,
    conflicts: 0,
  };
  const texts = new Map<string, Owner>();
  const ownerKey = (kind: RecordKind, key: string) => `${kind}\n${key}`;
  const expectedSets = new Map<string, { owner: string; set: string; member: string }>();
  const expectedBoards = new Map<string, { owner: string; board: string; entry: BoardEntry }>();
  const expectedRosters = new Map<string, ExpectedRoster>();
  for await (const [key, text] of engine.scanRecords('learner')) {
    report.learners += 1;
    const id = asLearnerId(key);
    const parsed = learnerRecordSchema.safeParse(parseStoredText(text));
    const owner = ownerKey('learner', key);
    texts.set(owner, { kind: 'learner', key, text });
    if (!id || !parsed.success) {
      report.unreadable.push(key);
      continue;
    }
    const rows = encodeRows(options.learnerRows(id, parsed.data));
    for (const row of rows.sets) expectedSets.set(`${row.set}\n${row.member}`, { owner, ...row });
    for (const row of rows.boards) expectedBoards.set(`${row.board}\n${row.entry.member}`, { owner, ...row });
    for (const row of rows.rosters) expectedRosters.set(`${row.roster}\n${row.member}`, { owner, ...row });
  }
  for await (const [key, text] of engine.scanRecords('digest')) {
    report.digests += 1;
    const owner = ownerKey('digest', key);
    texts.set(owner, { kind: 'digest', key, text });
    const parsed = digestSettingsSchema.safeParse(parseStoredText(text));
    if (!parsed.success) {
      report.unreadable.push(key);
      continue;
    }
    const set = encodeIndexSet({ kind: 'digests', minute: minuteOf(parsed.data.nextAt) });
    expectedSets.set(`${set}\n${key}`, { owner, set, member: key });
  }
  const fixes = new Map<string, RowChanges>();
  const fixFor = (owner: string) => {
    let changes = fixes.get(owner);
    if (!changes) fixes.set(owner, (changes = noRowChanges()));
    return changes;
  };
  // Members of each counted set as stored (orphans included): what its kept size must say.
  const members = new Map<string, number>();
  for await (const row of engine.scanSets()) {
    if (countGroupOf(row.set) !== undefined) members.set(row.set, (members.get(row.set) ?? 0) + 1);
    const key = `${row.set}\n${row.member}`;
    if (expectedSets.delete(key)) continue;
    report.orphans += 1;
    fixFor(ownerOfSetRow(row.set, row.member)).removeSets.push(row);
  }
  for await (const row of engine.scanBoards()) {
    const key = `${row.board}\n${row.entry.member}`;
    const expected = expectedBoards.get(key);
    if (expected) {
      expectedBoards.delete(key);
      if (isDeepStrictEqual(expected.entry, row.entry)) continue;
      report.wrong += 1;
      fixFor(expected.owner).putBoards.push({ board: row.board, entry: expected.entry });
      continue;
    }
    report.orphans += 1;
    fixFor(ownerKey('learner', row.entry.member)).removeBoards.push({ board: row.board, member: row.entry.member });
  }
  await compareRosters(engine, expectedRosters, report, (member) => fixFor(ownerKey('learner', member)), fixFor);
  const recount = await countsToRecount(engine, members);
  report.wrongCounts = recount.length;
  for (const { owner, set, member } of expectedSets.values()) {
    report.missing += 1;
    fixFor(owner).addSets.push({ set, member });
  }
  for (const { owner, board, entry } of expectedBoards.values()) {
    report.missing += 1;
    fixFor(owner).putBoards.push({ board, entry });
  }
  if (!options.repair) return report;
  for (const [owner, rows] of fixes) {
    const known = texts.get(owner);
    const [kind, key] = owner.split('\n') as [RecordKind | 'none', string];
    // A row of a record that is not there is taken out if it still is not; one no record could own, on its own.
    const record = known
      ? { kind: known.kind, key: known.key, expected: known.text, next: known.text }
      : kind === 'none'
        ? undefined
        : { kind, key, expected: undefined, next: undefined };
    const committed = await engine.commit(record ? { record, rows } : { rows });
    if (!committed) report.conflicts += 1;
  }
  // After the rows: each commit kept the counts it moved, so only a count that was wrong is counted again.
  await engine.recount(recount);
  report.repaired = true;
  return report;
}

/** Whose record a set row belongs to: the learner of a reminder slot, a workspace or a counted set, the board of a digest. */
function ownerOfSetRow(set: string, member: string): string {
  const decoded = decodeIndexSet(set);
  if (decoded?.kind === 'digests' && asBoardId(member)) return `digest\n${member}`;
  if (decoded?.kind === 'reminders') {
    const learner = decodeSlotId(member)?.learner;
    if (learner) return `learner\n${learner}`;
  }
  if ((decoded?.kind === 'workspace' || decoded?.kind === 'stats') && asLearnerId(member)) return `learner\n${member}`;
  return `none\n${set}`;
}
