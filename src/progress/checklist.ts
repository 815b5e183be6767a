import type { ChecklistItem, LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import type { PathProgress } from './path-progress.js';

/** A phase's line ticks itself when the phase is complete; any other line is ticked by the learner with `done`. */
export function isTicked(item: ChecklistItem, progress: PathProgress, state: PathState | undefined): boolean {
  return item.phaseId ? progress.completedPhases.has(item.phaseId) : state?.marks[item.id]?.status === 'done';
}

/** The checklist lines the learner ticks themselves and has not ticked yet. */
export function untickedByHand(
  path: LearningPath,
  progress: PathProgress,
  state: PathState | undefined,
): ChecklistItem[] {
  return path.checklist.filter((item) => !item.phaseId && !isTicked(item, progress, state));
}
