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
  const done = new Set<string>();
  const skipped = new Set<string>();
  let doneMinutes = 0;
  for (const resource of path.resources) {
    const status = marks[resource.id]?.status;
    if (status === 'done') {
      done.add(resource.id);
      doneMinutes += resource.minutes;
    } else if (status === 'skipped') skipped.add(resource.id);
  }
  const completedPhases = new Set<string>();
  for (const phase of path.phases) if (phase.resources.every(({ id }) => done.has(id))) completedPhases.add(phase.id);
  const locked: Locked[] = [];
  for (const phase of path.phases) {
    const missing = missingFor(path, phase, completedPhases);
    if (missing.length === 0 || !phase.resources.some(({ id }) => !done.has(id) && !skipped.has(id))) continue;
    const open = missing.flatMap((required) => required.resources.filter(({ id }) => !done.has(id)));
    locked.push({ phase, missing, open });
  }
  // Loops, not closures: this runs several times a command, and every command pays for it.
  let fresh: Resource | undefined;
  let again: Resource | undefined;
  for (const resource of path.resources) {
    const { id } = resource;
    if (done.has(id) || (again && skipped.has(id))) continue;
    if (!isOpenIn(path, resource, completedPhases)) continue;
    if (!skipped.has(id)) {
      fresh = resource;
      break;
    }
    again = resource;
  }
  return {
    done,
    skipped,
    completedPhases,
    doneMinutes,
    leftMinutes: path.totalMinutes - doneMinutes,
    current: fresh ?? again,
    revisiting: fresh === undefined && again !== undefined,
    locked,
    finished: done.size === path.resources.length,
  };
}

/** The phases `phase` requires that are not complete yet. */
function missingFor(path: LearningPath, phase: Phase, completedPhases: ReadonlySet<string>): Phase[] {
  return path.phases.filter((candidate) => phase.requires.includes(candidate.id) && !completedPhases.has(candidate.id));
}

function isOpenIn(path: LearningPath, resource: Resource, completedPhases: ReadonlySet<string>): boolean {
  return missingFor(path, phaseOf(path, resource), completedPhases).length === 0;
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
