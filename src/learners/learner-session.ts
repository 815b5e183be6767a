import type { LearningPath } from '../curriculum/learning-path.js';
import type { ChannelRef, UserRef } from '../model/invocation.js';
import { newLearnerRecord, type LearnerRecord, type PathState, type Reminder } from '../model/learner.js';
import { encodeBoardId, type BoardId } from '../model/board-id.js';
import { encodeLearnerId, type LearnerId } from '../model/learner-id.js';
import { encodeSlotId } from '../model/slot-id.js';
import { quoteUserText } from '../model/quote-user-text.js';
import { rescheduled } from '../reminders/reschedule.js';
import { shownInstant } from '../views/shown-time.js';
import { copyPlain, samePlain } from '../infra/plain-data.js';
import { activeWeekBoards } from './learner-rows.js';
import type { CoreDeps } from './core-deps.js';

/** One learner while a command runs: their record, and the one way to change it. */
export interface LearnerSession {
  readonly key: LearnerId;
  readonly user: UserRef;
  readonly channel: ChannelRef;
  record: LearnerRecord;
  /** Something to tell the learner before the answer (e.g. "I can't DM you"). */
  notices: string[];
  zone(): string;
  state(path: LearningPath): PathState | undefined;
  /**
   * Edits the record atomically (a thrown UserError changes nothing); the store commits what derives from
   * it (board rows, reminder slots) with it. An edit that leaves the record as it was writes nothing at all.
   */
  change<T>(path: LearningPath, edit: (draft: LearnerRecord) => T): Promise<T>;
  /**
   * The next change resolves as soon as its commit is sent, so what follows overlaps the store's work; later
   * changes wait until it is saved. `saved()` says when (or why not): whoever calls this must await it.
   */
  answerEarly(): void;
  /** Settles once every change made so far is saved; rejects as the first one that was not (ChangeRefused, a timeout). */
  saved(): Promise<void>;
  /** Reads the record again (after a ChangeRefused: what another process saved). */
  reread(): Promise<void>;
}

/** Opens a learner's session; `reading` is their record already asked for (the store's `get`), so it is not read again. */
export type SessionOpener = (
  path: LearningPath,
  user: UserRef,
  channel: ChannelRef,
  reading?: Promise<LearnerRecord | undefined>,
) => Promise<LearnerSession>;

export function createSessionOpener(deps: CoreDeps): SessionOpener {
  return async (path, user, channel, reading) => {
    const key = encodeLearnerId(user);
    const existing = await (reading ?? deps.store.learners.get(key));
    const session = new OpenSession(
      deps,
      key,
      user,
      channel,
      existing ?? newLearnerRecord(displayName(user), deps.clock.now()),
    );
    if (needsTouch(session, path)) {
      const now = deps.clock.now();
      const reminder = session.state(path)?.reminder;
      // Worked out before the write, with the rule delivery uses, so the "next one" announced is the one that comes.
      const resumeAt =
        reminder?.paused && reminder.enabled
          ? await rescheduled(
              deps.store.records,
              { ...session.record, paths: { ...session.record.paths, [path.command]: resumed(session.state(path)!) } },
              path,
              encodeSlotId({ learner: key, path: path.command }),
              now,
            )
          : undefined;
      const touched = await session.change(path, (draft) => touch(draft, path, resumeAt, now));
      session.notices.push(...touched.notices);
    }
    return session;
  };
}

/** A session's methods live on its class, so opening one (every command) makes no functions. */
class OpenSession implements LearnerSession {
  notices: string[] = [];
  private early = false;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: CoreDeps,
    readonly key: LearnerId,
    readonly user: UserRef,
    readonly channel: ChannelRef,
    public record: LearnerRecord,
  ) {}

  zone(): string {
    return this.record.zone ?? this.deps.settings.defaultTimeZone;
  }

  state(path: LearningPath): PathState | undefined {
    return this.record.paths[path.command];
  }

  answerEarly(): void {
    this.early = true;
  }

  saved(): Promise<void> {
    return this.pending;
  }

  async reread(): Promise<void> {
    const stored = await this.deps.store.learners.get(this.key);
    this.record = stored ?? newLearnerRecord(displayName(this.user), this.deps.clock.now());
    this.pending = Promise.resolve();
  }

  async change<T>(path: LearningPath, edit: (draft: LearnerRecord) => T): Promise<T> {
    // A change sent early must be saved before another is decided (if it was not, this one fails with it).
    await this.pending;
    const now = this.deps.clock.now();
    // Weeks belong to the community (its zone), so every member's week board is the one the channel reads.
    const communityZone = this.deps.settings.defaultTimeZone;
    const { key, user } = this;
    const board = boardOf(this, path);
    const mutate = (current: LearnerRecord | undefined) => {
      const before = current ?? this.record;
      const draft = copyPlain(before);
      const value = edit(draft);
      if (sameRecord(before, draft)) return { result: { value, record: before, changed: false } };
      // Derived from the edit, in the same write: a fresh name, and this channel's board from the first resource finished here.
      // A platform that could not tell the name this time (a failed profile lookup) keeps the one saved.
      if (user.displayName !== undefined || !before.name) draft.name = displayName(user);
      if (board && !draft.boards.includes(board) && finishedAResource(path, before, draft)) draft.boards.push(board);
      draft.updatedAt = now;
      draft.boards = [...new Set([...draft.boards, ...activeWeekBoards(path, draft, key, communityZone, now)])];
      return { next: draft, result: { value, record: draft, changed: true } };
    };
    if (!this.early) {
      const result = await this.deps.store.learners.update(key, mutate);
      this.record = result.record;
      return result.value;
    }
    this.early = false;
    return new Promise<T>((resolve, reject) => {
      const use = (result: { value: T; record: LearnerRecord }) => {
        this.record = result.record;
        resolve(result.value);
      };
      const saving = this.deps.store.learners.update(key, mutate, use);
      saving.then(use, reject);
      this.pending = saving.then(() => undefined);
      // Awaited through saved(); until then a failure must not count as unhandled.
      this.pending.catch(() => undefined);
    });
  }
}

