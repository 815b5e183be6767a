import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState, Plan } from '../model/learner.js';
import { progressOf } from '../progress/path-progress.js';
import { addDays } from '../reminders/calendar-date.js';
import { calendarOf, isStudyDate, type StudyCalendar } from '../reminders/study-calendar.js';
import { localDate } from '../reminders/zoned-time.js';
import { forecast } from './plan-forecast.js';

/** Where a learner stands against their plan, and where their pace now leads. */
export type Standing =
  | { kind: 'finished' }
  | { kind: 'on-track'; finish: string }
  | { kind: 'ahead'; resources: number; minutes: number; finish: string }
  | { kind: 'behind'; minutes: number; finish: string; plannedFinish: string };

/**
 * The learner against their plan, judged by the minutes still open (done marks only: a skipped resource is
 * still to do, and an undo opens its minutes again, also of a resource done before the plan began):
 * - behind: more is open than the plan left open by the end of yesterday (today is not over yet);
 * - ahead: more of the plan's resources are done than it had finished by the end of today, or fewer minutes
 *   are open than it leaves by then;
 * - on track otherwise. Paused days and days off are no plan days, so a pause moves the plan's finish with it.
 */
export function planStanding(path: LearningPath, state: PathState, zone: string, now: number): Standing | undefined {
  const plan = state.plan;
  if (!plan) return undefined;
  const progress = progressOf(path, state);
  if (progress.finished) return { kind: 'finished' };
  const calendar = calendarOf(state);
  const today = localDate(zone, now);
  const planned = (date: string) => plannedThrough(plan, calendar, date);
  const inPlan = plan.resources.flatMap((id) => path.resources.filter((resource) => resource.id === id));
  const openAtStart = inPlan.reduce((sum, resource) => sum + resource.minutes, 0);
  const open = progress.leftMinutes;
  const finish = forecast(path, state, zone, now, plan.minutesPerDay, calendar).finish!;
  const behind = open - Math.max(0, openAtStart - planned(addDays(today, -1)));
  if (behind > 0)
    return { kind: 'behind', minutes: behind, finish, plannedFinish: plannedFinish(plan, calendar, openAtStart) };
  let end = 0;
  const dueByToday = inPlan.filter((resource) => (end += resource.minutes) <= planned(today)).length;
  const resources = inPlan.filter((resource) => progress.done.has(resource.id)).length - dueByToday;
  const minutes = Math.max(0, openAtStart - planned(today)) - open;
  return resources > 0 || minutes > 0
    ? { kind: 'ahead', resources: Math.max(0, resources), minutes, finish }
    : { kind: 'on-track', finish };
}

/** Minutes the plan has asked for from its first day through `date`. */
function plannedThrough(plan: Plan, calendar: StudyCalendar, date: string): number {
  let total = 0;
  for (let day = plan.since; day <= date; day = addDays(day, 1))
    if (isStudyDate(calendar, day)) total += day === plan.since ? plan.firstDayMinutes : plan.minutesPerDay;
  return total;
}

/** The day the plan itself finishes: the first by which it has asked for every minute it started with. */
function plannedFinish(plan: Plan, calendar: StudyCalendar, openAtStart: number): string {
  let total = 0;
  let day = plan.since;
  for (; ; day = addDays(day, 1)) {
    if (isStudyDate(calendar, day)) total += day === plan.since ? plan.firstDayMinutes : plan.minutesPerDay;
    if (total >= openAtStart) return day;
  }
}
