import type { EngineCommit, StoreEngine } from '../../src/infra/store-engine.js';

/** What the raw baseline of some writes took on the engine alone, in milliseconds, split by call. */
export interface RawRound {
  writes: number;
  readMs: number;
  commitMs: number;
}

export function emptyRawRound(): RawRound {
  return { writes: 0, readMs: 0, commitMs: 0 };
}

/**
 * The raw baseline of a write command the core just made: what the backend itself must do for such a write,
 * with no core around it. It reads the stored record (one statement, one GET), then makes one engine commit of
 * the same size: the record and the same row changes as the core's commit (one SQLite transaction, one
 * EVALSHA). The record written is the stored one a millisecond later (`updatedAt`), so the data stays what the
 * core left: its rows are the ones that record derives, written again with the values they already hold.
 * Adds the times to `round`.
 */
export async function replayWrites(
  engine: StoreEngine,
  commits: readonly EngineCommit[],
  round: RawRound,
): Promise<void> {
  for (const { record, rows } of commits) {
    if (record?.kind !== 'learner' || record.next === undefined) continue;
    const started = performance.now();
    const text = await engine.read('learner', record.key);
    const read = performance.now();
    if (text === undefined) throw new Error(`learner ${record.key} is gone`);
    const next = aMillisecondLater(text);
    const committed = await engine.commit({ record: { kind: 'learner', key: record.key, expected: text, next }, rows });
    const done = performance.now();
    if (!committed) throw new Error(`the raw write of ${record.key} was refused: something else wrote it`);
    round.writes += 1;
    round.readMs += read - started;
    round.commitMs += done - read;
  }
}

/** The stored record text with `updatedAt` one millisecond later: the same size, and different, so it is written. */
function aMillisecondLater(text: string): string {
  return text.replace(/"updatedAt":(\d+)/, (_, at: string) => `"updatedAt":${Number(at) + 1}`);
}
