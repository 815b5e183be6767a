import { encodeBoardId } from '../model/board-id.js';
import { decodeLearnerId } from '../model/learner-id.js';
import { quoteUserText } from '../model/quote-user-text.js';
import type { Reply } from '../model/reply.js';
import { UserError } from '../model/user-error.js';
import { weekBoardOf } from '../learners/learner-rows.js';
import type { RankedEntry } from '../ports/store.js';
import type { Command } from './command.js';
import type { CommandContext } from './command-context.js';

const TOP = 10;
/** As long as a saved name may be (see learner-session.ts). */
const NAME_MAX = 32;
const MEDALS = ['🥇', '🥈', '🥉'];

export const leaderboardCommand: Command = {
  name: 'leaderboard',
  description: "This channel's ranking (week or all time); hide or show yourself",
  usage: 'leaderboard [week|all|hide|show]',
  options: [
    {
      name: 'scope',
      description: 'week, all (default), hide or show',
      kind: 'choice',
      required: false,
      choices: ['all', 'week', 'hide', 'show'],
    },
  ],
  async run(context, invocation) {
    const scope = invocation.args.scope ?? 'all';
    if (scope === 'hide' || scope === 'show') return setHidden(context, scope === 'hide');
    if (context.learner.channel.isDirect) {
      throw new UserError(
        'board-in-dm',
        'Leaderboards belong to channels.',
        `Run \`/${context.path.command} leaderboard\` in a channel where people learn together.`,
      );
    }
    return board(context, scope === 'week');
  },
};

async function board({ path, learner, store, settings, clock }: CommandContext, weekly: boolean): Promise<Reply> {
  const { platform, workspace } = learner.user;
  const channelBoard = encodeBoardId({ platform, workspace, channel: learner.channel.id, path: path.command });
  const key = weekly ? weekBoardOf(channelBoard, settings.defaultTimeZone, clock.now()) : channelBoard;
  const page = await store.boards.top(key, TOP, learner.key);
  // Rows with nothing finished (kept by older versions until store:check) rank last: leaving them out moves no one else's rank.
  const onBoard = (row: RankedEntry) => row.completed > 0;
  const rows = page.rows.filter(onBoard).map((row) => line(row, row.member === learner.key));
  const self = page.self && onBoard(page.self) ? page.self : undefined;
  if (self && !page.rows.some((row) => row.member === self.member)) rows.push('…', line(self, true));
  const join = weekly
    ? 'Finish a resource here this week to join this board.'
    : 'Finish a resource here to join this board.';
  const empty = weekly ? 'Nobody here has finished a resource this week yet.' : 'Nobody is on this board yet.';
  const text = [rows.length > 0 ? rows.join('\n') : empty, ...(self || learner.record.hidden ? [] : ['', join])];
  return {
    visibility: 'public',
    tone: 'info',
    title: `${path.title} leaderboard — ${weekly ? 'this week' : 'all time'}`,
    text: text.join('\n'),
    footer: `${page.total} learner${page.total === 1 ? '' : 's'} on this board · ranked by resources, then minutes, then who got there first${learner.record.hidden ? ' · you are hidden' : ''}`,
  };
}

function line(row: RankedEntry, isCaller: boolean): string {
  const badge = MEDALS[row.rank - 1] ?? `**${row.rank}.**`;
  const text = `${badge} ${shownName(row)} — ${row.completed} resource${row.completed === 1 ? '' : 's'}, ${row.minutes} min`;
  return isCaller ? `${text} ← you` : text;
}

/**
 * Names are cleaned when they are saved; cleaning again here covers rows an older version saved before
 * invisible format characters were removed (a name with U+202E would reverse the rest of its line).
 */
function shownName(row: RankedEntry): string {
  return quoteUserText(row.name, NAME_MAX) || (decodeLearnerId(row.member)?.id ?? '?');
}

async function setHidden({ path, learner }: CommandContext, hidden: boolean): Promise<Reply> {
  const was = await learner.change(path, (draft) => {
    const before = draft.hidden;
    draft.hidden = hidden;
    return before;
  });
  const text = hidden
    ? `You're hidden from every leaderboard. Your progress is kept; \`/${path.command} leaderboard show\` brings you back.`
    : was
      ? "You're back on the leaderboards of the channels where you've finished a resource."
      : "You're not hidden: you're on the leaderboard of each channel where you've finished a resource.";
  return { visibility: 'private', tone: 'success', text };
}
