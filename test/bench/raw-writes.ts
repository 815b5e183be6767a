import type { EngineCommit, StoreEngine } from '../../src/infra/store-engine.js';

/** What one raw write took, in milliseconds: the engine's read, the JSON, the engine's commit. */
export interface RawWrite {
  readMs: number;
  jsonMs: number;
  commitMs: number;
}

/**
 * The raw baseline of a write command the core made: the same write by a client of the backend with no core
 * at all. It reads the stored record (one statement, one GET), decodes it, changes it, encodes it (JSON is
 * what the record is stored as), then makes one engine commit of the same size: the record and the same row
 * changes as the core's commit (one SQLite transaction, one EVALSHA). The change is `updatedAt` a millisecond
 * later, so the data stays what the core left: its rows are the ones that record derives, written again with
 * the values they already hold.
 */
export async function replayWrite(engine: StoreEngine, { record, rows }: EngineCommit): Promise<RawWrite> {
  if (record?.kind !== 'learner' || record.next === undefined)
    throw new Error('only a learner record is written again');
  const started = performance.now();
  const text = await engine.read('learner', record.key);
  const read = performance.now();
  if (text === undefined) throw new Error(`learner ${record.key} is gone`);
  const stored = JSON.parse(text) as { updatedAt: number };
  stored.updatedAt += 1;
  const next = JSON.stringify(stored);
  const encoded = performance.now();
  const committed = await engine.commit({ record: { kind: 'learner', key: record.key, expected: text, next }, rows });
  const done = performance.now();
  if (!committed) throw new Error(`the raw write of ${record.key} was refused: something else wrote it`);
  return { readMs: read - started, jsonMs: encoded - read, commitMs: done - encoded };
}

/**
 * The core's commits, each handed out for its raw baseline once `lag` write commands have passed since
 * (LaggedCommits.take), so the raw write is as cold as the core's: a learner the core wrote just now would
 * still be in SQLite's page cache, one written `lag` writes ago no longer is. A commit whose learner the core
 * wrote again since is passed over: its rows are no longer the ones that learner's record derives.
 */
export class LaggedCommits {
  private readonly waiting: Array<{ commit: EngineCommit; at: number }> = [];
  private readonly lastWritten = new Map<string, number>();
  private writes = 0;

  constructor(private readonly lag: number) {}

  /** One commit the core made (the engine's onCommit). */
  add(commit: EngineCommit): void {
    const { record } = commit;
    if (record?.kind !== 'learner' || record.next === undefined) return;
    this.waiting.push({ commit, at: this.writes });
    this.lastWritten.set(record.key, this.writes);
  }

  /** The end of one write command. */
  endWrite(): void {
    this.writes += 1;
  }

  /** The oldest commit `lag` writes old or older whose learner the core did not write since, if there is one. */
  take(): EngineCommit | undefined {
    while (this.waiting.length > 0 && this.waiting[0]!.at <= this.writes - this.lag) {
      const { commit, at } = this.waiting.shift()!;
      if (this.lastWritten.get(commit.record!.key) === at) return commit;
    }
    return undefined;
  }
}
