import type { LearningPath, Phase, Resource } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';

/** Why `next` cannot go on: a phase needs earlier phases complete, and these resources are still open there. */
export interface Blocked {
  phase: Phase;
  missing: Phase[];
  open: Resource[];
}

/** Everything the commands need to know about one learner on one path, derived from their marks. */
export interface PathProgress {
  done: Set<string>;
  skipped: Set<string>;
  completedPhases: Set<string>;
  doneMinutes: number;
  leftMinutes: number;
  /** What `next` offers and a bare `done` marks. */
  current?: Resource;
  blocked?: Blocked;
  /** Every resource is done or skipped. */
  finished: boolean;
}

export function progressOf(path: LearningPath, state: PathState | undefined): PathProgress {
  const marks = state?.marks ?? {};
  const done = new Set(path.resources.filter((resource) => marks[resource.id]?.status === 'done').map((resource) => resource.id));
  const skipped = new Set(path.resources.filter((resource) => marks[resource.id]?.status === 'skipped').map((resource) => resource.id));
  const completedPhases = new Set(path.phases.filter((phase) => phase.resources.every((resource) => done.has(resource.id))).map((phase) => phase.id));
  const doneMinutes = path.resources.filter((resource) => done.has(resource.id)).reduce((sum, resource) => sum + resource.minutes, 0);
  const progress: PathProgress = { done, skipped, completedPhases, doneMinutes, leftMinutes: path.totalMinutes - doneMinutes, finished: false };
  const firstOpen = path.resources.find((resource) => !done.has(resource.id) && !skipped.has(resource.id));
  if (!firstOpen) {
    progress.finished = true;
    return progress;
  }
  const phase = phaseOf(path, firstOpen);
  const missing = path.phases.filter((candidate) => phase.requires.includes(candidate.id) && !completedPhases.has(candidate.id));
  if (missing.length === 0) {
    progress.current = firstOpen;
    return progress;
  }
  const open = missing.flatMap((required) => required.resources.filter((resource) => !done.has(resource.id)));
  progress.blocked = { phase, missing, open };
  progress.current = open[0];
  return progress;
}

export function phaseOf(path: LearningPath, resource: Resource): Phase {
  const phase = path.phases.find((candidate) => candidate.id === resource.phaseId);
  if (!phase) throw new Error(`resource ${resource.id} has no phase ${resource.phaseId}`);
  return phase;
}

/** "Phase 2 · 1 of 3" */
export function placeOf(path: LearningPath, resource: Resource): string {
  const phase = phaseOf(path, resource);
  return `Phase ${phase.number} · ${resource.position} of ${phase.resources.length}`;
}
