import type { LearningPath } from '../curriculum/learning-path.js';
import type { CoreDeps } from '../learners/core-deps.js';
import type { Reminder } from '../model/learner.js';
import { decodeLearnerId, type LearnerId } from '../model/learner-id.js';
import type { ReminderSlotId } from '../model/slot-id.js';
import { addressReply } from '../actions/address-reply.js';
import { ownerToken } from '../model/button-owner.js';
import type { AddressedReply } from '../model/reply.js';
import type { DirectMessenger, SendResult } from '../ports/direct-messenger.js';
import { streakOf } from '../progress/streak.js';
import { minuteOf } from './minute-of.js';
import type { ReminderJobOptions } from './reminder-job.js';
import { reminderReply } from './reminder-reply.js';
import { dailySkip, sentMarkKey } from './daily-reminder-rule.js';
import { occurrenceOf, slotKind, type SlotKind } from './slot-kind.js';
import { nextNudgeAt, nudgeReply, streakAtRisk } from './streak-nudge.js';
import { calendarOf, nextStudyOccurrence } from './study-calendar.js';
import { plannedDay } from '../plans/plan-forecast.js';

/** After this many reminders in a row with no reaction, reminders pause. */
export const MAX_IGNORED_REMINDERS = 5;
/** A lease on one reminder: if its holder dies, another tick takes over after this. */
export const LEASE_MS = 5 * 60_000;
/** How long "this reminder went out" is remembered (longer than any catch-up window). */
export const SENT_MARK_MS = 9 * 24 * 3_600_000;

export type Outcome =
  | 'sent'
  | 'already-sent'
  | 'too-old'
  | 'not-needed'
  | 'finished'
  | 'undeliverable'
  | 'stale'
  | 'busy'
  | 'failed'
  | 'no-messenger';

interface Due {
  member: ReminderSlotId;
  learnerKey: LearnerId;
  path: string;
  slotAt: number;
  now: number;
}

/**
 * One due reminder, exactly once: a lease is claimed before sending (`claimLease`, for LEASE_MS: the job's
 * batches them), a "sent" mark is written after,
 * and the learner's next reminder is saved last (its slot moves with the record). A crash before the mark lets another tick resend with the
 * same idempotency key (Discord's nonce drops the copy); a crash after it only files the next slot.
 */
export async function deliverReminder(
  deps: CoreDeps & { paths: readonly LearningPath[] },
  options: ReminderJobOptions,
  due: Due,
  claimLease: (key: string) => Promise<boolean>,
): Promise<Outcome> {
  const { store, logger } = deps;
  const path = deps.paths.find((candidate) => candidate.command === due.path);
  const record = await store.learners.get(due.learnerKey);
  const reminder = record?.paths[due.path]?.reminder;
  const kind = slotKind(reminder, due.slotAt);
  if (!path || !record || !reminder || !kind) {
    await store.learners.settle(minuteOf(due.slotAt), due.member);
    return 'stale';
  }
  const occurrence = occurrenceOf(kind, due.member, reminder.zone, due.slotAt);
  const finish = (counted: boolean, change?: (reminder: Reminder) => void) => advance(deps, due, kind, counted, change);
  if (record.undeliverable)
    return (await finish(false, (r) => Object.assign(r, { nextAt: null, nudgeAt: null })), 'undeliverable');
  if (due.now - due.slotAt > options.catchUpMinutes * 60_000) {
    logger.info('reminder skipped: too old after downtime', {
      learner: due.learnerKey,
      dueAt: new Date(due.slotAt).toISOString(),
    });
    return (await finish(false), 'too-old');
  }
  // Sent already (by another instance, before a crash, or today at another time): only the next slot may still need filing.
  const state = record.paths[due.path];
  const skip =
    kind === 'daily'
      ? await dailySkip(store.records, record, path, due.member, reminder.zone, due.slotAt)
      : (await store.records.get(sentMarkKey(occurrence)))
        ? 'already-sent'
        : kind === 'nudge' && streakAtRisk(path, state, reminder.zone, due.slotAt, due.now) === 0
          ? 'not-needed'
          : undefined;
  // A nudge is an extra, not a reminder left unanswered: it never counts towards pausing.
  const counts = kind !== 'nudge';
  if (skip === 'already-sent') return (await finish(counts), 'already-sent');
  if (skip === 'not-needed') return (await finish(false), 'not-needed');
  const pausing = counts && reminder.ignored + 1 >= MAX_IGNORED_REMINDERS;
  const reply =
    kind === 'nudge'
      ? nudgeReply(path, state, streakAtRisk(path, state, reminder.zone, due.slotAt, due.now))
      : reminderReply(path, state, {
          streak: streakOf(path, state, reminder.zone, due.now),
          pausing,
          planned: plannedDay(path, state, reminder.zone, due.now),
        });
  if (!reply)
    return (await finish(false, (r) => Object.assign(r, { enabled: false, nextAt: null, nudgeAt: null })), 'finished');
  const parts = decodeLearnerId(due.learnerKey)!;
  const messenger = deps.messengers.get(parts.platform);
  if (!messenger) return 'no-messenger';
  if (!(await claimLease(`lease:${occurrence}`))) return 'busy';
  const user = { ...parts, displayName: record.name };
  // A reminder is a DM: its buttons act for this learner of this workspace (see button-owner.ts).
  const addressed = addressReply(reply, { path: due.path, owner: ownerToken(user, { isDirect: true }) });
  const result = await sendWithRetry(messenger, { user, address: record.dmAddress }, addressed, occurrence, options);
  if (!result) {
    logger.warn('reminder not delivered after retries; will retry when the lease expires', {
      learner: due.learnerKey,
      occurrence,
    });
    return 'failed';
  }
  if (result.status === 'undeliverable') {
    await markUndeliverable(deps, due, result.reason);
    return 'undeliverable';
  }
  await store.records.set(sentMarkKey(occurrence), true, SENT_MARK_MS);
  await finish(counts);
  return 'sent';
}

