import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import type { Reply, Tone } from '../model/reply.js';
import { progressOf } from '../progress/path-progress.js';
import { checklistLines } from './completion-lines.js';
import { nextPart, upNextParagraphs } from './next-part.js';
import { paragraphs } from './paragraphs.js';
import { pathMeasure } from './path-measure.js';

/** What happened (done, skip, undo) as the title and first lines, then what is next under "Up next" with its buttons. */
export interface Outcome {
  title: string;
  tone: Tone;
  lines: string[];
  /** A checklist line was ticked: once the path is finished, only the checklist is worth repeating. */
  checklist?: boolean;
}

/** `progress`, when the caller worked it out already, is progressOf(path, state). */
export function outcomeReply(
  path: LearningPath,
  state: PathState | undefined,
  outcome: Outcome,
  progress = progressOf(path, state),
): Reply {
  const part = nextPart(path, progress, state);
  return {
    visibility: 'private',
    tone: outcome.tone,
    title: outcome.title,
    text:
      part.finished && outcome.checklist
        ? paragraphs(outcome.lines, checklistLines(path, progress, state))
        : paragraphs(outcome.lines, ...upNextParagraphs(part)),
    progress: [pathMeasure(path, progress)],
    buttons: part.buttons,
  };
}
