import type KeyvSqlite from '@keyv/sqlite';
import { learnerRecordSchema } from '../model/learner.js';
import type { BoardEntry, Store } from '../ports/store.js';

/** What a copy did, for the person running it. */
export interface CopyReport {
  learners: number;
  /** Already in the target (a rerun, or the learner used the new store first): left as they are. */
  learnersKept: number;
  invalid: string[];
  boardRows: number;
  reminderSlots: number;
  digestSlots: number;
  records: number;
  expired: number;
}

/** Keyv's stored envelope: the value, and when it expires (epoch ms) if ever. */
interface Envelope {
  value: unknown;
  expires?: number | null;
}

/**
 * Copies everything a bot kept in an SQLite file (opened with openSqliteFile, so no bot runs on it) into
 * another store (Redis, for going multi-instance). Learner records and records already in the target win,
 * so running it twice changes nothing. Boards are copied as of revision 0, so the first change a learner
 * makes on the new store replaces their row. Leases (short-lived claims) are not copied.
 */
export async function copySqliteStore(
  sqlite: KeyvSqlite,
  namespace: string,
  target: Store,
  now: number,
): Promise<CopyReport> {
  const report: CopyReport = {
    learners: 0,
    learnersKept: 0,
    invalid: [],
    boardRows: 0,
    reminderSlots: 0,
    digestSlots: 0,
    records: 0,
    expired: 0,
  };
  const rows = (await sqlite.query('SELECT key, value FROM keyv WHERE key LIKE ? ORDER BY key', `${namespace}:%`)) as {
    key: string;
    value: string;
  }[];
  for (const row of rows) {
    const envelope = JSON.parse(row.value) as Envelope;
    if (typeof envelope.expires === 'number' && envelope.expires <= now) {
      report.expired += 1;
      continue;
    }
    await copyOne(row.key.slice(namespace.length + 1), envelope, target, report, now);
  }
  for (const { set_key: key, member } of await setMembers(sqlite, namespace)) {
    const [kind, minute] = key.split(':') as [string, string];
    if (kind === 'due') report.reminderSlots += 1;
    else if (kind === 'digest-due') report.digestSlots += 1;
    else continue; // workspace sets are rebuilt by the learner copies
    await (kind === 'due' ? target.reminders : target.digests).add(Number(minute), member);
  }
  for (const row of await boardRows(sqlite, namespace)) {
    await target.boards.put(row.board, {
      member: row.member,
      name: row.name,
      completed: row.completed,
      minutes: row.minutes,
      reachedAt: row.reached_at,
      revision: 0,
    });
    report.boardRows += 1;
  }
  return report;
}

async function copyOne(
  key: string,
  { value, expires }: Envelope,
  target: Store,
  report: CopyReport,
  now: number,
): Promise<void> {
  const [kind] = key.split(':', 1);
  const rest = key.slice(`${kind}:`.length);
  switch (kind) {
    case 'learner': {
      const parsed = learnerRecordSchema.safeParse(value);
      if (!parsed.success) return void report.invalid.push(rest);
      const copied = await target.learners.update(rest, (current) =>
        current ? { result: false } : { next: parsed.data, result: true },
      );
      if (copied) report.learners += 1;
      else report.learnersKept += 1;
      return;
    }
    case 'board':
      for (const entry of legacyBoardRows(value)) {
        await target.boards.put(rest, { ...entry, revision: 0 });
        report.boardRows += 1;
      }
      return;
    case 'due': // sets from before the set_members table
    case 'digest-due':
      for (const member of stringsOf(value)) {
        await (kind === 'due' ? target.reminders : target.digests).add(Number(rest), member);
        if (kind === 'due') report.reminderSlots += 1;
        else report.digestSlots += 1;
      }
      return;
    case 'record':
      if ((await target.records.get(rest)) !== undefined) return;
      await target.records.set(rest, value, typeof expires === 'number' ? expires - now : undefined);
      report.records += 1;
      return;
    default:
      // workspace:* indexes are rebuilt by the learner copies; claim:* are leases of a stopped bot.
      return;
  }
}

interface BoardRow {
  board: string;
  member: string;
  name: string;
  completed: number;
  minutes: number;
  reached_at: number;
}

/** Rows of the board_rows table (files from before it existed have none). */
async function boardRows(sqlite: KeyvSqlite, namespace: string): Promise<BoardRow[]> {
  const tables = (await sqlite.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'board_rows'",
  )) as unknown[];
  if (tables.length === 0) return [];
  return (await sqlite.query(
    'SELECT board, member, name, completed, minutes, reached_at FROM board_rows WHERE namespace = ? AND removed = 0',
    namespace,
  )) as BoardRow[];
}

/** Rows of the set_members table (files from before it existed keep their sets in Keyv, copied above). */
async function setMembers(sqlite: KeyvSqlite, namespace: string): Promise<{ set_key: string; member: string }[]> {
  const tables = (await sqlite.query(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'set_members'",
  )) as unknown[];
  if (tables.length === 0) return [];
  return (await sqlite.query('SELECT set_key, member FROM set_members WHERE namespace = ?', namespace)) as {
    set_key: string;
    member: string;
  }[];
}

/** Older versions kept a board as one Keyv document: a bare sorted array, then `{ rows, removed }`. */
function legacyBoardRows(value: unknown): BoardEntry[] {
  const rows = Array.isArray(value) ? value : (value as { rows?: unknown } | null)?.rows;
  return Array.isArray(rows) ? (rows as BoardEntry[]) : [];
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
