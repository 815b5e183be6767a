import { emptyPathState } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { parsePlanArgs } from '../plans/parse-plan-args.js';
import { checkedPlan } from '../plans/checked-plan.js';
import { forecast } from '../plans/plan-forecast.js';
import { planStanding } from '../plans/plan-standing.js';
import { calendarOf, pauseOn } from '../reminders/study-calendar.js';
import { localDate } from '../reminders/zoned-time.js';
import { forecastLine, pausedUntilText, scheduleLines, standingLead } from '../views/plan-lines.js';
import { shownDate } from '../views/shown-time.js';
import type { Command } from './command.js';
import type { CommandContext } from './command-context.js';

export const planCommand: Command = {
  name: 'plan',
  description: 'A study plan: a finish date (by 2027-01-15) or minutes a study day (20 min); "off" drops it',
  usage: 'plan [by YYYY-MM-DD | N min | off]',
  options: [
    {
      name: 'goal',
      description: 'A finish date like "by 2027-01-15", minutes a study day like "20 min", or "off"',
      kind: 'plan',
      required: false,
      autocomplete: true,
    },
  ],
  async run(context, invocation) {
    const { path, learner, clock } = context;
    const today = localDate(learner.zone(), clock.now());
    const request = parsePlanArgs(invocation.args.goal, today, path.command);
    if (request.kind === 'show') return showPlan(context);
    if (request.kind === 'off') return dropPlan(context);
    const plan = checkedPlan(path, learner.state(path), learner.zone(), clock.now(), request);
    await learner.change(path, (draft) => {
      (draft.paths[path.command] ??= emptyPathState(clock.now())).plan = plan;
    });
    return planReply(context, 'success');
  },
};

export async function dropPlan({ path, learner }: CommandContext): Promise<Reply> {
  const had = await learner.change(path, (draft) => {
    const state = draft.paths[path.command];
    const plan = state?.plan;
    if (state) delete state.plan;
    return plan !== undefined;
  });
  return {
    visibility: 'private',
    tone: had ? 'success' : 'info',
    text: had
      ? `Your plan is off. \`/${path.command} plan by 2027-01-15\` makes a new one.`
      : `You have no plan to drop. \`/${path.command} plan by 2027-01-15\` makes one.`,
  };
}

function showPlan(context: CommandContext): Reply {
  const { path, learner } = context;
  if (!learner.state(path)?.plan) {
    return {
      visibility: 'private',
      tone: 'info',
      text: `You have no study plan yet. \`/${path.command} plan by 2027-01-15\` works out the minutes a study day for a finish date; \`/${path.command} plan 20 min\` sets them.`,
    };
  }
  return planReply(context, 'info');
}

/** The plan: pace and finish, where the learner stands, and the coming study days with what each holds. */
export function planReply({ path, learner, clock }: CommandContext, tone: 'success' | 'info'): Reply {
  const state = learner.state(path)!;
  const plan = state.plan!;
  const zone = learner.zone();
  const now = clock.now();
  const today = localDate(zone, now);
  const day = { zone, today };
  const calendar = calendarOf(state);
  const ahead = forecast(path, state, zone, now, plan.minutesPerDay, calendar);
  const standing = planStanding(path, state, zone, now);
  const pause = pauseOn(calendar, today);
  const goal = plan.by && plan.by !== ahead.finish ? ` Your goal: ${shownDate(day, plan.by)}.` : '';
  const lines = [
    ahead.finish ? `${forecastLine(plan.minutesPerDay, calendar.days, ahead.finish, day)}${goal}` : '',
    standing && tone === 'info' ? `Right now you're ${standingLead(standing)}.` : '',
    pause ? `${pausedUntilText(pause, day)}: the plan waits with you.` : '',
  ];
  return {
    visibility: 'private',
    tone,
    title: `Your ${path.title} plan`,
    text: lines.filter(Boolean).join('\n'),
    fields:
      ahead.days.length > 0 ? [{ name: 'Coming study days', value: scheduleLines(ahead.days, day).join('\n') }] : [],
    footer: `Your study days are your reminder days. /${path.command} progress shows how you stand; /${path.command} plan off drops the plan.`,
  };
}
