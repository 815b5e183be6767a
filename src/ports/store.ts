import type { LearnerRecord } from '../model/learner.js';

/** What a read-modify-write returns: the new record (null deletes, undefined keeps) and a result for the caller. */
export interface Mutation<T> {
  next?: LearnerRecord | null;
  result: T;
}

/** Learner records, one per person; `update` is atomic per learner (no lost updates). */
export interface LearnerStore {
  /** Learner keys of one workspace (for deleting a workspace on uninstall), kept as an explicit index. */
  keysInWorkspace(platform: string, workspace: string): Promise<string[]>;
  get(key: string): Promise<LearnerRecord | undefined>;
  update<T>(key: string, change: (current: LearnerRecord | undefined) => Mutation<T>): Promise<T>;
}

/** One row of a leaderboard. */
export interface BoardEntry {
  member: string;
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

/** Leaderboards kept as explicit indexes (never by listing keys). */
export interface LeaderboardStore {
  put(board: string, entry: BoardEntry): Promise<void>;
  remove(board: string, member: string): Promise<void>;
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
  claim(key: string, ttlMs: number): Promise<boolean>;
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
