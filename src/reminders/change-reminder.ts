import type { CommandContext } from '../commands/command-context.js';
import { emptyPathState, type LearnerRecord, type Reminder } from '../model/learner.js';
import type { Reply } from '../model/reply.js';
import { encodeSlotId } from '../model/slot-id.js';
import { UserError } from '../model/user-error.js';
import { onDays } from './parse-days.js';
import type { RemindRequest } from './parse-remind-args.js';
import { nudgeLine } from './reminder-lines.js';
import { rescheduled } from './reschedule.js';
import { resolveTimeZone } from './resolve-time-zone.js';
import { DEFAULT_NUDGE_TIME } from './streak-nudge.js';
import { EVERY_DAY } from './study-calendar.js';
import { shownInstant } from '../views/shown-time.js';

type Change = Extract<RemindRequest, { kind: 'change' }>;

/**
 * `remind` with something to change: a time (and zone) or days turn reminders on with what was given, the
 * rest as it was; the nudge alone changes only the nudge. The instants to file are worked out on the record
 * as it will be, by the rules delivery uses.
 */
export async function changeReminder(context: CommandContext, request: Change): Promise<Reply> {
  const { path, learner, clock, store, messengers } = context;
  const now = clock.now();
  const before = learner.state(path)?.reminder;
  if (!before && request.time === undefined) {
    throw new UserError(
      'missing-time',
      request.days ? 'Which time?' : 'Set a reminder first.',
      `For example \`/${path.command} remind 09:00 mon,wed,fri\`.`,
    );
  }
  const turningOn = request.time !== undefined || request.days !== undefined;
  const zone =
    request.zone ?? before?.zone ?? learner.record.zone ?? platformZone(context) ?? context.settings.defaultTimeZone;
  const opened = turningOn ? await messengers.get(learner.user.platform)?.open(learner.user) : undefined;
  if (opened && 'undeliverable' in opened) {
    return {
      visibility: 'private',
      tone: 'warning',
      text: `I can't send you direct messages (${opened.undeliverable}), so a reminder would never reach you. Allow DMs from this app, then try again.`,
    };
  }
  const apply = (draft: LearnerRecord) => {
    const state = (draft.paths[path.command] ??= emptyPathState(now));
    state.reminder = settings(state.reminder ?? before ?? fresh(zone), request, zone, turningOn);
    if (!turningOn) return;
    draft.zone = zone;
    if (opened?.address) draft.dmAddress = opened.address;
    delete draft.undeliverable;
  };
  const preview = structuredClone(learner.record);
  apply(preview);
  const member = encodeSlotId({ learner: learner.key, path: path.command });
  const times = await rescheduled(store.records, preview, path, member, now);
  const reminder = await learner.change(path, (draft) => {
    apply(draft);
    return Object.assign(draft.paths[path.command]!.reminder!, times);
  });
  if (!turningOn) return nudgeReply(reminder, path.command);
  return {
    visibility: 'private',
    tone: 'success',
    title: 'Reminder set',
    text: [
      `I'll remind you ${onDays(reminder.days ?? EVERY_DAY)} at **${reminder.time} ${zone}** with your next resource.`,
      `Next reminder: **${shownInstant(zone, reminder.nextAt!, { now })}**.`,
      nudgeLine(reminder, path.command),
    ].join('\n'),
    footer: `Change it any time with /${path.command} remind HH:MM or days like mon,wed,fri, stop it with /${path.command} remind off.`,
  };
}

function fresh(zone: string): Reminder {
  return { time: '09:00', zone, enabled: true, nextAt: null, ignored: 0, paused: false, snoozeAt: null };
}

/** The reminder's settings after the change; the filed instants are worked out afterwards. */
function settings(before: Reminder, request: Change, zone: string, turningOn: boolean): Reminder {
  const days = request.days ?? before.days;
  const nudge = request.nudge
    ? { enabled: request.nudge.enabled, time: request.nudge.time ?? before.nudge?.time ?? DEFAULT_NUDGE_TIME }
    : before.nudge;
  const { days: _days, nudge: _nudge, ...rest } = before;
  return {
    ...rest,
    ...(turningOn && {
      time: request.time ?? before.time,
      zone,
      enabled: true,
      ignored: 0,
      paused: false,
      snoozeAt: null,
    }),
    // Every day is no setting: a record without days means every day.
    ...(days && days.length < EVERY_DAY.length && { days }),
    ...(nudge && { nudge }),
  };
}

function nudgeReply(reminder: Reminder, slash: string): Reply {
  const off = reminder.nudge?.enabled === false;
  return {
    visibility: 'private',
    tone: 'success',
    text: off
      ? `No more streak nudges. \`/${slash} remind nudge on\` brings them back.`
      : `${nudgeLine(reminder, slash)}${reminder.enabled ? '' : `\nYour reminders are off, so it waits until \`/${slash} remind 09:00\` turns them on.`}`,
  };
}

function platformZone({ learner }: CommandContext): string | undefined {
  try {
    return learner.user.timeZone ? resolveTimeZone(learner.user.timeZone) : undefined;
  } catch {
    return undefined;
  }
}
