import type { LearningPath } from '../curriculum/learning-path.js';
import type { ProgressLine } from '../model/reply.js';
import type { PathProgress } from '../progress/path-progress.js';

/** The one measure of how far a learner is: minutes of the path's durations, with the resource count beside it. */
export function pathMeasure(path: LearningPath, progress: PathProgress, label = 'Path'): ProgressLine {
  const resources = `${progress.done.size} of ${path.resources.length} resource${path.resources.length === 1 ? '' : 's'}`;
  return {
    label,
    done: progress.doneMinutes,
    total: path.totalMinutes,
    detail: `${progress.doneMinutes} of ${path.totalMinutes} min done (${resources})`,
  };
}
