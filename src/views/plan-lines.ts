import type { Pause } from '../model/learner.js';
import type { PlanDay } from '../plans/plan-forecast.js';
import type { Standing } from '../plans/plan-standing.js';
import { describeDays } from '../reminders/parse-days.js';
import { shownDate, type LearnerDay } from './shown-time.js';

/** Study days a plan reply lists one by one; the rest are counted. */
const SHOWN_PLAN_DAYS = 6;

/** "**20 min** on Mon, Wed, Fri", "**20 min** every day". */
export function paceText(minutesPerDay: number, days: readonly number[]): string {
  const described = describeDays(days);
  return `**${minutesPerDay} min** ${described === 'every day' ? described : `on ${described}`}`;
}

/** "**20 min** on Mon, Wed, Fri → finished on **Fri 15 Jan**." */
export function forecastLine(minutesPerDay: number, days: readonly number[], finish: string, day: LearnerDay): string {
  return `${paceText(minutesPerDay, days)} → finished on **${shownDate(day, finish)}**.`;
}

/** "**on track**", "**1 resource ahead**", "**10 min ahead**", "**25 min behind**", "**done** 🎉". */
export function standingLead(standing: Standing): string {
  if (standing.kind === 'finished') return '**done** 🎉';
  if (standing.kind === 'on-track') return '**on track**';
  if (standing.kind === 'behind') return `**${standing.minutes} min behind**`;
  const resources = standing.resources;
  return `**${resources > 0 ? `${resources} resource${resources === 1 ? '' : 's'}` : `${standing.minutes} min`} ahead**`;
}

/** "on track, finished on Fri 15 Jan", "1 resource ahead, …", "25 min behind, finish moves to Fri 22 Jan". */
export function standingText(standing: Standing, day: LearnerDay): string {
  if (standing.kind === 'finished') return standingLead(standing);
  const finish = `**${shownDate(day, standing.finish)}**`;
  if (standing.kind !== 'behind') return `${standingLead(standing)}, finished on ${finish}`;
  const moves = standing.finish > standing.plannedFinish ? 'finish moves to' : 'still finished on';
  return `${standingLead(standing)}, ${moves} ${finish}`;
}

/** "Today's plan: **20 min** — WebRTC Basics, WebRTC vs WebSockets." */
export function plannedTodayLine(day: PlanDay): string {
  return `Today's plan: **${day.minutes} min** — ${day.resources.map((resource) => resource.title).join(', ')}.`;
}

/** "Wed 25 Nov · 20 min · WebRTC Basics", the first few days, then how many more. */
export function scheduleLines(days: readonly PlanDay[], learnerDay: LearnerDay): string[] {
  const lines = days
    .slice(0, SHOWN_PLAN_DAYS)
    .map(
      (day) =>
        `${shownDate(learnerDay, day.date)} · ${day.minutes} min · ${day.resources.map((resource) => resource.title).join(', ')}`,
    );
  const more = days.length - SHOWN_PLAN_DAYS;
  if (more > 0) lines.push(`…and ${more} more study day${more === 1 ? '' : 's'}`);
  return lines;
}

/** "Paused until **Mon 28 Dec**" (the first day back). */
export function pausedUntilText(pause: Pause, day: LearnerDay): string {
  return `Paused until **${shownDate(day, pause.until)}**`;
}
