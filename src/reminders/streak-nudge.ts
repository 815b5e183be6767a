import type { LearningPath } from '../curriculum/learning-path.js';
import type { PathState, Reminder } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { progressOf } from '../progress/path-progress.js';
import { streakOf } from '../progress/streak.js';
import { calendarOf, isStudyDate, nextStudyOccurrence, type StudyCalendar } from './study-calendar.js';
import { localDate } from './zoned-time.js';

/** Three hours before local midnight: late enough to have studied, early enough to still do it. */
export const DEFAULT_NUDGE_TIME = '21:00';
/** A streak this long is worth a nudge; a day's study is not yet a streak to lose. */
export const MIN_NUDGE_STREAK = 2;
/** A daily reminder this close before the nudge time (or later) is the evening message already. */
const COVERED_MINUTES = 60;

/** The learner's nudge setting: on at 21:00 unless they changed it. */
export function nudgeSetting(reminder: Reminder): { enabled: boolean; time: string } {
  return reminder.nudge ?? { enabled: true, time: DEFAULT_NUDGE_TIME };
}

/** Why no nudge is filed although it is on: the daily reminder comes late enough to do its job. */
export function nudgeCovered(reminder: Reminder): boolean {
  return minutesOf(reminder.time) >= minutesOf(nudgeSetting(reminder).time) - COVERED_MINUTES;
}

/** The next nudge instant to file: on study days at the nudge time, while reminders are on; null when none. */
export function nextNudgeAt(reminder: Reminder, calendar: StudyCalendar, after: number): number | null {
  const setting = nudgeSetting(reminder);
  if (!reminder.enabled || reminder.paused || !setting.enabled || nudgeCovered(reminder)) return null;
  return nextStudyOccurrence(reminder.zone, setting.time, calendar, after);
}

/** The occurrence a nudge is sent (and marked sent) under: one per learner, path and local day. */
export function nudgeOccurrence(member: string, zone: string, slotAt: number): string {
  return `${member}@nudge@${localDate(zone, slotAt)}`;
}

/**
 * The streak a nudge due at `slotAt` would save when sent at `now`, or 0 when none is due: not on a day off or
 * a paused day, not when something was done that day already, and not when there is no streak of
 * MIN_NUDGE_STREAK days left (as after midnight, when a nudge is caught up after downtime).
 */
export function streakAtRisk(
  path: LearningPath,
  state: PathState | undefined,
  zone: string,
  slotAt: number,
  now: number,
): number {
  const today = localDate(zone, slotAt);
  if (!isStudyDate(calendarOf(state), today)) return 0;
  const doneToday = path.resources.some((resource) => {
    const mark = state?.marks[resource.id];
    return mark?.status === 'done' && localDate(zone, mark.at) === today;
  });
  const streak = streakOf(path, state, zone, now);
  return doneToday || streak < MIN_NUDGE_STREAK ? 0 : streak;
}

/** "Your 6-day streak ends at midnight": the resource that saves it, and its Done button. */
export function nudgeReply(path: LearningPath, state: PathState | undefined, streak: number): Reply | undefined {
  const resource = progressOf(path, state).current;
  if (!resource) return undefined;
  return {
    visibility: 'private',
    tone: 'warning',
    title: `🔥 Your ${streak}-day ${path.title} streak ends at midnight`,
    url: resource.url,
    text: `**${resource.title}** takes ${resource.minutes} min, or finish any one resource today to keep it.`,
    buttons: [{ label: 'Done', style: 'success', action: { id: 'done', value: resource.id } }],
  };
}

function minutesOf(hhmm: string): number {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  return hour * 60 + minute;
}
