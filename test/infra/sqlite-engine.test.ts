import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openEngine } from '../../src/infra/open-store.js';
import type { StoreEngine } from '../../src/infra/store-engine.js';
import { createFakeClock } from '../fakes/fake-clock.js';
import { closeEngines, openFreshEngine } from '../fakes/engine-backends.js';
import {
  ANA,
  BOARD,
  BOB,
  collect,
  DUE,
  entry,
  learner,
  rows,
  save,
  slotOf,
  START,
  WORKSPACE,
} from './engine-fixtures.js';

afterEach(closeEngines);

/** What only the SQLite engine does; what every engine does is in engine-contract.test.ts. */
describe('sqlite engine', () => {
  it('a commit that fails after its record was written leaves record, rows and boards as they were, and Keyv writes queued meanwhile survive the rollback', async () => {
    const opened = await openFreshEngine('sqlite');
    const { engine } = opened;
    const before = entry(ANA, 1, 30);
    await engine.commit({
      record: { kind: 'learner', key: ANA, expected: undefined, next: 'v1' },
      rows: rows({ addSets: [{ set: DUE, member: slotOf(ANA) }], putBoards: [{ board: BOARD, entry: before }] }),
    });
    expect((await engine.top(BOARD, 10)).rows).toEqual([{ ...before, rank: 1 }]); // the board is in memory now
    // A row filed under no board passes the engine's checks but breaks NOT NULL: the last statement fails.
    const nowhere = { board: null as unknown as string, entry: entry(BOB, 2, 60) };
    const others = Array.from({ length: 3_000 }, (_, n) => ({ board: BOARD, entry: entry(learner(`p${n}`), 1, 30) }));
    const failing = engine.commit({
      record: { kind: 'learner', key: ANA, expected: 'v1', next: 'v2' },
      rows: rows({
        addSets: [{ set: WORKSPACE, member: ANA }],
        removeSets: [{ set: DUE, member: slotOf(ANA) }],
        putBoards: [{ board: BOARD, entry: entry(ANA, 2, 60) }, ...others, nowhere],
      }),
    });
    // Keyv's writes meanwhile queue behind the transaction, never inside it: the rollback does not take them.
    const meanwhile: Promise<void>[] = [];
    for (let n = 0; n < 20; n += 1) {
      meanwhile.push(engine.records.set(`sent:${n}`, n));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await expect(failing).rejects.toThrow(/NOT NULL/);
    await Promise.all(meanwhile);
    const unchanged = async (current: StoreEngine) => {
      expect(await current.read('learner', ANA)).toBe('v1');
      expect(await current.members(DUE)).toEqual([slotOf(ANA)]);
      expect(await current.members(WORKSPACE)).toEqual([]);
      expect(await current.top(BOARD, 10)).toEqual({ rows: [{ ...before, rank: 1 }], total: 1 });
      for (let n = 0; n < 20; n += 1) expect(await current.records.get(`sent:${n}`)).toBe(n);
    };
    await unchanged(engine);
    const reopened = await opened.reopen();
    await unchanged(reopened); // the file, not only this process's memory
    await reopened.commit({
      record: { kind: 'learner', key: ANA, expected: 'v1', next: 'v2' },
      rows: rows({ putBoards: [{ board: BOARD, entry: entry(ANA, 2, 60) }] }),
    });
    expect(await reopened.read('learner', ANA)).toBe('v2');
    expect((await reopened.top(BOARD, 10)).rows).toEqual([{ ...entry(ANA, 2, 60), rank: 1 }]);
  });

  it('reloads a board of several pages (2,000 rows a page) after a reopen, ranked as before', async () => {
    const opened = await openFreshEngine('sqlite');
    const many = Array.from({ length: 2_500 }, (_, n) => entry(learner(`p${n}`), n % 7, (n % 7) * 30, START + n));
    await opened.engine.commit({ rows: rows({ putBoards: many.map((row) => ({ board: BOARD, entry: row })) }) });
    const loaded = await opened.engine.top(BOARD, 3, learner('p6'));
    const reopened = await opened.reopen();
    const read = await reopened.top(BOARD, 3, learner('p6'));
    expect(read).toEqual(loaded);
    expect(read.total).toBe(2_500);
    expect(read.self).toMatchObject({ completed: 6, rank: 1 });
    expect(await collect(reopened.scanBoards())).toHaveLength(2_500);
  });

  it('opens a file in a directory that is not there yet', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'pathbot-engine-')), 'data', 'nested', 'bot.sqlite');
    const logger = createJsonLogger({ level: 'silent' });
    const { engine } = await openEngine(`sqlite://${file}`, logger, {
      clock: createFakeClock(START),
      namespace: 'test',
    });
    try {
      expect(await engine.commit(save(ANA, 'v1', undefined))).toBe(true);
      expect(await engine.read('learner', ANA)).toBe('v1');
    } finally {
      await engine.close();
    }
  });
});
