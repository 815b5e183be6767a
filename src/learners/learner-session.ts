import type { LearningPath } from '../curriculum/learning-path.js';
import type { ChannelRef, UserRef } from '../model/invocation.js';
import { emptyPathState, newLearnerRecord, type LearnerRecord, type PathState } from '../model/learner.js';
import { channelBoardKey, learnerKey } from '../model/learner-key.js';
import { quoteUserText } from '../model/quote-user-text.js';
import { moveSlot, reminderMember } from '../reminders/reminder-slot.js';
import { formatLocal, nextOccurrence } from '../reminders/zoned-time.js';
import { activeWeekBoards, syncBoards } from './board-sync.js';
import type { CoreDeps } from './core-deps.js';

/** One learner while a command runs: their record, and the one way to change it. */
export interface LearnerSession {
  readonly key: string;
  readonly user: UserRef;
  readonly channel: ChannelRef;
  record: LearnerRecord;
  /** Something to tell the learner before the answer (e.g. "I can't DM you"). */
  notices: string[];
  zone(): string;
  state(path: LearningPath): PathState | undefined;
  /** Edits the record atomically (a thrown UserError changes nothing), then brings leaderboards up to date. */
  change<T>(path: LearningPath, edit: (draft: LearnerRecord) => T): Promise<T>;
}

export type SessionOpener = (path: LearningPath, user: UserRef, channel: ChannelRef) => Promise<LearnerSession>;

export function createSessionOpener(deps: CoreDeps): SessionOpener {
  return async (path, user, channel) => {
    const key = learnerKey(user);
    const session: LearnerSession = {
      key, user, channel, notices: [],
      record: newLearnerRecord(displayName(user), deps.clock.now()),
      zone: () => session.record.zone ?? deps.settings.defaultTimeZone,
      state: (learningPath) => session.record.paths[learningPath.command],
      change: async (learningPath, edit) => {
        const now = deps.clock.now();
        // Weeks belong to the community (its zone), so every member's week board is the one the channel reads.
        const communityZone = deps.settings.defaultTimeZone;
        const result = await deps.store.learners.update(key, (current) => {
          const draft = structuredClone(current ?? session.record);
          const value = edit(draft);
          draft.updatedAt = now;
          draft.boards = [...new Set([...draft.boards, ...activeWeekBoards(learningPath, draft, communityZone, now)])];
          return { next: draft, result: { value, draft } };
        });
        session.record = result.draft;
        // Boards keep the newest revision they are given, so a slower writer of an older record can't win.
        await syncBoards(deps.store.boards, learningPath, result.draft, key, communityZone, now);
        return result.value;
      },
    };
    const existing = await deps.store.learners.get(key);
    if (existing) session.record = existing;
    if (needsTouch(session, path)) {
      const touched = await session.change(path, (draft) => touch(draft, session, path, deps.clock.now()));
      session.notices.push(...touched.notices);
      if (touched.resumedAt !== undefined) await moveSlot(deps.store.reminders, reminderMember(key, path.command), null, touched.resumedAt);
    }
    return session;
  };
}

function displayName(user: UserRef): string {
  return quoteUserText(user.displayName ?? user.id, 32) || user.id;
}

function boardOf(session: LearnerSession, path: LearningPath): string | undefined {
  return session.channel.isDirect ? undefined : channelBoardKey(session.user, session.channel, path.command);
}

function needsTouch(session: LearnerSession, path: LearningPath): boolean {
  const { record } = session;
  const board = boardOf(session, path);
  const reminder = record.paths[path.command]?.reminder;
  return (
    !record.paths[path.command] || record.name !== displayName(session.user) ||
    (board !== undefined && !record.boards.includes(board)) ||
    (reminder !== undefined && (reminder.ignored > 0 || reminder.paused)) ||
    (record.undeliverable !== undefined && !record.undeliverable.told)
  );
}

/**
 * Any use of the bot: keep the name fresh, join this channel's board, reset the ignored-reminder count.
 * Returns what to tell the learner, and the next reminder instant when paused reminders resume (for its slot).
 */
function touch(draft: LearnerRecord, session: LearnerSession, path: LearningPath, now: number): { notices: string[]; resumedAt?: number } {
  const notices: string[] = [];
  draft.name = displayName(session.user);
  draft.paths[path.command] ??= emptyPathState(now);
  const board = boardOf(session, path);
  if (board && !draft.boards.includes(board)) draft.boards.push(board);
  const reminder = draft.paths[path.command]!.reminder;
  let resumedAt: number | undefined;
  if (reminder) {
    reminder.ignored = 0;
    if (reminder.paused && reminder.enabled) {
      reminder.nextAt = resumedAt = nextOccurrence(reminder.zone, reminder.time, now);
      notices.push(`Welcome back! Daily reminders are on again: next one ${formatLocal(reminder.zone, resumedAt)} ${reminder.zone}.`);
    }
    reminder.paused = false;
  }
  if (draft.undeliverable && !draft.undeliverable.told) {
    draft.undeliverable.told = true;
    notices.push(`I couldn't send you a direct message (${draft.undeliverable.reason}), so reminders are stopped. Allow DMs from this app, then run \`remind\` again to turn them back on.`);
  }
  return resumedAt === undefined ? { notices } : { notices, resumedAt };
}