function displayName(user: UserRef): string {
  return quoteUserText(user.displayName ?? user.id, 32) || user.id;
}

function boardOf(session: LearnerSession, path: LearningPath): BoardId | undefined {
  if (session.channel.isDirect) return undefined;
  const { platform, workspace } = session.user;
  return encodeBoardId({ platform, workspace, channel: session.channel.id, path: path.command });
}

/** The same record, apart from the bookkeeping every save changes. */
function sameRecord(a: LearnerRecord, b: LearnerRecord): boolean {
  return samePlain({ ...a, updatedAt: 0, rev: 0 }, { ...b, updatedAt: 0, rev: 0 });
}

/** The edit marked a resource of this path done (checklist ticks don't count: they earn no place on a board). */
function finishedAResource(path: LearningPath, before: LearnerRecord, after: LearnerRecord): boolean {
  const was = before.paths[path.command]?.marks ?? {};
  const now = after.paths[path.command]?.marks ?? {};
  return path.resources.some(
    (resource) => now[resource.id]?.status === 'done' && !samePlain(now[resource.id], was[resource.id]),
  );
}

/** The path state with its reminder no longer paused for going unanswered: what resuming it schedules from. */
function resumed(state: PathState): PathState {
  return { ...state, reminder: { ...state.reminder!, paused: false } };
}

/**
 * Opening a session writes only what the learner's own use must change: any command is an answer to
 * their reminders (the reminder says so), and the "can't DM you" and "set aside" notices are told once.
 * Everything else (name, boards, path state) is written by commands that change something.
 */
function needsTouch({ record }: LearnerSession, path: LearningPath): boolean {
  const reminder = record.paths[path.command]?.reminder;
  return (
    (reminder !== undefined && (reminder.ignored > 0 || reminder.paused)) ||
    (record.undeliverable !== undefined && !record.undeliverable.told) ||
    (record.setAside !== undefined && !record.setAside.told)
  );
}

/**
 * Resets the ignored-reminder count, resumes paused reminders, tells about undeliverable DMs and a record
 * set aside once. Returns what to tell the learner.
 */
function touch(
  draft: LearnerRecord,
  path: LearningPath,
  resumeAt: Pick<Reminder, 'nextAt' | 'nudgeAt'> | undefined,
  now: number,
): { notices: string[] } {
  const notices: string[] = [];
  const reminder = draft.paths[path.command]?.reminder;
  if (reminder?.paused && reminder.enabled && resumeAt?.nextAt != null) {
    Object.assign(reminder, { paused: false, ...resumeAt });
    notices.push(
      `Welcome back! Reminders are on again: next one ${shownInstant(reminder.zone, resumeAt.nextAt, { now })}.`,
    );
  }
  if (reminder && !reminder.enabled) reminder.paused = false;
  // Paused by another process since we read it (no instant worked out for it yet): it resumes with the next command.
  if (reminder && !reminder.paused) reminder.ignored = 0;
  if (draft.undeliverable && !draft.undeliverable.told) {
    draft.undeliverable.told = true;
    notices.push(
      `I couldn't send you a direct message (${draft.undeliverable.reason}), so reminders are stopped. Allow DMs from this app, then run \`remind\` again to turn them back on.`,
    );
  }
  if (draft.setAside && !draft.setAside.told) {
    draft.setAside.told = true;
    notices.push(
      `I couldn't read your saved progress, so I set it aside and you're starting fresh. \`/${path.command} export\` shows what was saved; \`/${path.command} forget\` deletes it.`,
    );
  }
  return { notices };
}
