import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { progressOf } from '../progress/path-progress.js';
import { nextPart } from './next-part.js';
import { paragraphs } from './paragraphs.js';
import { pathMeasure } from './path-measure.js';

/** What `next` shows: the resource to do now (titled by it, linked once), why a phase waits, or the finish. */
export function nextReply(path: LearningPath, state: PathState | undefined): Reply {
  const progress = progressOf(path, state);
  const part = nextPart(path, progress, state);
  return {
    visibility: 'private',
    tone: part.finished ? 'success' : 'info',
    title: part.heading,
    url: part.url,
    text: paragraphs(part.lines, part.notes),
    progress: [pathMeasure(path, progress)],
    buttons: part.buttons,
  };
}
