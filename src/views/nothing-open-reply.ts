import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { untickedByHand } from '../progress/checklist.js';
import type { PathProgress } from '../progress/path-progress.js';
import { nextPart, upNextParagraphs } from './next-part.js';
import { paragraphs } from './paragraphs.js';
import { pathMeasure } from './path-measure.js';

/**
 * A bare `done` or `skip` with nothing to mark: the path is finished, or (for `skip`) the only thing
 * open is a resource already skipped. Not a mistake, so it is answered kindly with what can be done.
 */
export function nothingOpenReply(
  path: LearningPath,
  progress: PathProgress,
  state: PathState | undefined,
  status: 'done' | 'skipped',
): Reply {
  const measure = [pathMeasure(path, progress)];
  if (!progress.finished) {
    const part = nextPart(path, progress, state);
    const lines = ["Everything open to you now is already skipped, so there's nothing to skip to."];
    return {
      visibility: 'private',
      tone: 'info',
      title: 'Nothing left to skip',
      text: paragraphs(lines, ...upNextParagraphs(part)),
      progress: measure,
      buttons: part.buttons,
    };
  }
  const verb = status === 'done' ? 'mark' : 'skip';
  const lines = [`Every resource is done, so there's nothing left to ${verb}.`];
  for (const item of untickedByHand(path, progress, state))
    lines.push(`To tick **${item.text}** on your checklist: \`/${path.command} done ${item.id}\``);
  lines.push(
    `To change a mark: \`/${path.command} undo\` reverts your last one, \`/${path.command} path\` shows them all.`,
  );
  return {
    visibility: 'private',
    tone: 'success',
    title: `You finished the ${path.title} path 🎉`,
    text: lines.join('\n'),
    progress: measure,
  };
}
