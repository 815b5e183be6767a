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
  const setsBefore = byKey(before.sets, setKey);
  const setsAfter = byKey(after.sets, setKey);
  for (const [key, row] of setsAfter) if (!setsBefore.has(key)) changes.addSets.push(row);
  for (const [key, row] of setsBefore) if (!setsAfter.has(key)) changes.removeSets.push(row);
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

const setKey = (row: EncodedRows['sets'][number]) => `${row.set}\n${row.member}`;
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
