import type { LearningPath, Phase, Resource } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';

/** A phase that waits on earlier phases: which ones are unfinished, and what is still open there. */
export interface Locked {
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
  /**
   * What `next` offers and a bare `done` marks: the first resource not yet marked in a phase that is
   * open; when only skipped ones are left to do there, the first of those (see `revisiting`).
   */
  current?: Resource;
  /** `current` was skipped before: nothing unmarked is open, so it is offered again. */
  revisiting: boolean;
  /** Phases that still have unmarked resources and wait on unfinished phases. */
  locked: Locked[];
  /** Every resource is done. */
  finished: boolean;
}

export function progressOf(path: LearningPath, state: PathState | undefined): PathProgress {
  const marks = state?.marks ?? {};
  const done = new Set(
    path.resources.filter((resource) => marks[resource.id]?.status === 'done').map((resource) => resource.id),
  );
  const skipped = new Set(
    path.resources.filter((resource) => marks[resource.id]?.status === 'skipped').map((resource) => resource.id),
  );
  const completedPhases = new Set(
    path.phases.filter((phase) => phase.resources.every((resource) => done.has(resource.id))).map((phase) => phase.id),
  );
  const doneMinutes = path.resources
    .filter((resource) => done.has(resource.id))
    .reduce((sum, resource) => sum + resource.minutes, 0);
  const missingFor = (phase: Phase) =>
    path.phases.filter((candidate) => phase.requires.includes(candidate.id) && !completedPhases.has(candidate.id));
  const isOpen = (resource: Resource) => missingFor(phaseOf(path, resource)).length === 0;
  const unmarked = (resource: Resource) => !done.has(resource.id) && !skipped.has(resource.id);
  const locked = path.phases
    .filter((phase) => missingFor(phase).length > 0 && phase.resources.some(unmarked))
    .map((phase) => {
      const missing = missingFor(phase);
      return {
        phase,
        missing,
        open: missing.flatMap((required) => required.resources.filter((resource) => !done.has(resource.id))),
      };
    });
  const fresh = path.resources.find((resource) => unmarked(resource) && isOpen(resource));
  const again = fresh ? undefined : path.resources.find((resource) => skipped.has(resource.id) && isOpen(resource));
  return {
    done,
    skipped,
    completedPhases,
    doneMinutes,
    leftMinutes: path.totalMinutes - doneMinutes,
    current: fresh ?? again,
    revisiting: again !== undefined,
    locked,
    finished: done.size === path.resources.length,
  };
}

/** Whether every phase `resource`'s phase requires is complete. */
export function isPhaseOpen(path: LearningPath, progress: PathProgress, resource: Resource): boolean {
  return phaseOf(path, resource).requires.every((id) => progress.completedPhases.has(id));
}

export function phaseOf(path: LearningPath, resource: Resource): Phase {
  const phase = path.phases.find((candidate) => candidate.id === resource.phaseId);
  if (!phase) throw new Error(`resource ${resource.id} has no phase ${resource.phaseId}`);
  return phase;
}
