import type { BoardEntry, BoardPage, Claims, RecordStore, SetAsideRecord } from '../ports/store.js';
import type { PermitSource } from './send-budget/permit-source.js';

/** The records whose rows an engine commits with them. */
export type RecordKind = 'learner' | 'digest';

/** A member of an index set (sets are named by encodeIndexSet). */
export interface SetRow {
  set: string;
  member: string;
}

/** A learner's row on a board (boards are named by their BoardId). */
export interface BoardRow {
  board: string;
  entry: BoardEntry;
}

/** A learner's place in a roster (rosters are named by their RosterId): ordered by key, then member. */
export interface RosterRow {
  roster: string;
  member: string;
  key: string;
}

/** A counted set's size as the engine keeps it (sets are counted when countGroupOf names their group). */
export interface SetCount {
  set: string;
  count: number;
}

/** What one commit changes beside the record, worked out from the rows its old and new versions derive. */
export interface RowChanges {
  addSets: SetRow[];
  removeSets: SetRow[];
  /** Rows to write (added, or changed). */
  putBoards: BoardRow[];
  removeBoards: Array<{ board: string; member: string }>;
  /** Roster rows to write (added, or moved). */
  putRosters: RosterRow[];
  removeRosters: Array<{ roster: string; member: string }>;
}

/** A record written with its derived rows, all or nothing. */
export interface EngineCommit {
  /** The record; absent for a commit of rows alone (taking out rows no record owns). */
  record?: {
    kind: RecordKind;
    key: string;
    /** The stored text the write was decided on (undefined: none). A shared engine writes only if it still is. */
    expected: string | undefined;
    /** The text to store; undefined deletes the record (and, for a learner, whatever was set aside). */
    next: string | undefined;
  };
  rows: RowChanges;
  /** A learner record that failed validation, kept by the same commit that replaces it (`record.expected`). */
  setAside?: { entry: SetAsideRecord; keep: number };
}

/**
 * What one backend provides; the store built on it (assemble-store.ts) is the same for every backend.
 * Everything a commit holds lands together: one SQLite transaction, one Redis script, one step in memory.
 */
export interface StoreEngine {
  readonly backend: string;
  /**
   * True when other processes write the same data (Redis): a record this process read earlier may be
   * old, so a commit is checked against `expected`. An embedded engine belongs to one process.
   */
  readonly shared: boolean;
  read(kind: RecordKind, key: string): Promise<string | undefined>;
  /**
   * False when the stored record is no longer `record.expected` (nothing was written): a shared engine must
   * check it; an embedded one may trust it (this process is its only writer, and the store retries anyway).
   * Throws, having written nothing, when a row is invalid (assertValidRows).
   */
  commit(commit: EngineCommit): Promise<boolean>;
  members(set: string): Promise<string[]>;
  top(board: string, limit: number, member?: string): Promise<BoardPage>;
  /**
   * The size of every counted set of a group (countGroupOf), keyed by the rest of the set's name; a set
   * with no members is absent. Kept by each commit from the memberships it really changed: O(sets in the group).
   */
  counts(group: string): Promise<Map<string, number>>;
  /** `limit` members of a roster from `offset`, in its order or the reverse, and its size: O(log n + limit). */
  roster(
    roster: string,
    offset: number,
    limit: number,
    order: 'asc' | 'desc',
  ): Promise<{ members: string[]; total: number }>;
  setAside(key: string): Promise<SetAsideRecord[]>;
  /** Every stored record of a kind, as [key, text] (for store:check). */
  scanRecords(kind: RecordKind): AsyncIterable<[key: string, text: string]>;
  /** Every index row there is (for store:check). */
  scanSets(): AsyncIterable<SetRow>;
  scanBoards(): AsyncIterable<BoardRow>;
  scanRosters(): AsyncIterable<RosterRow>;
  /** Every counted set's kept size (for store:check, which compares it with the members it scanned). */
  scanCounts(): AsyncIterable<SetCount>;
  /** Sets each listed set's kept size to its members' number, atomically per set (store:check's repair). */
  recount(sets: readonly string[]): Promise<void>;
  /**
   * Set when the engine found data of an older version and moved its records over: the rows derived
   * from them are rebuilt (store:check's repair) before the store is used.
   */
  readonly rebuildRows?: boolean;
  /** Told once those rows are rebuilt; until then every open says `rebuildRows` again (a start cut short rebuilds them). */
  rowsRebuilt?(): Promise<void>;
  /** Plain records with expiry by the injected clock. */
  records: RecordStore;
  claims: Claims;
  /** A shared engine's permits for proactive sends, which every instance takes from; an embedded engine has none (the store keeps its own). */
  permits?: PermitSource;
  health(): Promise<{ ok: boolean; backend: string; detail?: string }>;
  close(): Promise<void>;
}

/** No changes at all. */
export function noRowChanges(): RowChanges {
  return { addSets: [], removeSets: [], putBoards: [], removeBoards: [], putRosters: [], removeRosters: [] };
}

/** Roster keys: every engine orders them the same (bytewise), and a Redis entry ends its key with a newline. */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Refuses rows no backend can file (a board figure that is not a finite number: Redis cannot score it,
 * SQLite would store NULL), before anything of the commit is written.
 */
export function assertValidRows(rows: RowChanges): void {
  for (const { board, entry } of rows.putBoards) {
    const figures = [entry.completed, entry.minutes, entry.reachedAt];
    if (!figures.every(Number.isSafeInteger) || typeof entry.member !== 'string' || typeof entry.name !== 'string')
      throw new Error(`invalid board row on ${board}: its figures must be whole numbers, its member and name text`);
  }
  for (const { roster, member, key } of rows.putRosters) {
    if (typeof member !== 'string' || typeof key !== 'string' || !PRINTABLE_ASCII.test(key))
      throw new Error(`invalid roster row on ${roster}: its key must be printable ASCII, its member text`);
  }
}
