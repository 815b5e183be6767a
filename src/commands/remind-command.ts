import { emptyPathState, type Reminder } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { comingDailyReminder, nextDailyReminder } from '../reminders/daily-reminder-rule.js';
import { formatLocal } from '../reminders/zoned-time.js';
import { parseRemindArgs } from '../reminders/parse-remind-args.js';
import { encodeSlotId } from '../model/slot-id.js';
import { resolveTimeZone } from '../reminders/resolve-time-zone.js';
import type { Command } from './command.js';
import type { CommandContext } from './command-context.js';

export const remindCommand: Command = {
  name: 'remind',
  description: 'Daily study reminder: a time like 09:00 or 9am, optional time zone; "off" stops it',
  usage: 'remind [HH:MM [time zone] | off]',
  options: [
    { name: 'time', description: 'Local time like 09:00, 9am or 18:30; or "off"', kind: 'time', required: false },
    {
      name: 'zone',
      description: 'Your time zone, like Europe/Berlin (default: the one you set before)',
      kind: 'zone',
      required: false,
      autocomplete: true,
    },
  ],
  async run(context, invocation) {
    const request = parseRemindArgs(invocation.args.time, invocation.args.zone);
    if (request.kind === 'show') return await showReminder(context);
    if (request.kind === 'off') return turnOff(context);
    return setReminder(
      context,
      request.time,
      request.zone ?? context.learner.record.zone ?? platformZone(context) ?? context.settings.defaultTimeZone,
    );
  },
};

function platformZone({ learner }: CommandContext): string | undefined {
  try {
    return learner.user.timeZone ? resolveTimeZone(learner.user.timeZone) : undefined;
  } catch {
    return undefined;
  }
}

async function setReminder(context: CommandContext, time: string, zone: string): Promise<Reply> {
  const { path, learner, clock, store, messengers } = context;
  const now = clock.now();
  const opened = await messengers.get(learner.user.platform)?.open(learner.user);
  if (opened && 'undeliverable' in opened) {
    return {
      visibility: 'private',
      tone: 'warning',
      text: `I can't send you direct messages (${opened.undeliverable}), so a reminder would never reach you. Allow DMs from this app, then try again.`,
    };
  }
  const member = encodeSlotId({ learner: learner.key, path: path.command });
  const nextAt = await nextDailyReminder(store.records, learner.record, path, member, { zone, time }, now);
  await learner.change(path, (draft) => {
    const state = (draft.paths[path.command] ??= emptyPathState(now));
    state.reminder = {
      time,
      zone,
      enabled: true,
      nextAt,
      ignored: 0,
      paused: false,
      snoozeAt: null,
    } satisfies Reminder;
    draft.zone = zone;
    if (opened?.address) draft.dmAddress = opened.address;
    delete draft.undeliverable;
  });
  return {
    visibility: 'private',
    tone: 'success',
    title: 'Daily reminder set',
    text: `I'll remind you every day at **${time} ${zone}** with your next resource.\nNext reminder: **${formatLocal(zone, nextAt)} ${zone}**.`,
    footer: `Change it any time with /${path.command} remind HH:MM, stop it with /${path.command} remind off.`,
  };
}

async function turnOff({ path, learner }: CommandContext): Promise<Reply> {
  await learner.change(path, (draft) => {
    const reminder = draft.paths[path.command]?.reminder;
    if (reminder) Object.assign(reminder, { enabled: false, nextAt: null });
  });
  return {
    visibility: 'private',
    tone: 'success',
    text: `Reminders are off. Turn them back on with \`/${path.command} remind 09:00\` (any time you like).`,
  };
}

async function showReminder({ path, learner, store }: CommandContext): Promise<Reply> {
  const reminder = learner.state(path)?.reminder;
  // Studying after the reminder was set skips today's: announce the one that will come.
  const next = await comingDailyReminder(
    store.records,
    learner.record,
    path,
    encodeSlotId({ learner: learner.key, path: path.command }),
  );
  if (!reminder || next === undefined) {
    return {
      visibility: 'private',
      tone: 'info',
      text: `You have no daily reminder. Set one with \`/${path.command} remind 09:00 Europe/Berlin\` (or \`9am\`, and your own zone).`,
    };
  }
  const paused = reminder.paused
    ? '\nReminders are paused because the last few went unanswered; using any command resumes them.'
    : '';
  return {
    visibility: 'private',
    tone: 'info',
    text: `Your daily reminder: **${reminder.time} ${reminder.zone}**.\nNext reminder: **${formatLocal(reminder.zone, next)} ${reminder.zone}**.${paused}`,
  };
}