/** Saves the learner's next reminder (or clears the snooze) and counts an unanswered one. */
async function advance(
  deps: CoreDeps,
  due: Due,
  kind: SlotKind,
  counted: boolean,
  change?: (reminder: Reminder) => void,
): Promise<void> {
  await deps.store.learners.update(due.learnerKey, (current) => {
    const reminder = current?.paths[due.path]?.reminder;
    // Another instance may have finished this slot since we read the record: then there is nothing left to do.
    if (!current || !reminder || slotKind(reminder, due.slotAt) !== kind) return { result: undefined };
    const draft = structuredClone(current);
    const state = draft.paths[due.path]!;
    const target = state.reminder!;
    const after = Math.max(due.now, due.slotAt);
    if (counted) target.ignored += 1;
    if (target.ignored >= MAX_IGNORED_REMINDERS) target.paused = true;
    if (kind === 'snooze') target.snoozeAt = null;
    if (kind === 'daily')
      target.nextAt = target.paused ? null : nextStudyOccurrence(target.zone, target.time, calendarOf(state), after);
    // The nudge moves on after its own slot, and after a daily one too: that files it for a record from before nudges.
    if (kind !== 'snooze' || target.paused) target.nudgeAt = nextNudgeAt(target, calendarOf(state), after);
    change?.(target);
    return { next: draft, result: undefined };
  });
}

async function markUndeliverable(deps: CoreDeps, due: Due, reason: string): Promise<void> {
  deps.logger.info('learner cannot receive direct messages; reminders stop', { learner: due.learnerKey, reason });
  await deps.store.learners.update(due.learnerKey, (current) => {
    if (!current) return { result: undefined };
    const draft = structuredClone(current);
    draft.undeliverable = { reason, at: due.now, told: false };
    const reminder = draft.paths[due.path]?.reminder;
    if (reminder) Object.assign(reminder, { nextAt: null, snoozeAt: null, nudgeAt: null });
    return { next: draft, result: undefined };
  });
}

async function sendWithRetry(
  messenger: DirectMessenger,
  target: Parameters<DirectMessenger['send']>[0],
  reply: AddressedReply,
  key: string,
  options: ReminderJobOptions,
): Promise<SendResult | undefined> {
  for (let attempt = 0; attempt < options.attempts; attempt += 1) {
    try {
      return await messenger.send(target, reply, key);
    } catch {
      if (attempt < options.attempts - 1)
        await new Promise((resolve) => setTimeout(resolve, options.backoffMs * 2 ** attempt));
    }
  }
  return undefined;
}
