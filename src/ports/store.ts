import type { BoardId } from '../model/board-id.js';
import type { DigestSettings } from '../model/digest-settings.js';
import type { IndexSet } from '../model/index-set.js';
import type { LearnerRecord } from '../model/learner.js';
import type { LearnerId, WorkspaceId } from '../model/learner-id.js';
import type { RosterId } from '../model/roster-id.js';
import type { ReminderSlotId } from '../model/slot-id.js';
import type { SendBudgets } from './send-budget.js';

/**
 * What a read-modify-write returns: the new record (null deletes, undefined keeps) and a result for the caller.
 * A shared store runs the change again when another process saved first, so a change has no side effects.
 */
export interface Mutation<R, T> {
  next?: R | null;
  result: T;
}

/**
 * Learner records, one per person. `update` is the one write path: it is atomic per learner (no lost
 * updates), bumps `rev`, and commits the record together with every row derived from it (board rows,
 * reminder slots, the workspace index): one transaction, or one script, so they change together or not at all.
 */
export interface LearnerStore {
  /**
   * The learner's record. One stored that fails validation is set aside (only if it is still the one stored)
   * and replaced by a fresh record marked `setAside`, which every read and update then sees instead.
   */
  get(id: LearnerId): Promise<LearnerRecord | undefined>;
  /**
   * Saving null deletes the record, everything derived from it and whatever was set aside for the learner.
   * With `sent`, the result is handed to it as soon as the commit that saves it has gone to the engine, and
   * the caller may go on with it while the engine works; the returned promise still settles only once the
   * engine has answered. Such a commit is not tried again: if another process saved the record first, the
   * promise rejects with ChangeRefused and nothing of this change was saved.
   */
  update<T>(
    id: LearnerId,
    change: (current: LearnerRecord | undefined) => Mutation<LearnerRecord, T>,
    sent?: (result: T) => void,
  ): Promise<T>;
  /** What was set aside for this learner, oldest first (the few most recent), for them to export. */
  setAside(id: LearnerId): Promise<SetAsideRecord[]>;
  /** The learners of one workspace (for deleting a workspace on uninstall), from the index their records keep. */
  inWorkspace(workspace: WorkspaceId): Promise<LearnerId[]>;
  /** The reminder slots filed under a UTC minute. */
  due(minute: number): Promise<ReminderSlotId[]>;
  /**
   * A slot found due that its learner's record does not hold (left by an older version, or a damaged
   * index) is taken out of that minute; one the record holds stays. Never needed on an intact index.
   */
  settle(minute: number, slot: ReminderSlotId): Promise<void>;
}

/** A stored learner record that failed validation, kept as it was stored. */
export interface SetAsideRecord {
  at: number;
  /** Where it failed validation (field paths), never what it held: safe to log. */
  issues: string[];
  /** The stored value as read (the stored text itself when it was not JSON). */
  raw: unknown;
}

/** One row of a leaderboard. */
export interface BoardEntry {
  member: LearnerId;
  name: string;
  completed: number;
  minutes: number;
  /** When the learner reached this score; earlier sorts first among equals. */
  reachedAt: number;
}

export interface RankedEntry extends BoardEntry {
  /** Competition rank: equal (completed, minutes) share a rank, the next one skips (1, 2, 2, 4). */
  rank: number;
}

export interface BoardPage {
  rows: RankedEntry[];
  /** The caller's row, when they are on the board. */
  self?: RankedEntry;
  total: number;
}

/** Leaderboards, read only: their rows are derived from learner records and written with them. */
export interface LeaderboardStore {
  top(board: BoardId, limit: number, member?: LearnerId): Promise<BoardPage>;
}

/** Weekly channel digests: the settings and their slot in the due index are committed together, like learners. */
export interface DigestStore {
  get(board: BoardId): Promise<DigestSettings | undefined>;
  update<T>(board: BoardId, change: (current: DigestSettings | undefined) => Mutation<DigestSettings, T>): Promise<T>;
  due(minute: number): Promise<BoardId[]>;
  /** As for learners: a due digest its settings do not hold is taken out of that minute. */
  settle(minute: number, board: BoardId): Promise<void>;
}

