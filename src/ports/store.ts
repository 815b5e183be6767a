import type { LearnerRecord } from '../model/learner.js';

/**
 * What a read-modify-write returns: the new record (null deletes, undefined keeps) and a result for the caller.
 * A shared store runs the change again when another process saved first, so a change has no side effects.
 */
export interface Mutation<T> {
  next?: LearnerRecord | null;
  result: T;
}

/** Learner records, one per person; `update` is atomic per learner (no lost updates) and bumps `rev` on the record it saves. */
export interface LearnerStore {
  /** Learner keys of one workspace (for deleting a workspace on uninstall), kept as an explicit index. */
  keysInWorkspace(platform: string, workspace: string): Promise<string[]>;
  /**
   * The learner's record. One stored that fails validation is set aside (only if it is still the one stored)
   * and replaced by a fresh record marked `setAside`, which every read and update then sees instead.
   */
  get(key: string): Promise<LearnerRecord | undefined>;
  /** Saving null deletes the record and whatever was set aside for the learner. */
  update<T>(key: string, change: (current: LearnerRecord | undefined) => Mutation<T>): Promise<T>;
  /** What was set aside for this learner, oldest first (the few most recent), for them to export. */
  setAside(key: string): Promise<SetAsideRecord[]>;
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
  member: string;
  name: string;
  completed: number;
  minutes: number;
  /** When the learner reached this score; earlier sorts first among equals. */
  reachedAt: number;
  /** The learner record's `rev` this row was computed from: a board keeps the newest it was given. */
  revision: number;
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

/**
 * Leaderboards kept as explicit indexes (never by listing keys). Writers race (two processes, one learner),
 * so a write computed from an older record revision than the board already saw for that member is ignored.
 */
export interface LeaderboardStore {
  put(board: string, entry: BoardEntry): Promise<void>;
  /** Takes the member off the board as of `revision`; without one, forgets the member there entirely. */
  remove(board: string, member: string, revision?: number): Promise<void>;
  top(board: string, limit: number, member?: string): Promise<BoardPage>;
}

/** Reminder slots keyed by UTC minute, so a tick reads only who is due. */
export interface ReminderIndex {
  add(minute: number, member: string): Promise<void>;
  remove(minute: number, member: string): Promise<void>;
  due(minute: number): Promise<string[]>;
}

/** One-time claims ("this reminder is mine to send"), atomic across everyone sharing the store. */
export interface Claims {
  /** True when the key was free (or its claim expired) and is now held by this store for `ttlMs`. */
  claim(key: string, ttlMs: number): Promise<boolean>;
  /** Frees the key, but only when this store holds it: another process's claim is left alone. */
  release(key: string): Promise<void>;
}

/** Everything the core keeps. The core does not know which backend it runs on. */
export interface Store {
  learners: LearnerStore;
  boards: LeaderboardStore;
  reminders: ReminderIndex;
  /** Weekly channel digests, filed the same way as reminders. */
  digests: ReminderIndex;
  claims: Claims;
  /** Small key-value records that are not learners (digest settings, event ids seen). */
  records: RecordStore;
  health(): Promise<{ ok: boolean; backend: string; detail?: string }>;
  close(): Promise<void>;
}

/** Plain JSON records by key, with optional expiry. */
export interface RecordStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<void>;
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
