import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import { plannedDay } from '../plans/plan-forecast.js';
import { planStanding } from '../plans/plan-standing.js';
import { calendarOf, pauseOn } from '../reminders/study-calendar.js';
import { paceText, pausedUntilText, plannedTodayLine, standingText } from './plan-lines.js';
import { learnerDay } from './shown-time.js';

/**
 * Where the learner stands against their plan and what it holds today, and a pause under way: what
 * `progress` adds under the totals (nothing for a learner with neither).
 */
export function planStatusLines(path: LearningPath, state: PathState | undefined, zone: string, now: number): string[] {
  const day = learnerDay(zone, now);
  const calendar = calendarOf(state);
  const pause = pauseOn(calendar, day.today);
  const lines = pause ? [`${pausedUntilText(pause, day)}: no reminders, and your streak waits.`] : [];
  const standing = state && planStanding(path, state, zone, now);
  if (!state?.plan || !standing || standing.kind === 'finished') return lines;
  lines.unshift(`Plan: ${paceText(state.plan.minutesPerDay, calendar.days)} — ${standingText(standing, day)}.`);
  const planned = plannedDay(path, state, zone, now);
  if (planned) lines.splice(1, 0, plannedTodayLine(planned));
  return lines;
}
