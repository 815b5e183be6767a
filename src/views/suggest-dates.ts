import type { LearningPath } from '../curriculum/learning-path.js';
import type { Choice } from '../model/invocation.js';
import { paceForDate } from '../plans/make-plan.js';
import { parsePlanArgs } from '../plans/parse-plan-args.js';
import { forecast } from '../plans/plan-forecast.js';
import { formatDate } from '../reminders/calendar-date.js';
import { parsePauseArgs } from '../reminders/parse-pause-args.js';
import { calendarOf } from '../reminders/study-calendar.js';
import { localDate } from '../reminders/zoned-time.js';
import type { SuggestionContext } from './autocomplete.js';
import { paceText } from './plan-lines.js';

/** Lengths offered for a pause, as typed and as said. */
const PAUSE_LENGTHS: ReadonlyMap<string, string> = new Map([
  ['3d', '3 days'],
  ['1w', '1 week'],
  ['2w', '2 weeks'],
  ['3w', '3 weeks'],
]);
const PACES = [15, 20, 30, 45, 60];

/** Pause lengths and the day each is back, or the date typed so far read as the first day back. */
export function suggestPauses(typed: string, { now, zone }: SuggestionContext): Choice[] {
  const today = localDate(zone, now);
  const back = (text: string): Choice | undefined => {
    try {
      const request = parsePauseArgs(text, today);
      if (request.kind !== 'until' || request.date <= today) return undefined;
      return { name: `${PAUSE_LENGTHS.get(text) ?? text} — back on ${formatDate(request.date, today)}`, value: text };
    } catch {
      return undefined;
    }
  };
  const lengths = [...PAUSE_LENGTHS.keys()].filter((length) => length.startsWith(typed));
  const choices = [
    ...(typed && !PAUSE_LENGTHS.has(typed) ? [back(typed)] : []),
    ...lengths.map((length) => back(length)),
  ];
  return choices.filter((choice): choice is Choice => choice !== undefined);
}

/** Plan goals with where each leads: the goal typed so far (a date or minutes), else a few paces. */
export function suggestPlans(path: LearningPath, typed: string, { now, zone, state }: SuggestionContext): Choice[] {
  const today = localDate(zone, now);
  const days = calendarOf(state).days;
  const pace = (minutes: number): Choice | undefined => {
    const finish = forecast(path, state, zone, now, minutes).finish;
    return finish
      ? { name: `${minutes} min a study day — finished on ${formatDate(finish, today)}`, value: `${minutes} min` }
      : undefined;
  };
  const typedGoal = (): Choice | undefined => {
    try {
      const request = parsePlanArgs(typed, today, path.command);
      if (request.kind === 'pace') return pace(request.minutes);
      if (request.kind !== 'by' || request.date < today) return undefined;
      const fit = paceForDate(path, state, zone, now, request.date);
      const how =
        fit.minutes !== undefined
          ? paceText(fit.minutes, days).replace(/\*\*/g, '')
          : `too soon; the earliest is ${formatDate(fit.earliest, today)}`;
      return { name: `by ${formatDate(request.date, today)} — ${how}`, value: `by ${request.date}` };
    } catch {
      return undefined;
    }
  };
  const suggested = typed ? [typedGoal()] : PACES.map(pace);
  return suggested.filter((choice): choice is Choice => choice !== undefined);
}
