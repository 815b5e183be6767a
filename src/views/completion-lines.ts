import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import { untickedByHand } from '../progress/checklist.js';
import type { PathProgress } from '../progress/path-progress.js';
import { extraLines } from './extra-lines.js';

/** The finish line: what was studied, the extras and videos, and only the checklist lines still unticked. */
export function completionLines(path: LearningPath, progress: PathProgress, state: PathState | undefined): string[] {
  const lines = [`All ${path.resources.length} resources done — ${path.totalMinutes} minutes of study.`];
  if (path.extras.length > 0)
    lines.push('', '**Keep going with the additional resources:**', ...extraLines(path.extras));
  if (path.videos.length > 0) lines.push('', '**Supplementary videos:**', ...extraLines(path.videos));
  lines.push('', ...checklistLines(path, progress, state));
  return lines;
}

/** What is left on the completion checklist, with the command that ticks each line. */
export function checklistLines(path: LearningPath, progress: PathProgress, state: PathState | undefined): string[] {
  const unticked = untickedByHand(path, progress, state);
  if (unticked.length === 0) return progress.finished ? ['Your completion checklist is all ticked. Well done!'] : [];
  return [
    '**Still to tick on your checklist:**',
    ...unticked.map((item) => `- ${item.text}: \`/${path.command} done ${item.id}\``),
  ];
}
