import type { LearnerId } from '../model/learner-id.js';
import type { BoardEntry, DerivedRows } from '../ports/store.js';
import { encodeIndexSet } from '../model/index-set.js';
import { noRowChanges, type RowChanges } from './store-engine.js';

/** Derived rows as the engine files them. */
export interface EncodedRows {
  sets: Array<{ set: string; member: string }>;
  boards: Array<{ board: string; entry: DerivedRows['boards'][number]['entry'] }>;
  rosters: Array<{ roster: string; member: string; key: string }>;
}

/** A row known only by where it is: the learner's on that board, whatever it holds. */
export function rowToTakeOut(board: string, member: LearnerId): EncodedRows['boards'][number] {
  return { board, entry: { member, name: '', completed: 0, minutes: 0, reachedAt: 0 } };
}

export function encodeRows(rows: DerivedRows): EncodedRows {
  return {
    sets: rows.sets.map(({ set, member }) => ({ set: encodeIndexSet(set), member })),
    boards: rows.boards.map(({ board, entry }) => ({ board, entry })),
    rosters: rows.rosters.map(({ roster, member, key }) => ({ roster, member, key })),
  };
}

/**
 * What turns the rows `before` derived into the rows `after` derives (an unchanged row is not written again).
 * A derived row listed twice (a snooze in the minute of the daily reminder) is one row.
 */
export function rowChanges(before: EncodedRows, after: EncodedRows): RowChanges {
  const changes = noRowChanges();
  diffSets(before.sets, after.sets, changes);
  const boardsBefore = byKey(before.boards, boardKey);
  const boardsAfter = byKey(after.boards, boardKey);
  for (const [key, row] of boardsAfter) {
    const previous = boardsBefore.get(key);
    if (!previous || !sameEntry(previous.entry, row.entry)) changes.putBoards.push(row);
  }
  for (const [key, row] of boardsBefore)
    if (!boardsAfter.has(key)) changes.removeBoards.push({ board: row.board, member: row.entry.member });
  const rostersBefore = byKey(before.rosters, rosterKey);
  const rostersAfter = byKey(after.rosters, rosterKey);
  for (const [key, row] of rostersAfter) if (rostersBefore.get(key)?.key !== row.key) changes.putRosters.push(row);
  for (const [key, row] of rostersBefore)
    if (!rostersAfter.has(key)) changes.removeRosters.push({ roster: row.roster, member: row.member });
  return changes;
}

type SetRow = EncodedRows['sets'][number];

const sameSetRow = (a: SetRow, b: SetRow) => a.set === b.set && a.member === b.member;

/**
 * The set rows to add and to take out, as sets (a row listed twice is one row). A record derives its
 * rows in the same order every time and an edit changes a few of them, so each row of `after` is looked
 * for first where the last one was found: a write compares each row about once instead of keying two
 * maps by text (which was most of a write's row work, docs/PERFORMANCE.md).
 */
function diffSets(before: readonly SetRow[], after: readonly SetRow[], changes: RowChanges): void {
  const kept = new Uint8Array(before.length);
  let cursor = 0;
  for (const row of after) {
    const found = indexFrom(before, row, cursor);
    if (found >= 0) {
      kept[found] = 1;
      cursor = found + 1;
    } else if (!changes.addSets.some((added) => sameSetRow(added, row))) changes.addSets.push(row);
  }
  for (let index = 0; index < before.length; index += 1) {
    const row = before[index]!;
    if (kept[index] || after.some((other) => sameSetRow(other, row))) continue;
    if (!changes.removeSets.some((removed) => sameSetRow(removed, row))) changes.removeSets.push(row);
  }
}

/** Where `row` is in `rows`, looking from `start` on and then from the beginning; -1 when it is not there. */
function indexFrom(rows: readonly SetRow[], row: SetRow, start: number): number {
  for (let index = start; index < rows.length; index += 1) if (sameSetRow(rows[index]!, row)) return index;
  for (let index = 0; index < Math.min(start, rows.length); index += 1) if (sameSetRow(rows[index]!, row)) return index;
  return -1;
}

const boardKey = (row: EncodedRows['boards'][number]) => `${row.board}\n${row.entry.member}`;
const rosterKey = (row: EncodedRows['rosters'][number]) => `${row.roster}\n${row.member}`;

/** Rows by where they are filed, each once (the last listed, in the place of the first). */
function byKey<T>(rows: readonly T[], key: (row: T) => string): Map<string, T> {
  const keyed = new Map<string, T>();
  for (const row of rows) keyed.set(key(row), row);
  return keyed;
}

/** The same row values: entries hold only numbers and text, so comparing each field is enough (and cheap). */
function sameEntry(a: BoardEntry, b: BoardEntry): boolean {
  const fields = Object.keys(a) as Array<keyof BoardEntry>;
  return (
    fields.length === Object.keys(b).length &&
    fields.every((field) => Object.hasOwn(b, field) && Object.is(a[field], b[field]))
  );
}
