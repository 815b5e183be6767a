import type { Reply } from '../model/reply.js';
import { comingDailyReminder } from '../reminders/daily-reminder-rule.js';
import { changeReminder } from '../reminders/change-reminder.js';
import { describeDays } from '../reminders/parse-days.js';
import { parseRemindArgs } from '../reminders/parse-remind-args.js';
import { nudgeLine } from '../reminders/reminder-lines.js';
import { calendarOf, pauseOn } from '../reminders/study-calendar.js';
import { localDate } from '../reminders/zoned-time.js';
import { encodeSlotId } from '../model/slot-id.js';
import { pausedUntilText } from '../views/plan-lines.js';
import { learnerDay, shownInstant } from '../views/shown-time.js';
import type { Command } from './command.js';
import type { CommandContext } from './command-context.js';

export const remindCommand: Command = {
  name: 'remind',
  description: 'Study reminders at a time like 09:00 or 9am, on days like mon,wed,fri; "off" stops them',
  usage: 'remind [HH:MM [time zone] [days] | nudge off | off]',
  options: [
    { name: 'time', description: 'Local time like 09:00, 9am or 18:30; or "off"', kind: 'time', required: false },
    {
      name: 'zone',
      description: 'Your time zone, like Europe/Berlin (default: the one you set before)',
      kind: 'zone',
      required: false,
      autocomplete: true,
    },
    {
      name: 'days',
      description: 'Days like mon,wed,fri, weekdays, weekends or daily (default: as before, else every day)',
      kind: 'days',
      required: false,
      autocomplete: true,
    },
    {
      name: 'nudge',
      description: 'Evening nudge when your streak is at risk: "off", "on" or a time like 20:00',
      kind: 'time',
      required: false,
      keyword: true,
    },
  ],
  async run(context, invocation) {
    const request = parseRemindArgs(invocation.args);
    if (request.kind === 'show') return await showReminder(context);
    if (request.kind === 'off') return turnOff(context);
    return changeReminder(context, request);
  },
};

async function turnOff({ path, learner }: CommandContext): Promise<Reply> {
  await learner.change(path, (draft) => {
    const reminder = draft.paths[path.command]?.reminder;
    if (reminder) Object.assign(reminder, { enabled: false, nextAt: null, nudgeAt: null });
  });
  return {
    visibility: 'private',
    tone: 'success',
    text: `Reminders are off. Turn them back on with \`/${path.command} remind 09:00\` (any time you like).`,
  };
}

async function showReminder({ path, learner, store, clock }: CommandContext): Promise<Reply> {
  const state = learner.state(path);
  const reminder = state?.reminder;
  const now = clock.now();
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
      text: `You have no reminder. Set one with \`/${path.command} remind 09:00 Europe/Berlin\` (or \`9am\`, your own zone, and days like \`mon,wed,fri\`).`,
    };
  }
  const days = describeDays(calendarOf(state).days);
  const pause = pauseOn(calendarOf(state), localDate(reminder.zone, now));
  const lines = [
    days === 'every day'
      ? `Your daily reminder: **${reminder.time} ${reminder.zone}**.`
      : `Your reminder: **${reminder.time} ${reminder.zone}** on **${days}**.`,
    `Next reminder: **${shownInstant(reminder.zone, next, { now })}**.`,
    nudgeLine(reminder, path.command),
    ...(pause
      ? [
          `${pausedUntilText(pause, learnerDay(reminder.zone, now))}: no reminders or nudges before then. \`/${path.command} resume\` ends it early.`,
        ]
      : []),
    ...(reminder.paused
      ? ['Reminders are paused because the last few went unanswered; using any command resumes them.']
      : []),
  ];
  return { visibility: 'private', tone: 'info', text: lines.join('\n') };
}
