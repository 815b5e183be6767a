import type { CommandContext } from '../commands/command-context.js';
import { planReply } from '../commands/plan-command.js';
import { emptyPathState, type PathState, type Plan } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import type { SettingsCheck, SettingsField, SettingsValues } from '../model/settings-form.js';
import { UserError } from '../model/user-error.js';
import { checkedPlan } from '../plans/checked-plan.js';
import { parsePlanArgs } from '../plans/parse-plan-args.js';
import { changeReminder } from '../reminders/change-reminder.js';
import { parseRemindArgs } from '../reminders/parse-remind-args.js';
import { resolveTimeZone } from '../reminders/resolve-time-zone.js';
import { EVERY_DAY } from '../reminders/study-calendar.js';
import { localDate } from '../reminders/zoned-time.js';
import { clearDraft, saveDraft } from './settings-draft.js';

type Errors = Partial<Record<SettingsField, string>>;

/**
 * A submitted settings form, checked field by field with the parsers the text commands use (`remind`, `plan`):
 * any error comes back on its field and changes nothing (what was submitted is kept as a draft the form opens
 * with next); otherwise the reminder is set as `remind` sets it, then
 * the plan (worked out on the study days just chosen).
 */
export async function submitSettings(context: CommandContext, values: SettingsValues): Promise<SettingsCheck> {
  const { path, learner, clock } = context;
  const errors: Errors = {};
  const check = <T>(field: SettingsField, read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      errors[field] = fieldMessage(error);
      return undefined;
    }
  };
  // On Discord the time field takes the text form too ("9am America/Bogota"): a zone typed there wins.
  const timed = check('time', () => readTime(values.time, path.command));
  const picked = values.zone.trim() ? check('zone', () => resolveTimeZone(values.zone)) : undefined;
  const zone = timed?.zone ?? picked ?? learner.zone();
  const days = check('days', () => readDays(values.days));
  const planText = values.plan.trim();
  const planRequest = planText
    ? check('plan', () => readPlan(planText, localDate(zone, clock.now()), path.command))
    : undefined;
  const preview = days && withDays(learner.state(path), days, clock.now());
  const plan =
    planRequest?.kind === 'by' || planRequest?.kind === 'pace'
      ? check('plan', () => checkedPlan(path, preview, zone, clock.now(), planRequest))
      : undefined;
  if (Object.keys(errors).length > 0 || !timed || !days) {
    await saveDraft(context, values);
    return { kind: 'invalid', errors };
  }
  await clearDraft(context);

  const daysBefore = learner.state(path)?.reminder?.days ?? EVERY_DAY;
  const reminderReply = await changeReminder(context, {
    kind: 'change',
    time: timed.time,
    zone,
    days,
    nudge: { enabled: values.nudge },
  });
  // Reminders that cannot reach the learner are not set: nothing else is either.
  if (reminderReply.tone !== 'success') return { kind: 'answered', reply: reminderReply };
  const before = learner.state(path)?.plan;
  if (planRequest?.kind === 'off' && before) {
    await learner.change(path, (draft) => void delete draft.paths[path.command]!.plan);
    return { kind: 'answered', reply: { ...reminderReply, text: `${reminderReply.text}\nYour plan is off.` } };
  }
  if (!plan || !planChanged(before, plan, daysBefore.join() !== days.join())) {
    return { kind: 'answered', reply: reminderReply };
  }
  await learner.change(path, (draft) => {
    (draft.paths[path.command] ??= emptyPathState(clock.now())).plan = plan;
  });
  return { kind: 'answered', reply: withPlan(reminderReply, planReply(context, 'success')) };
}

/** The time, and a zone typed with it; a form always sets a time, so an empty field is an error, not "show". */
function readTime(text: string, slash: string): { time: string; zone?: string } {
  const request = parseRemindArgs({ time: text });
  if (request.kind === 'change' && request.time !== undefined && request.days === undefined) {
    return { time: request.time, ...(request.zone && { zone: request.zone }) };
  }
  throw new UserError(
    'invalid-time',
    'Type a time like 09:00, 9am or 18:30.',
    `To stop reminders, use \`/${slash} remind off\`.`,
  );
}

/** Ticked weekdays "0".."6" -> sorted days; none ticked is no reminder to set. */
function readDays(ticked: readonly string[]): number[] {
  const days = [...new Set(ticked.map(Number))].sort((a, b) => a - b);
  if (days.length === 0) throw new UserError('no-days', 'Tick at least one day.');
  if (days.some((day) => !Number.isInteger(day) || day < 0 || day > 6))
    throw new UserError('invalid-day', 'Tick days from the list.');
  return days;
}

/** A date from the picker, or the text form of `plan` (on Discord): "2027-01-15", "by friday", "20 min", "off". */
function readPlan(text: string, today: string, slash: string) {
  const request = parsePlanArgs(text, today, slash);
  if (request.kind === 'show') throw new UserError('invalid-plan', 'Give a finish date like 2027-01-15.');
  return request;
}

/** The path state with these study days (a first reminder's), for working out a plan before anything is saved. */
function withDays(state: PathState | undefined, days: number[], now: number): PathState {
  const base = state ?? emptyPathState(now);
  const reminder = base.reminder ?? {
    time: '09:00',
    zone: 'UTC',
    enabled: true,
    nextAt: null,
    ignored: 0,
    paused: false,
    snoozeAt: null,
  };
  return { ...base, reminder: { ...reminder, days } };
}

/** A plan asked for again, on the same study days, is the plan the learner has: it keeps its start. */
function planChanged(before: Plan | undefined, after: Plan, daysChanged: boolean): boolean {
  return (
    !before || daysChanged || before.by !== after.by || (!after.by && before.minutesPerDay !== after.minutesPerDay)
  );
}

function withPlan(reminder: Reply, plan: Reply): Reply {
  return { ...reminder, text: [reminder.text, plan.text].filter(Boolean).join('\n'), fields: plan.fields ?? [] };
}

/** A field shows plain text: the message and hint without Markdown. */
function fieldMessage(error: UserError): string {
  return [error.message, error.hint]
    .filter(Boolean)
    .join(' ')
    .replace(/\*\*|`/g, '');
}
