import { isDeepStrictEqual } from 'node:util';
import { asBoardId } from '../model/board-id.js';
import { digestSettingsSchema, type DigestSettings } from '../model/digest-settings.js';
import { encodeIndexSet } from '../model/index-set.js';
import { asLearnerId, type LearnerId } from '../model/learner-id.js';
import type { Clock } from '../ports/clock.js';
import type { LearnerRowsRule, SetAsideRecord, Store } from '../ports/store.js';
import type { SqliteEngine } from './sqlite/sqlite-engine.js';
import { noRowChanges, type StoreEngine } from './store-engine.js';
import { SET_ASIDE_KEPT, parseStoredText, readStoredLearner } from './stored-learner.js';

/** What a copy did, for the person running it. */
export interface CopyReport {
  learners: number;
  /** Already in the target (a rerun, or the learner used the new store first): left as they are. */
  learnersKept: number;
  /** Learner records that failed validation: copied as the source would read them (a fresh record, the old one set aside). */
  invalid: string[];
  /** Entries set aside (before, or just now for `invalid`) copied beside their learners. */
  setAside: number;
  /** What could not be copied at all: keys that are no id, digest settings that fail validation. */
  notCopied: string[];
  /** Rows the target derived from the learners copied, and the digests copied (each keeps one slot). */
  boardRows: number;
  reminderSlots: number;
  digestSlots: number;
  records: number;
  expired: number;
}

/** Where a copy goes: the store, and its engine for what the store's ports never write (entries set aside). */
export interface CopyTarget {
  store: Store;
  engine: StoreEngine;
}

export interface CopyOptions {
  /** The rule the target derives rows by (to count what it derived). */
  learnerRows: LearnerRowsRule;
  clock: Clock;
}

/** Attempts at setting an entry aside beside a record that a running bot keeps changing. */
const MAX_ATTEMPTS = 5;

/**
 * Copies everything a bot kept in an SQLite file (its engine holds the file, so no bot runs on it) into
 * another store (Redis, for going multi-instance): learner records through the target's own update, so
 * it derives its rows itself; entries set aside; digest settings; the plain records that have not expired.
 * What is already in the target wins, so running it twice changes nothing. Claims (leases) are not copied.
 */
export async function copySqliteStore(
  source: SqliteEngine,
  target: CopyTarget,
  options: CopyOptions,
): Promise<CopyReport> {
  const now = options.clock.now();
  const report: CopyReport = {
    learners: 0,
    learnersKept: 0,
    invalid: [],
    setAside: 0,
    notCopied: [],
    boardRows: 0,
    reminderSlots: 0,
    digestSlots: 0,
    records: 0,
    expired: 0,
  };
  for await (const [key, text] of source.scanRecords('learner')) {
    const id = asLearnerId(key);
    if (!id) {
      report.notCopied.push(key);
      continue;
    }
    const stored = readStoredLearner(parseStoredText(text), now);
    const record = stored.valid ? stored.record : stored.fresh;
    const copied = await target.store.learners.update(id, (current) =>
      current ? { result: false } : { next: record, result: true },
    );
    if (!stored.valid) report.invalid.push(key);
    else if (copied) report.learners += 1;
    else report.learnersKept += 1;
    if (copied) countRows(report, options.learnerRows(id, record));
    const entries = [...(await source.setAside(key)), ...(stored.valid ? [] : [stored.setAside])];
    report.setAside += await copySetAside(target.engine, id, entries);
  }
  for await (const [key, text] of source.scanRecords('digest')) {
    const board = asBoardId(key);
    const settings = digestSettingsSchema.safeParse(parseStoredText(text));
    if (!board || !settings.success) {
      report.notCopied.push(key);
      continue;
    }
    const next = settings.data as DigestSettings;
    if (await target.store.digests.update(board, (current) => (current ? { result: false } : { next, result: true })))
      report.digestSlots += 1;
  }
  for await (const { key, value, expiresAt } of source.plainRecords()) {
    if (expiresAt !== null && expiresAt <= now) report.expired += 1;
    else if ((await target.store.records.get(key)) === undefined) {
      await target.store.records.set(key, value, expiresAt === null ? undefined : expiresAt - now);
      report.records += 1;
    }
  }
  return report;
}

function countRows(report: CopyReport, rows: ReturnType<LearnerRowsRule>): void {
  const reminders = rows.sets
    .filter(({ set }) => set.kind === 'reminders')
    .map(({ set, member }) => `${encodeIndexSet(set)}\n${member}`);
  report.reminderSlots += new Set(reminders).size;
  report.boardRows += rows.boards.length;
}

/** Sets aside, beside the learner's record in the target, each entry it does not hold yet; returns how many. */
async function copySetAside(engine: StoreEngine, id: LearnerId, entries: SetAsideRecord[]): Promise<number> {
  const held = await engine.setAside(id);
  const missing = entries.filter((entry) => !held.some((kept) => isDeepStrictEqual(kept.raw, entry.raw)));
  for (const entry of missing) {
    for (let attempt = 1; ; attempt += 1) {
      // Committed with the record as it is (the copy above made sure there is one), as the store sets aside.
      const text = await engine.read('learner', id);
      const record = { kind: 'learner' as const, key: id, expected: text, next: text };
      if (await engine.commit({ record, rows: noRowChanges(), setAside: { entry, keep: SET_ASIDE_KEPT } })) break;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`learner ${id} kept changing while its entries were set aside`);
    }
  }
  return missing.length;
}
