import { UNDO_DEPTH, type HistoryEntry, type PathState } from '../model/learner.js';

/** Marks an item done or skipped, remembering what it was for `undo`. Returns false when nothing changed. */
export function setMark(state: PathState, item: string, status: 'done' | 'skipped', now: number): boolean {
  const previous = state.marks[item] ?? null;
  if (previous?.status === status) return false;
  state.marks[item] = { status, at: now };
  state.history.push({ item, previous, at: now });
  if (state.history.length > UNDO_DEPTH) state.history.splice(0, state.history.length - UNDO_DEPTH);
  return true;
}

/** Reverts the last mark; undefined when there is nothing to undo. */
export function undoLastMark(state: PathState): HistoryEntry | undefined {
  const last = state.history.pop();
  if (!last) return undefined;
  if (last.previous) state.marks[last.item] = last.previous;
  else delete state.marks[last.item];
  return last;
}
