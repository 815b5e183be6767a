import type { LearningPath } from '../curriculum/learning-path.js';
import type { Locked, PathProgress } from '../progress/path-progress.js';
import { phaseOf } from '../progress/path-progress.js';

/**
 * Why a later phase is not offered: said only for phases the learner would expect to be in by now
 * (before the resource offered, or any while a skipped resource is offered again).
 */
export function lockNotes(path: LearningPath, progress: PathProgress): string[] {
  const offered = progress.current ? phaseOf(path, progress.current).number : Infinity;
  return progress.locked
    .filter((locked) => progress.revisiting || locked.phase.number < offered)
    .map((locked) => lockNote(locked, progress));
}

export function lockNote({ phase, missing, open }: Locked, progress: PathProgress): string {
  const needs = missing.map((required) => `Phase ${required.number} (${required.title})`).join(' and ');
  const still = open
    .map((resource) => `**${resource.title}**${progress.skipped.has(resource.id) ? ' (skipped)' : ''}`)
    .join(', ');
  return `🔒 Phase ${phase.number} (${phase.title}) opens once ${needs} ${missing.length === 1 ? 'is' : 'are'} complete. Still open there: ${still}.`;
}
