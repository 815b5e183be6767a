import type { BoardId } from '../model/board-id.js';
import { digestSettingsSchema, type DigestSettings } from '../model/digest-settings.js';
import { encodeIndexSet } from '../model/index-set.js';
import type { Logger } from '../ports/logger.js';
import type { DigestStore } from '../ports/store.js';
import { minuteOf } from '../reminders/minute-of.js';
import { MAX_ATTEMPTS } from './committed-learners.js';
import { KeyedMutex } from './keyed-mutex.js';
import { copyPlain } from './plain-data.js';
import { rowChanges, type EncodedRows } from './row-changes.js';
import { noRowChanges, type RecordKind, type StoreEngine } from './store-engine.js';
import { parseStoredText } from './stored-learner.js';

/** Digest settings on an engine, committed with their slot in the due index (compare-and-set on a shared engine). */
export function committedDigests(engine: StoreEngine, logger: Logger): DigestStore {
  const mutex = new KeyedMutex();
  const read = async (board: BoardId) => {
    const text = await engine.read('digest', board);
    const parsed = text === undefined ? undefined : digestSettingsSchema.safeParse(parseStoredText(text));
    if (parsed && !parsed.success)
      logger.warn('digest settings unreadable; treated as none', { board, issues: parsed.error.issues.length });
    return { text, settings: parsed?.success ? (parsed.data as DigestSettings) : undefined };
  };
  const rowsOf = (board: BoardId, settings: DigestSettings | undefined): EncodedRows =>
    settings
      ? {
          sets: [{ set: encodeIndexSet({ kind: 'digests', minute: minuteOf(settings.nextAt) }), member: board }],
          boards: [],
          rosters: [],
        }
      : { sets: [], boards: [], rosters: [] };
  const commit = async (
    board: BoardId,
    expected: string | undefined,
    before: EncodedRows,
    next: DigestSettings | undefined,
    after: EncodedRows,
  ) =>
    engine.commit({
      record: {
        kind: 'digest' as RecordKind,
        key: board,
        expected,
        next: next && JSON.stringify(digestSettingsSchema.parse(next)),
      },
      rows: rowChanges(before, after),
    });
  return {
    get: async (board) => (await read(board)).settings,
    update: (board, change) =>
      mutex.run(board, async () => {
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
          const { text, settings } = await read(board);
          const { next, result } = change(settings && copyPlain(settings));
          if (next === undefined) return result;
          const saved = next ?? undefined;
          if (await commit(board, text, rowsOf(board, settings), saved, rowsOf(board, saved))) return result;
        }
        throw new Error(`digest ${board} kept changing under ${MAX_ATTEMPTS} attempts to update it`);
      }),
    due: async (minute) => (await engine.members(encodeIndexSet({ kind: 'digests', minute }))) as BoardId[],
    settle: (minute, board) =>
      mutex.run(board, async () => {
        const set = encodeIndexSet({ kind: 'digests', minute });
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
          const { text, settings } = await read(board);
          if (rowsOf(board, settings).sets.some((row) => row.set === set)) return;
          const removeSets = [{ set, member: board }];
          const record = { kind: 'digest' as const, key: board, expected: text, next: text };
          if (await engine.commit({ record, rows: { ...noRowChanges(), removeSets } })) return;
        }
      }),
  };
}
