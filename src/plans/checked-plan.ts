import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState, Plan } from '../model/learner.js';
import { UserError } from '../model/user-error.js';
import { progressOf } from '../progress/path-progress.js';
import { localDate } from '../reminders/zoned-time.js';
import { shownDate } from '../views/shown-time.js';
import { makePlan, paceForDate } from './make-plan.js';
import type { PlanRequest } from './parse-plan-args.js';
import { MAX_MINUTES_PER_DAY, MIN_MINUTES_PER_DAY } from './plan-forecast.js';

/**
 * The plan a finish date or a pace asks for, on this path state (its study days) in this zone; a plan no one
 * could keep is a UserError. The text command and the settings form both check a plan here.
 */
export function checkedPlan(
  path: LearningPath,
  state: PathState | undefined,
  zone: string,
  now: number,
  request: Extract<PlanRequest, { kind: 'by' | 'pace' }>,
): Plan {
  if (progressOf(path, state).finished)
    throw new UserError('nothing-to-plan', `You finished every ${path.title} resource: there's nothing left to plan.`);
  const today = localDate(zone, now);
  const minutes =
    request.kind === 'pace'
      ? checkedPace(request.minutes, path.command)
      : paceFor(path, state, zone, now, request.date, today);
  return makePlan(path, state, zone, now, minutes, request.kind === 'by' ? request.date : undefined);
}

function checkedPace(minutes: number, slash: string): number {
  if (minutes >= MIN_MINUTES_PER_DAY && minutes <= MAX_MINUTES_PER_DAY) return minutes;
  throw new UserError(
    'invalid-pace',
    minutes < MIN_MINUTES_PER_DAY
      ? `${minutes} min a study day is too little to plan with.`
      : `${minutes} min a study day is more than 3 hours: that's no plan to keep.`,
    `Choose ${MIN_MINUTES_PER_DAY} to ${MAX_MINUTES_PER_DAY} minutes, like \`/${slash} plan 20 min\`, or a finish date: \`/${slash} plan by 2027-01-15\`.`,
  );
}

/** The lightest pace that finishes by `date`; a date too soon for 3 hours a day is refused with the earliest one. */
function paceFor(
  path: LearningPath,
  state: PathState | undefined,
  zone: string,
  now: number,
  date: string,
  today: string,
): number {
  const day = { zone, today };
  if (date < today)
    throw new UserError(
      'date-passed',
      `${shownDate(day, date)} has already passed.`,
      `Choose a finish date from today on, like \`/${path.command} plan by 2027-01-15\`.`,
    );
  const fit = paceForDate(path, state, zone, now, date);
  if (fit.minutes !== undefined) return fit.minutes;
  throw new UserError(
    'plan-too-tight',
    `Finishing by **${shownDate(day, date)}** would take more than 3 hours a study day.`,
    `The earliest reasonable date is **${shownDate(day, fit.earliest)}** (${MAX_MINUTES_PER_DAY} min a study day): \`/${path.command} plan by ${fit.earliest}\`.`,
  );
}
