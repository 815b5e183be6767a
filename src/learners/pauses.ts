import { MAX_PAUSES, type Pause, type PathState } from '../model/learner.js';

/**
 * A pause from `today` until `until` (the first day back). A pause under way is lengthened or shortened
 * instead of a second one starting; past pauses stay, the newest MAX_PAUSES of them, for the streak to look
 * back over.
 */
export function pausedUntil(state: PathState, today: string, until: string): void {
  const past = (state.pauses ?? []).filter((pause) => pause.until <= today);
  const current = (state.pauses ?? []).find((pause) => pause.from <= today && today < pause.until);
  const next: Pause = { from: current?.from ?? today, until };
  state.pauses = [...past, next].slice(-MAX_PAUSES);
}

/** Ends the pause under way today: reminders come today again. Returns whether there was one. */
export function endPause(state: PathState, today: string): boolean {
  const pauses = state.pauses ?? [];
  const current = pauses.find((pause) => pause.from <= today && today < pause.until);
  if (!current) return false;
  const rest = pauses.filter((pause) => pause !== current);
  // Days already paused stay paused, so the streak stays frozen over them.
  state.pauses = current.from < today ? [...rest, { from: current.from, until: today }] : rest;
  if (state.pauses.length === 0) delete state.pauses;
  return true;
}
