import { emptyPathState } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { UserError } from '../model/user-error.js';
import { setMark } from '../learners/marks.js';
import { progressOf } from '../progress/path-progress.js';
import { resolveItem, type Item } from '../progress/resolve-item.js';
import { nextReply } from '../views/next-reply.js';
import type { CommandContext } from './command-context.js';

/** `done` and `skip`: mark the named (or current) resource, announce finished phases once, show what is next. */
export async function markItem(context: CommandContext, status: 'done' | 'skipped', named: string | undefined): Promise<Reply> {
  const { path, learner, clock } = context;
  const item = named ? resolveItem(path, named, status === 'done') : currentItem(context);
  if (item.kind === 'checklist' && status !== 'done') throw new UserError('not-skippable', 'Checklist items can only be ticked, not skipped.');
  const id = item.kind === 'resource' ? item.resource.id : item.item.id;
  const title = item.kind === 'resource' ? item.resource.title : item.item.text;
  const outcome = await learner.change(path, (draft) => {
    const state = (draft.paths[path.command] ??= emptyPathState(clock.now()));
    if (status === 'skipped' && state.marks[id]?.status === 'done') {
      throw new UserError('already-done', `**${title}** is already done, so there's nothing to skip.`, `Use \`/${path.command} undo\` if that was a mistake.`);
    }
    const changed = setMark(state, id, status, clock.now());
    const finished = path.phases.filter((phase) => progressOf(path, state).completedPhases.has(phase.id) && !state.announcedPhases.includes(phase.id));
    state.announcedPhases.push(...finished.map((phase) => phase.id));
    return { changed, finished, state };
  });
  const verb = status === 'done' ? 'done' : 'skipped';
  const lines = [outcome.changed ? `${status === 'done' ? '✅' : '⏭️'} **${title}** marked ${verb}.` : `**${title}** was already ${verb}; nothing changed.`];
  for (const phase of outcome.finished) lines.push(`🎉 **Phase ${phase.number}: ${phase.title}** complete!`);
  if (item.kind === 'checklist') return { visibility: 'private', tone: 'success', text: lines.join('\n') };
  const reply = nextReply(path, outcome.state, lines.join('\n'));
  return reply;
}

function currentItem({ path, learner }: CommandContext): Item {
  const progress = progressOf(path, learner.state(path));
  if (!progress.current) {
    throw new UserError('nothing-open', `Every resource of the ${path.title} path is already marked.`, `Name one to change it, like \`/${path.command} done ${path.resources[0]?.id}\`, or use \`/${path.command} undo\`.`);
  }
  return { kind: 'resource', resource: progress.current };
}
