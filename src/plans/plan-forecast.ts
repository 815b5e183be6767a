import type { LearningPath, Resource } from '../curriculum/learning-path.js';
import type { PathState } from '../model/learner.js';
import { addDays } from '../reminders/calendar-date.js';
import { calendarOf, isStudyDate, type StudyCalendar } from '../reminders/study-calendar.js';
import { localDate } from '../reminders/zoned-time.js';

/** The fewest minutes a study day a plan asks for, and the most: more than 3 hours a day is no plan to keep. */
export const MIN_MINUTES_PER_DAY = 5;
export const MAX_MINUTES_PER_DAY = 180;
/** Days looked through before a schedule is called endless: far more than any plan at 5 minutes a week. */
const MAX_SCHEDULE_DAYS = 100_000;

/** One study day of a schedule: its date, the minutes planned, and the resources those minutes go to. */
export interface PlanDay {
  date: string;
  minutes: number;
  resources: Resource[];
}

/** Where a pace leads from now: the study days ahead, and the day the last resource is finished. */
export interface Forecast {
  days: PlanDay[];
  /** Undefined when nothing is left to do. */
  finish?: string;
}

/** The resources still to do, in the order a plan takes them: the unmarked ones in path order, then the skipped. */
export function openResources(path: LearningPath, state: PathState | undefined): Resource[] {
  const marks = state?.marks ?? {};
  const unmarked = path.resources.filter((resource) => marks[resource.id] === undefined);
  const skipped = path.resources.filter((resource) => marks[resource.id]?.status === 'skipped');
  return [...unmarked, ...skipped];
}

/** Minutes of the resources finished on a local date. */
export function minutesDoneOn(path: LearningPath, state: PathState | undefined, zone: string, date: string): number {
  return path.resources
    .filter((resource) => {
      const mark = state?.marks[resource.id];
      return mark?.status === 'done' && localDate(zone, mark.at) === date;
    })
    .reduce((sum, resource) => sum + resource.minutes, 0);
}

/**
 * The schedule at `minutesPerDay` from today: each study day (calendar.ts: a chosen weekday, not paused) holds
 * that many minutes of the open resources, in order; today holds only what is left of it after what was
 * finished today. A resource longer than a day's minutes spans several days.
 */
export function forecast(
  path: LearningPath,
  state: PathState | undefined,
  zone: string,
  now: number,
  minutesPerDay: number,
  calendar: StudyCalendar = calendarOf(state),
): Forecast {
  const queue = openResources(path, state).map((resource) => ({ resource, left: resource.minutes }));
  const today = localDate(zone, now);
  const days: PlanDay[] = [];
  for (let offset = 0; queue.length > 0; offset += 1) {
    if (offset > MAX_SCHEDULE_DAYS) throw new Error(`no end to a schedule of ${minutesPerDay} min a study day`);
    const date = addDays(today, offset);
    if (!isStudyDate(calendar, date)) continue;
    const room = offset === 0 ? minutesPerDay - minutesDoneOn(path, state, zone, today) : minutesPerDay;
    const day = fill(queue, Math.max(0, room));
    if (day.minutes > 0) days.push({ date, ...day });
  }
  return { days, finish: days.at(-1)?.date };
}

/** Takes up to `room` minutes off the front of the queue. */
function fill(queue: { resource: Resource; left: number }[], room: number): { minutes: number; resources: Resource[] } {
  const resources: Resource[] = [];
  let minutes = 0;
  while (queue.length > 0 && minutes < room) {
    const head = queue[0]!;
    const taken = Math.min(head.left, room - minutes);
    minutes += taken;
    head.left -= taken;
    resources.push(head.resource);
    if (head.left === 0) queue.shift();
  }
  return { minutes, resources };
}

/** What the learner's plan holds for today (their zone), if they have a plan and today is one of its days. */
export function plannedDay(
  path: LearningPath,
  state: PathState | undefined,
  zone: string,
  now: number,
): PlanDay | undefined {
  if (!state?.plan) return undefined;
  const first = forecast(path, state, zone, now, state.plan.minutesPerDay).days[0];
  return first?.date === localDate(zone, now) ? first : undefined;
}
