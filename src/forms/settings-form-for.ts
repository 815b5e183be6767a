import type { CommandContext } from '../commands/command-context.js';
import { encodeAction } from '../model/action-id.js';
import { ownerToken } from '../model/button-owner.js';
import type { SettingsForm } from '../model/settings-form.js';
import { progressOf } from '../progress/path-progress.js';
import { SHORT_WEEKDAYS } from '../reminders/calendar-date.js';
import { resolveTimeZone } from '../reminders/resolve-time-zone.js';
import { nudgeSetting } from '../reminders/streak-nudge.js';
import { EVERY_DAY } from '../reminders/study-calendar.js';
import { localDate } from '../reminders/zoned-time.js';
import { paceText } from '../views/plan-lines.js';
import { zoneChoices } from './common-time-zones.js';
import { loadDraft } from './settings-draft.js';

/** What a first reminder starts at when the learner has none. */
const FIRST_REMINDER_TIME = '09:00';
/** Monday first, as people list a week; values count from Sunday = 0, as the record does. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];

/**
 * The settings form as the learner's record has it now: the reminder's time, zone, days and nudge (or what a
 * first reminder would get: the platform's zone, such as Slack's profile `tz`), and the plan's finish date;
 * after a refused submission, what was submitted then (see settings-draft.ts).
 */
export async function settingsFormFor(context: CommandContext): Promise<SettingsForm> {
  const { path, learner, clock, settings } = context;
  const state = learner.state(path);
  const reminder = state?.reminder;
  const platformZone = knownZone(learner.user.timeZone);
  const zone = reminder?.zone ?? learner.record.zone ?? platformZone ?? settings.defaultTimeZone;
  const plan = state?.plan;
  const draft = await loadDraft(context);
  const ownerId = ownerToken(learner.user, learner.channel);
  return {
    path: path.command,
    submitId: encodeAction({ path: path.command, actionId: 'settings-save', value: '', ownerId }),
    title: path.title,
    values: draft
      ? {
          time: draft.time,
          zone: draft.zone || zone,
          days: draft.days.map(Number).filter((day) => EVERY_DAY.includes(day)),
          plan: draft.plan,
          nudge: draft.nudge,
        }
      : {
          time: reminder?.time ?? FIRST_REMINDER_TIME,
          zone,
          days: reminder?.days ?? EVERY_DAY,
          plan: plan?.by ?? '',
          nudge: reminder ? nudgeSetting(reminder).enabled : true,
        },
    zones: zoneChoices([zone, platformZone]),
    days: WEEK.map((day) => ({ label: SHORT_WEEKDAYS[day]!, value: String(day) })),
    today: localDate(zone, clock.now()),
    // Plain text: a form's hints show no Markdown.
    ...(plan && { planNote: paceText(plan.minutesPerDay, reminder?.days ?? EVERY_DAY).replace(/\*\*/g, '') }),
    finished: progressOf(path, state).finished,
  };
}

/** A zone the platform reports, if it is one this bot knows (its spelling may be an old one). */
function knownZone(zone: string | undefined): string | undefined {
  try {
    return zone ? resolveTimeZone(zone) : undefined;
  } catch {
    return undefined;
  }
}
