import type { LearningPath } from '../curriculum/learning-path.js';
import type { ProgressLine } from '../model/reply.js';
import type { PathProgress } from '../progress/path-progress.js';

/** One bar per phase, by the minutes of its resources done ("55 of 90 min"): `progress` and the Home tab show them. */
export function phaseMeasures(path: LearningPath, progress: PathProgress): ProgressLine[] {
  return path.phases.map((phase) => {
    const total = phase.resources.reduce((sum, resource) => sum + resource.minutes, 0);
    const done = phase.resources
      .filter((resource) => progress.done.has(resource.id))
      .reduce((sum, resource) => sum + resource.minutes, 0);
    return { label: `Phase ${phase.number}`, done, total, detail: `${done} of ${total} min` };
  });
}
