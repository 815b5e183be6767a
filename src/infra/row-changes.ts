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
  // Board and roster ids are already the text the engine files (the rows are not changed after this).
  return {
    sets: rows.sets.map(({ set, member }) => ({ set: encodeIndexSet(set), member })),
    boards: rows.boards,
    rosters: rows.rosters,
  };
}

/**
 * What turns the rows `before` derived into the rows `after` derives (an unchanged row is not written again).
 * A derived row listed twice (a snooze in the minute of the daily reminder) is one row.
 */
export function rowChanges(before: EncodedRows, after: EncodedRows): RowChanges {
  const changes = noRowChanges();
  diffSets(before.sets, after.sets, changes);
  eachFiled(after.boards, before.boards, sameBoardPlace, (row, previous) => {
    if (!previous || !sameEntry(previous.entry, row.entry)) changes.putBoards.push(row);
  });
  eachFiled(before.boards, after.boards, sameBoardPlace, (row, kept) => {
    if (!kept) changes.removeBoards.push({ board: row.board, member: row.entry.member });
  });
  eachFiled(after.rosters, before.rosters, sameRosterPlace, (row, previous) => {
    if (previous?.key !== row.key) changes.putRosters.push(row);
  });
  eachFiled(before.rosters, after.rosters, sameRosterPlace, (row, kept) => {
    if (!kept) changes.removeRosters.push({ roster: row.roster, member: row.member });
  });
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

type BoardRow = EncodedRows['boards'][number];
type RosterRow = EncodedRows['rosters'][number];
const sameBoardPlace = (a: BoardRow, b: BoardRow) => a.board === b.board && a.entry.member === b.entry.member;
const sameRosterPlace = (a: RosterRow, b: RosterRow) => a.roster === b.roster && a.member === b.member;

/**
 * Each row of `rows` filed in one place (a row listed twice is the last one listed), with the row filed in
 * the same place in `other` (the last one listed there; undefined when none is). A record files a handful
 * of board and roster rows, so scanning both lists is cheaper than keying maps by joined text.
 */
function eachFiled<T>(
  rows: readonly T[],
  other: readonly T[],
  samePlace: (a: T, b: T) => boolean,
  visit: (row: T, other: T | undefined) => void,
): void {
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    if (lastIn(rows, row, samePlace, index + 1) !== undefined) continue;
    visit(row, lastIn(other, row, samePlace, 0));
  }
}

/** The last row of `rows` from `start` on filed where `row` is; undefined when none is. */
function lastIn<T>(rows: readonly T[], row: T, samePlace: (a: T, b: T) => boolean, start: number): T | undefined {
  for (let index = rows.length - 1; index >= start; index -= 1) if (samePlace(rows[index]!, row)) return rows[index];
  return undefined;
}

/** The same row values: entries hold only numbers and text, so comparing each field is enough (and cheap). */
function sameEntry(a: BoardEntry, b: BoardEntry): boolean {
  const fields = Object.keys(a) as Array<keyof BoardEntry>;
  return (
    fields.length === Object.keys(b).length &&
    fields.every((field) => Object.hasOwn(b, field) && Object.is(a[field], b[field]))
  );
}