/** One-time claims ("this reminder is mine to send"), atomic across everyone sharing the store. */
export interface Claims {
  /** True when the key was free (or its claim expired by the store's clock) and is now held by this store for `ttlMs`. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** `claim` of every key in one step (one statement, one script): whether each is now held by this store; a key listed twice is granted once. */
  claimMany(keys: readonly string[], ttlMs: number): Promise<boolean[]>;
  /** Frees the key, but only when this store holds it: another process's claim is left alone. */
  release(key: string): Promise<void>;
}

/** One page of a roster: its members in the roster's order (or the reverse), and how many it holds. */
export interface RosterPage {
  members: LearnerId[];
  total: number;
}

/**
 * What the admin dashboard reads, read only: counted sets (their sizes, kept by every commit) and rosters
 * (sorted rows), both derived from the learner records and written with them. Each read costs
 * O(sets of the group) or O(page size), never O(learners).
 */
export interface AggregateStore {
  /** The size of every counted set of one community's path, by the set's figure (encodePathStat); absent = 0. */
  counts(community: WorkspaceId, path: string): Promise<Map<string, number>>;
  /** `limit` members from `offset` (0-based), ascending or from the end. */
  roster(roster: RosterId, offset: number, limit: number, order: 'asc' | 'desc'): Promise<RosterPage>;
}

/** Everything the core keeps. The core does not know which backend it runs on. */
export interface Store {
  learners: LearnerStore;
  boards: LeaderboardStore;
  aggregates: AggregateStore;
  digests: DigestStore;
  claims: Claims;
  /** Small key-value records that are not learners (sent marks, event ids seen), with expiry by the store's clock. */
  records: RecordStore;
  /** The budgets of proactive sends: shared by every instance on a shared store (Redis), this process's own otherwise. */
  sendBudgets: SendBudgets;
  health(): Promise<{ ok: boolean; backend: string; detail?: string }>;
  close(): Promise<void>;
}

/** Plain JSON records by key, with optional expiry. */
export interface RecordStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/** A row another part of the store keeps because a record holds it: its set membership or board row. */
export interface DerivedRows {
  sets: Array<{ set: IndexSet; member: string }>;
  boards: Array<{ board: BoardId; entry: BoardEntry }>;
  /** The learner's place in each roster: `key` (printable ASCII) orders the roster, then the member. */
  rosters: Array<{ roster: RosterId; member: LearnerId; key: string }>;
}

/** How a learner record's rows are derived: the core's rule (it knows the paths), given to the store that commits them. */
export type LearnerRowsRule = (id: LearnerId, record: LearnerRecord) => DerivedRows;

/**
 * A change whose result was already handed out (LearnerStore.update's `sent`) was not saved: another process
 * saved the learner's record between the read and the commit. Nothing of the change was saved.
 */
export class ChangeRefused extends Error {
  constructor(id: LearnerId) {
    super(`the change of learner ${id} was refused: another process saved the record first`);
    this.name = 'ChangeRefused';
  }
}

/** The store cannot be reached right now (a shared store is down or restarting); trying again later may work. */
export class StoreUnavailableError extends Error {
  constructor(operation: string, options?: { cause?: unknown }) {
    super(`store unavailable during ${operation}`, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * A store call got no answer within its deadline. A read did not happen for the caller; a write may still
 * land once the store answers, so its outcome is unknown.
 */
export class StoreTimeoutError extends StoreUnavailableError {
  readonly operation: string;
  readonly outcomeUnknown: boolean;

  constructor(operation: string, details: { timeoutMs: number; write: boolean }) {
    super(operation);
    this.name = 'StoreTimeoutError';
    this.message = `${this.message}: no answer within ${details.timeoutMs} ms${details.write ? ' (the write may still land)' : ''}`;
    this.operation = operation;
    this.outcomeUnknown = details.write;
  }
}
