import { parseDigestArgs } from '../digest/parse-digest-args.js';
import { encodeBoardId, type BoardId } from '../model/board-id.js';
import type { Reply } from '../model/reply.js';
import { UserError } from '../model/user-error.js';
import { formatLocal } from '../reminders/zoned-time.js';
import { shownInstant } from '../views/shown-time.js';
import { readCommunityZone } from '../community/community-zone.js';
import { scheduleDigest, stopDigest } from '../digest/schedule-digest.js';
import { encodeWorkspaceId } from '../model/learner-id.js';
import type { Command } from './command.js';
import type { CommandContext } from './command-context.js';

export const digestCommand: Command = {
  name: 'digest',
  description: "Post this channel's weekly leaderboard on a day and time (or off)",
  usage: 'digest [day time | off]',
  adminOnly: true,
  options: [
    { name: 'day', description: 'Day of the week, like monday or mon; or "off"', kind: 'text', required: false },
    { name: 'time', description: 'Time in the community time zone, like 09:00 or 9am', kind: 'time', required: false },
  ],
  async run(context, invocation) {
    const { learner, path } = context;
    if (learner.channel.isDirect)
      throw new UserError('digest-in-dm', 'Run this in the channel that should get the weekly digest.');
    const { platform, workspace } = learner.user;
    const board = encodeBoardId({ platform, workspace, channel: learner.channel.id, path: path.command });
    const request = parseDigestArgs(invocation.args.day, invocation.args.time, path.command);
    if (request.kind === 'show') return showDigest(context, board);
    if (request.kind === 'off') return turnOff(context);
    return setDigest(context, request.weekday, request.time);
  },
};

async function setDigest(
  { store, clock, settings, learner, path }: CommandContext,
  weekday: number,
  time: string,
): Promise<Reply> {
  const { platform, workspace } = learner.user;
  const zone = await readCommunityZone(store.records, encodeWorkspaceId(platform, workspace), settings.defaultTimeZone);
  const board = { platform, workspace, channel: learner.channel.id, path: path.command };
  const { nextAt } = await scheduleDigest(store, { board, weekday, time, zone }, clock.now());
  return {
    visibility: 'private',
    tone: 'success',
    text: `Weekly digest on: every ${formatLocal(zone, nextAt).split(' ')[0]} at **${time} ${zone}** in this channel. First one: **${shownInstant(zone, nextAt)}**. It notifies no one.`,
  };
}

async function turnOff({ store, learner, path }: CommandContext): Promise<Reply> {
  const { platform, workspace } = learner.user;
  const had = await stopDigest(store, { platform, workspace, channel: learner.channel.id, path: path.command });
  return {
    visibility: 'private',
    tone: 'success',
    text: had ? 'Weekly digest turned off for this channel.' : 'This channel had no weekly digest.',
  };
}

async function showDigest({ store, path }: CommandContext, board: BoardId): Promise<Reply> {
  const digest = await store.digests.get(board);
  return {
    visibility: 'private',
    tone: 'info',
    text: digest
      ? `Weekly digest: every ${formatLocal(digest.zone, digest.nextAt).split(' ')[0]} at **${digest.time} ${digest.zone}**; next **${shownInstant(digest.zone, digest.nextAt, { withZone: false })}**.`
      : `No weekly digest here. \`/${path.command} digest monday 9am\` posts this channel's weekly leaderboard every Monday.`,
  };
}
