import { parseDigestArgs } from '../digest/parse-digest-args.js';
import { digestKey, digestSettingsSchema, type DigestSettings } from '../digest/digest-settings.js';
import { channelBoardKey } from '../model/learner-key.js';
import type { Reply } from '../model/reply.js';
import { UserError } from '../model/user-error.js';
import { minuteOf } from '../reminders/reminder-slot.js';
import { formatLocal, nextWeeklyOccurrence } from '../reminders/zoned-time.js';
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
    const board = channelBoardKey(learner.user, learner.channel, path.command);
    const request = parseDigestArgs(invocation.args.day, invocation.args.time, path.command);
    if (request.kind === 'show') return showDigest(context, board);
    if (request.kind === 'off') return turnOff(context, board);
    return setDigest(context, board, request.weekday, request.time);
  },
};

async function setDigest(
  { store, clock, settings, learner, path }: CommandContext,
  board: string,
  weekday: number,
  time: string,
): Promise<Reply> {
  const zone = settings.defaultTimeZone;
  const previous = await readDigest(store, board);
  const nextAt = nextWeeklyOccurrence(zone, weekday, time, clock.now());
  const digest: DigestSettings = {
    v: 1,
    platform: learner.user.platform,
    workspace: learner.user.workspace,
    channelId: learner.channel.id,
    path: path.command,
    board,
    weekday,
    time,
    zone,
    nextAt,
  };
  await store.records.set(digestKey(board), digest);
  if (previous) await store.digests.remove(minuteOf(previous.nextAt), board);
  await store.digests.add(minuteOf(nextAt), board);
  return {
    visibility: 'private',
    tone: 'success',
    text: `Weekly digest on: every ${formatLocal(zone, nextAt).split(' ')[0]} at **${time} ${zone}** in this channel. First one: **${formatLocal(zone, nextAt)} ${zone}**. It notifies no one.`,
  };
}

async function turnOff({ store }: CommandContext, board: string): Promise<Reply> {
  const previous = await readDigest(store, board);
  if (previous) await store.digests.remove(minuteOf(previous.nextAt), board);
  await store.records.delete(digestKey(board));
  return {
    visibility: 'private',
    tone: 'success',
    text: previous ? 'Weekly digest turned off for this channel.' : 'This channel had no weekly digest.',
  };
}

async function showDigest({ store, path }: CommandContext, board: string): Promise<Reply> {
  const digest = await readDigest(store, board);
  return {
    visibility: 'private',
    tone: 'info',
    text: digest
      ? `Weekly digest: every ${formatLocal(digest.zone, digest.nextAt).split(' ')[0]} at **${digest.time} ${digest.zone}**; next **${formatLocal(digest.zone, digest.nextAt)}**.`
      : `No weekly digest here. \`/${path.command} digest monday 9am\` posts this channel's weekly leaderboard every Monday.`,
  };
}

export async function readDigest(store: CommandContext['store'], board: string): Promise<DigestSettings | undefined> {
  const raw = await store.records.get<unknown>(digestKey(board));
  return raw === undefined ? undefined : digestSettingsSchema.parse(raw);
}
