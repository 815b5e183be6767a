import type { LearningPath, Phase } from '../curriculum/learning-path.js';
import { emptyPathState, type PathState } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { UserError } from '../model/user-error.js';
import { setMark } from '../learners/marks.js';
import { isPhaseOpen, phaseOf, progressOf, type PathProgress } from '../progress/path-progress.js';
import { resolveItem, type Item } from '../progress/resolve-item.js';
import { nothingOpenReply } from '../views/nothing-open-reply.js';
import { outcomeReply } from '../views/outcome-reply.js';
import type { CommandContext } from './command-context.js';

type Status = 'done' | 'skipped';

/** `done` and `skip`: mark the named (or current) resource or checklist line, announce finished phases once, show what is next. */
export async function markItem(context: CommandContext, status: Status, named: string | undefined): Promise<Reply> {
  const { path, learner, clock } = context;
  const before = progressOf(path, learner.state(path));
  if (!named && (!before.current || (status === 'skipped' && before.revisiting)))
    return nothingOpenReply(path, before, learner.state(path), status);
  const item: Item = named ? resolveItem(path, named) : { kind: 'resource', resource: before.current! };
  if (item.kind === 'checklist' && status === 'skipped') {
    throw new UserError(
      'not-skippable',
      `**${item.item.text}** is on the completion checklist, and checklist lines are ticked, not skipped.`,
      `Tick it with \`/${path.command} done ${item.item.id}\` when it's true; \`/${path.command} undo\` unticks it again.`,
    );
  }
  const id = item.kind === 'resource' ? item.resource.id : item.item.id;
  const label = item.kind === 'resource' ? item.resource.title : item.item.text;
  const outcome = await learner.change(path, (draft) => {
    const state = (draft.paths[path.command] ??= emptyPathState(clock.now()));
    if (status === 'skipped' && state.marks[id]?.status === 'done') {
      throw new UserError(
        'already-done',
        `**${label}** is already done, so there's nothing to skip.`,
        `Use \`/${path.command} undo\` if marking it done was a mistake.`,
      );
    }
    const changed = setMark(state, id, status, clock.now());
    const after = progressOf(path, state);
    return { changed, finished: announcePhases(state, after.completedPhases, path.phases), state, after };
  });
  const lines = outcome.finished.map((phase) => `🎉 **Phase ${phase.number}: ${phase.title}** complete!`);
  if (item.kind === 'resource' && status === 'done' && outcome.changed && !isPhaseOpen(path, before, item.resource)) {
    lines.push(aheadNote(path, before, phaseOf(path, item.resource)));
  }
  const title = titleFor(item, status, outcome.changed, label);
  // The reply shows the state the change saved, whose progress the change worked out (announcing adds no mark).
  return outcomeReply(
    path,
    outcome.state,
    {
      title,
      tone: outcome.changed ? 'success' : 'info',
      lines: outcome.changed ? lines : ['Nothing changed.', ...lines],
      checklist: item.kind === 'checklist',
    },
    outcome.after,
  );
}

function titleFor(item: Item, status: Status, changed: boolean, label: string): string {
  if (item.kind === 'checklist') return `${changed ? 'Ticked' : 'Already ticked'}: ${label}`;
  if (status === 'done') return `${changed ? 'Marked done' : 'Already done'}: ${label}`;
  return `${changed ? 'Skipped' : 'Already skipped'}: ${label}`;
}

/** Phases complete now and never announced before; remembered so each is celebrated once. */
function announcePhases(state: PathState, completed: Set<string>, phases: readonly Phase[]): Phase[] {
  const finished = phases.filter((phase) => completed.has(phase.id) && !state.announcedPhases.includes(phase.id));
  state.announcedPhases.push(...finished.map((phase) => phase.id));
  return finished;
}

/** Marking a resource of a locked phase done is fine; the learner hears that the phase itself still waits. */
function aheadNote(path: LearningPath, before: PathProgress, phase: Phase): string {
  const missing = path.phases.filter(
    (candidate) => phase.requires.includes(candidate.id) && !before.completedPhases.has(candidate.id),
  );
  const needs = missing.map((required) => `Phase ${required.number} (${required.title})`).join(' and ');
  return `⏩ Done ahead of its phase: Phase ${phase.number} (${phase.title}) opens once ${needs} ${missing.length === 1 ? 'is' : 'are'} complete. It counts already.`;
}
