import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import type { Button } from '../model/reply.js';
import type { PathProgress } from '../progress/path-progress.js';
import { completionLines } from './completion-lines.js';
import { lockNotes } from './lock-notes.js';
import { linkedTitle, resourceLines } from './resource-lines.js';

/** What comes next for a learner, as a piece that `next` shows on its own and other replies show under "Up next". */
export interface NextPart {
  /** Plain text, a title of its own: the resource offered, or the finish. */
  heading: string;
  url?: string;
  /** The same as one Markdown line for a reply that has another title. */
  upNext: string;
  lines: string[];
  /** Why a phase is not offered yet. */
  notes: string[];
  buttons: Button[];
  finished: boolean;
}

export function nextPart(path: LearningPath, progress: PathProgress, state: PathState | undefined): NextPart {
  const resource = progress.current;
  if (!resource) {
    const heading = `You finished the ${path.title} path 🎉`;
    return {
      heading,
      upNext: `**${heading}**`,
      lines: completionLines(path, progress, state),
      notes: [],
      buttons: [],
      finished: true,
    };
  }
  const done: Button = { label: 'Done', style: 'success', action: { id: 'done', value: resource.id } };
  const notes = lockNotes(path, progress);
  if (!progress.revisiting) {
    const skip: Button = { label: 'Skip', style: 'secondary', action: { id: 'skip', value: resource.id } };
    return {
      heading: resource.title,
      upNext: `**Up next:** ${linkedTitle(resource)}`,
      url: resource.url,
      lines: resourceLines(path, resource),
      notes,
      buttons: [done, skip],
      finished: false,
    };
  }
  const others = path.resources.filter(
    (candidate) => progress.skipped.has(candidate.id) && candidate.id !== resource.id,
  );
  if (notes.length === 0 && others.length > 0)
    notes.push(
      `You also skipped ${others.map((other) => `**${other.title}**`).join(', ')}; \`/${path.command} path\` shows them.`,
    );
  return {
    heading: `You skipped ${resource.title}; do it now?`,
    upNext: `**Up next:** you skipped ${linkedTitle(resource)}; do it now?`,
    url: resource.url,
    lines: resourceLines(path, resource),
    notes,
    buttons: [done],
    finished: false,
  };
}

/** The part as paragraphs under an "Up next" line, for replies whose title says what just happened. */
export function upNextParagraphs(part: NextPart): string[][] {
  return [part.notes, [part.upNext, ...part.lines]];
}
