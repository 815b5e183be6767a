import type { Reply } from '../model/reply.js';
import { UserError } from '../model/user-error.js';
import { changePause } from '../learners/change-pause.js';
import { pausedUntil } from '../learners/pauses.js';
import { addDays, daysBetween } from '../reminders/calendar-date.js';
import { parsePauseArgs } from '../reminders/parse-pause-args.js';
import { calendarOf, MAX_PAUSE_DAYS, pauseOn } from '../reminders/study-calendar.js';
import { localDate } from '../reminders/zoned-time.js';
import { pausedUntilText } from '../views/plan-lines.js';
import { afterPauseLines } from '../views/after-pause-lines.js';
import { shownDate } from '../views/shown-time.js';
import type { Command } from './command.js';
import type { CommandContext } from './command-context.js';
import { resumeFromPause } from './resume-command.js';

export const pauseCommand: Command = {
  name: 'pause',
  description: 'Days off until a date (2026-12-28) or for a while (1w): no reminders, and your streak waits',
  usage: 'pause [until YYYY-MM-DD | 1w | 10d]',
  options: [
    {
      name: 'until',
      description: 'Your first day back, like 2026-12-28 or 28 dec, or how long, like 1w or 10d',
      kind: 'date',
      required: false,
      autocomplete: true,
    },
  ],
  async run(context, invocation) {
    const { path, learner, clock } = context;
    const today = localDate(learner.zone(), clock.now());
    const day = { zone: learner.zone(), today };
    const request = parsePauseArgs(invocation.args.until, today);
    if (request.kind === 'show') return showPause(context, today);
    if (request.kind === 'end') return resumeFromPause(context);
    const until = request.date;
    if (until <= today)
      throw new UserError(
        'pause-not-ahead',
        `${until === today ? 'That is today' : `${shownDate(day, until)} has already passed`}: a pause needs your first day back, after today.`,
        `For example \`/${path.command} pause until ${addDays(today, 7)}\` or \`/${path.command} pause 1w\`.`,
      );
    if (daysBetween(today, until) > MAX_PAUSE_DAYS)
      throw new UserError(
        'pause-too-long',
        `A pause can last up to a year; ${shownDate(day, until)} is further away.`,
        `Choose a date before ${shownDate(day, addDays(today, MAX_PAUSE_DAYS + 1))}, or turn reminders off with \`/${path.command} remind off\`.`,
      );
    const { state } = await changePause(context, (draft, day) => pausedUntil(draft, day, until));
    return {
      visibility: 'private',
      tone: 'success',
      title: `Paused until ${shownDate(day, until)}`,
      text: [
        state.reminder?.enabled
          ? 'No reminders or nudges before then, and your streak waits for you.'
          : 'Your streak waits for you.',
        ...afterPauseLines(context, state),
      ].join('\n'),
      footer: `/${path.command} resume ends the pause early.`,
    };
  },
};

function showPause({ path, learner }: CommandContext, today: string): Reply {
  const pause = pauseOn(calendarOf(learner.state(path)), today);
  return {
    visibility: 'private',
    tone: 'info',
    text: pause
      ? `${pausedUntilText(pause, { zone: learner.zone(), today })}. \`/${path.command} resume\` ends it early.`
      : `You're not paused. \`/${path.command} pause until ${addDays(today, 7)}\` (or \`pause 1w\`) takes days off: no reminders, and your streak waits.`,
  };
}
