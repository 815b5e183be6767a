import { afterEach, expect, it } from 'vitest';
import { noRowChanges, type EngineCommit } from '../../src/infra/store-engine.js';
import type { LearnerId } from '../../src/model/learner-id.js';
import { closeEngines, openFreshEngine } from '../fakes/engine-backends.js';
import { describeEachBackend, type BackendKind } from '../fakes/store-backends.js';
import {
  ANA,
  BOARD,
  BOB,
  byBoardRow,
  bySetRow,
  collect,
  CY,
  DEE,
  DIGEST_DUE,
  DUE,
  entry,
  learner,
  rows,
  save,
  setAsideEntry,
  slotOf,
  START,
  WEEK_BOARD,
  WORKSPACE,
} from './engine-fixtures.js';

afterEach(closeEngines);

/**
 * What a commit does when the stored record is no longer its `expected`. A shared engine must refuse it
 * whole (another process saved first). An embedded one owns its data, so what it last read is what is
 * stored: SQLite trusts `expected` and writes; the memory engine checks it all the same.
 */
const STALE_COMMIT: Record<BackendKind, 'refused' | 'written'> = {
  memory: 'refused',
  sqlite: 'written',
  redis: 'refused',
};

/** Every engine passes the same checks: it must behave as the memory engine does. */
describeEachBackend('store engine contract', (kind) => {
  it('commits a record with its rows and set-aside entry, and every read sees them: sets, ranks 1, 2, 2, 4 and the caller', async () => {
    const { engine } = await openFreshEngine(kind);
    const first: EngineCommit = {
      record: { kind: 'learner', key: ANA, expected: undefined, next: '{"ana":1}' },
      rows: rows({
        addSets: [
          { set: WORKSPACE, member: ANA },
          { set: DUE, member: slotOf(ANA) },
        ],
        putBoards: [{ board: BOARD, entry: entry(ANA, 3, 60) }],
      }),
      setAside: { entry: setAsideEntry(1), keep: 5 },
    };
    expect(await engine.commit(first)).toBe(true);
    expect(await engine.commit(save(CY, '{"cy":1}', undefined, entry(CY, 2, 50, START + 2)))).toBe(true);
    expect(await engine.commit(save(BOB, '{"bob":1}', undefined, entry(BOB, 2, 50, START + 1)))).toBe(true);
    expect(await engine.commit(save(DEE, '{"dee":1}', undefined, entry(DEE, 1, 10)))).toBe(true);

    expect(await engine.read('learner', ANA)).toBe('{"ana":1}');
    expect(await engine.read('learner', DEE)).toBe('{"dee":1}');
    expect(await engine.read('digest', ANA)).toBeUndefined();
    expect(await engine.read('learner', learner('nobody'))).toBeUndefined();
    expect((await engine.members(WORKSPACE)).sort()).toEqual([ANA, BOB, CY, DEE].sort());
    expect(await engine.members(DUE)).toEqual([slotOf(ANA)]);
    expect(await engine.members(DIGEST_DUE)).toEqual([]);
    expect(await engine.setAside(ANA)).toEqual([setAsideEntry(1)]);
    expect(await engine.setAside(BOB)).toEqual([]);

    const page = await engine.top(BOARD, 10, DEE);
    expect(page.rows.map((row) => [row.member, row.rank])).toEqual([
      [ANA, 1],
      [BOB, 2], // tied with Cy, and got there first
      [CY, 2],
      [DEE, 4],
    ]);
    expect(page.rows[0]).toEqual({ ...entry(ANA, 3, 60), rank: 1 });
    expect(page.total).toBe(4);
    expect(page.self).toEqual({ ...entry(DEE, 1, 10), rank: 4 });
    const short = await engine.top(BOARD, 2, CY);
    expect(short.rows.map((row) => row.member)).toEqual([ANA, BOB]);
    expect(short.self).toEqual({ ...entry(CY, 2, 50, START + 2), rank: 2 });
    expect(short.total).toBe(4);
    expect((await engine.top(BOARD, 2, DEE)).self).toEqual({ ...entry(DEE, 1, 10), rank: 4 });
    expect((await engine.top(BOARD, 10, learner('nobody'))).self).toBeUndefined();
    expect(await engine.top(WEEK_BOARD, 10, ANA)).toEqual({ rows: [], total: 0 });
  });

  it('moves a row when its figures change, on a board already read', async () => {
    const { engine } = await openFreshEngine(kind);
    await engine.commit(save(ANA, 'v1', undefined, entry(ANA, 1, 10)));
    await engine.commit(save(BOB, 'b1', undefined, entry(BOB, 2, 20)));
    expect((await engine.top(BOARD, 10)).rows.map((row) => row.member)).toEqual([BOB, ANA]);
    await engine.commit(save(ANA, 'v2', 'v1', entry(ANA, 3, 30, START + 5)));
    const page = await engine.top(BOARD, 10, ANA);
    expect(page.rows.map((row) => [row.member, row.rank, row.completed])).toEqual([
      [ANA, 1, 3],
      [BOB, 2, 2],
    ]);
    expect(page.self).toEqual({ ...entry(ANA, 3, 30, START + 5), rank: 1 });
    expect(page.total).toBe(2);
  });

  it('keeps the last entries set aside, oldest first, as each commit that replaces the record adds one', async () => {
    const { engine } = await openFreshEngine(kind);
    let text: string | undefined;
    for (const at of [1, 2, 3]) {
      const next = `fresh ${at}`;
      const replaced = await engine.commit({
        record: { kind: 'learner', key: ANA, expected: text, next },
        rows: noRowChanges(),
        setAside: { entry: setAsideEntry(at), keep: 2 },
      });
      expect(replaced).toBe(true);
      text = next;
    }
    expect(await engine.setAside(ANA)).toEqual([setAsideEntry(2), setAsideEntry(3)]);
    expect(await engine.setAside(BOB)).toEqual([]);
    expect(await engine.read('learner', ANA)).toBe('fresh 3');
  });

  it('deletes a record with its rows and whatever was set aside for the learner, in one commit', async () => {
    const { engine } = await openFreshEngine(kind);
    await engine.commit(save(ANA, 'v1', undefined, entry(ANA, 1, 10)));
    await engine.commit(save(BOB, 'b1', undefined, entry(BOB, 1, 10)));
    await engine.commit({
      record: { kind: 'learner', key: ANA, expected: 'v1', next: 'v2' },
      rows: rows({ addSets: [{ set: DUE, member: slotOf(ANA) }] }),
      setAside: { entry: setAsideEntry(1), keep: 5 },
    });
    const deleted = await engine.commit({
      record: { kind: 'learner', key: ANA, expected: 'v2', next: undefined },
      rows: rows({
        removeSets: [
          { set: WORKSPACE, member: ANA },
          { set: DUE, member: slotOf(ANA) },
        ],
        removeBoards: [{ board: BOARD, member: ANA }],
      }),
    });
    expect(deleted).toBe(true);
    expect(await engine.read('learner', ANA)).toBeUndefined();
    expect(await engine.setAside(ANA)).toEqual([]);
    expect(await engine.members(WORKSPACE)).toEqual([BOB]);
    expect(await engine.members(DUE)).toEqual([]);
    expect(await engine.top(BOARD, 10, ANA)).toEqual({ rows: [{ ...entry(BOB, 1, 10), rank: 1 }], total: 1 });
    expect(await engine.read('learner', BOB)).toBe('b1');
    expect(await collect(engine.scanRecords('learner'))).toEqual([[BOB, 'b1']]);
  });

  it('commits rows alone, and leaves every record as it is', async () => {
    const { engine } = await openFreshEngine(kind);
    await engine.commit({
      record: { kind: 'learner', key: ANA, expected: undefined, next: '{"a":1}' },
      rows: rows({ addSets: [{ set: DUE, member: slotOf(ANA) }] }),
    });
    await engine.commit({
      rows: rows({
        addSets: [{ set: DUE, member: 'left over' }],
        removeSets: [{ set: DUE, member: slotOf(ANA) }],
        putBoards: [{ board: BOARD, entry: entry(BOB, 1, 5) }],
      }),
    });
    expect(await engine.members(DUE)).toEqual(['left over']);
    expect((await engine.top(BOARD, 10)).rows.map((row) => row.member)).toEqual([BOB]);
    await engine.commit({
      rows: rows({ removeSets: [{ set: DUE, member: 'left over' }], removeBoards: [{ board: BOARD, member: BOB }] }),
    });
    expect(await engine.members(DUE)).toEqual([]);
    expect(await engine.top(BOARD, 10)).toEqual({ rows: [], total: 0 });
    expect(await engine.read('learner', ANA)).toBe('{"a":1}');
    expect(await collect(engine.scanRecords('learner'))).toEqual([[ANA, '{"a":1}']]);
    expect(await collect(engine.scanSets())).toEqual([]);
    expect(await collect(engine.scanBoards())).toEqual([]);
  });

  if (STALE_COMMIT[kind] === 'refused')
    it('writes nothing when the stored record is no longer the one expected', async () => {
      const { engine } = await openFreshEngine(kind);
      await engine.commit(save(ANA, 'v1', undefined, entry(ANA, 1, 10)));
      const stale: EngineCommit = {
        record: { kind: 'learner', key: ANA, expected: 'v0', next: 'v2' },
        rows: rows({
          addSets: [{ set: DUE, member: 'slot' }],
          putBoards: [{ board: BOARD, entry: entry(ANA, 9, 90) }],
        }),
        setAside: { entry: setAsideEntry(1), keep: 5 },
      };
      expect(await engine.commit(stale)).toBe(false);
      expect(await engine.commit({ ...stale, record: { ...stale.record!, expected: undefined } })).toBe(false);
      expect(await engine.commit(save(BOB, 'b', 'something'))).toBe(false);
      expect(await engine.read('learner', ANA)).toBe('v1');
      expect(await engine.read('learner', BOB)).toBeUndefined();
      expect(await engine.members(DUE)).toEqual([]);
      expect(await engine.members(WORKSPACE)).toEqual([ANA]);
      expect(await engine.setAside(ANA)).toEqual([]);
      expect((await engine.top(BOARD, 10)).rows).toEqual([{ ...entry(ANA, 1, 10), rank: 1 }]);
    });

  if (STALE_COMMIT[kind] === 'written')
    it('trusts the record a commit was decided on, as the one process that writes its data: the commit lands whole', async () => {
      const { engine } = await openFreshEngine(kind);
      expect(engine.shared).toBe(false); // a shared engine must refuse it
      await engine.commit(save(ANA, 'v1', undefined, entry(ANA, 1, 10)));
      const decidedOnOld: EngineCommit = {
        record: { kind: 'learner', key: ANA, expected: 'v0', next: 'v2' },
        rows: rows({
          addSets: [{ set: DUE, member: 'slot' }],
          putBoards: [{ board: BOARD, entry: entry(ANA, 9, 90) }],
        }),
        setAside: { entry: setAsideEntry(1), keep: 5 },
      };
      expect(await engine.commit(decidedOnOld)).toBe(true);
      expect(await engine.read('learner', ANA)).toBe('v2');
      expect(await engine.members(DUE)).toEqual(['slot']);
      expect(await engine.setAside(ANA)).toEqual([setAsideEntry(1)]);
      expect((await engine.top(BOARD, 10)).rows).toEqual([{ ...entry(ANA, 9, 90), rank: 1 }]);
    });

  it('is shared exactly when other processes may write its data', async () => {
    const { engine } = await openFreshEngine(kind);
    expect(engine.shared).toBe(kind === 'redis');
    expect(await engine.health()).toMatchObject({ ok: true, backend: kind });
  });

  it('scans every record of both kinds, every set row and every board row', async () => {
    const { engine } = await openFreshEngine(kind);
    await engine.commit(save(ANA, 'ana', undefined, entry(ANA, 1, 10)));
    await engine.commit({
      record: { kind: 'learner', key: BOB, expected: undefined, next: 'bob' },
      rows: noRowChanges(),
    });
    await engine.commit({
      record: { kind: 'learner', key: DEE, expected: undefined, next: 'dee' },
      rows: rows({
        addSets: [
          { set: WORKSPACE, member: DEE },
          { set: DUE, member: slotOf(DEE) },
        ],
        putBoards: [
          { board: BOARD, entry: entry(DEE, 2, 20) },
          { board: WEEK_BOARD, entry: entry(DEE, 1, 10) },
        ],
      }),
    });
    await engine.commit({
      record: { kind: 'digest', key: BOARD, expected: undefined, next: '{"digest":1}' },
      rows: rows({ addSets: [{ set: DIGEST_DUE, member: BOARD }] }),
    });
    expect((await collect(engine.scanRecords('learner'))).sort()).toEqual(
      [
        [ANA, 'ana'],
        [BOB, 'bob'],
        [DEE, 'dee'],
      ].sort(),
    );
    expect(await collect(engine.scanRecords('digest'))).toEqual([[BOARD, '{"digest":1}']]);
    expect(await engine.read('digest', BOARD)).toBe('{"digest":1}');
    expect(await engine.read('learner', BOARD as string as LearnerId)).toBeUndefined();
    expect((await collect(engine.scanSets())).sort(bySetRow)).toEqual(
      [
        { set: WORKSPACE, member: ANA },
        { set: WORKSPACE, member: DEE },
        { set: DUE, member: slotOf(DEE) },
        { set: DIGEST_DUE, member: BOARD },
      ].sort(bySetRow),
    );
    expect((await collect(engine.scanBoards())).sort(byBoardRow)).toEqual(
      [
        { board: BOARD, entry: entry(ANA, 1, 10) },
        { board: BOARD, entry: entry(DEE, 2, 20) },
        { board: WEEK_BOARD, entry: entry(DEE, 1, 10) },
      ].sort(byBoardRow),
    );
  });

  it('refuses a commit with an invalid row whole: neither the record nor any row changes, and the next commit lands', async () => {
    const { engine } = await openFreshEngine(kind);
    await engine.commit(save(ANA, 'v1', undefined, entry(ANA, 1, 10)));
    expect((await engine.top(BOARD, 10)).total).toBe(1); // read once: a board an engine keeps in memory is loaded
    for (const figure of [{ minutes: Number.NaN }, { completed: Number.POSITIVE_INFINITY }]) {
      const broken: EngineCommit = {
        record: { kind: 'learner', key: ANA, expected: 'v1', next: 'v2' },
        rows: rows({
          addSets: [{ set: DUE, member: slotOf(ANA) }],
          removeSets: [{ set: WORKSPACE, member: ANA }],
          // The valid row comes first: on SQLite the last statement of the transaction is the one that fails.
          putBoards: [
            { board: WEEK_BOARD, entry: entry(ANA, 1, 10) },
            { board: BOARD, entry: { ...entry(ANA, 2, 20), ...figure } },
          ],
        }),
        setAside: { entry: setAsideEntry(1), keep: 5 },
      };
      await expect(engine.commit(broken), JSON.stringify(figure)).rejects.toThrow();
      expect(await engine.read('learner', ANA)).toBe('v1');
      expect(await engine.members(DUE)).toEqual([]);
      expect(await engine.members(WORKSPACE)).toEqual([ANA]);
      expect(await engine.setAside(ANA)).toEqual([]);
      expect(await engine.top(BOARD, 10)).toEqual({ rows: [{ ...entry(ANA, 1, 10), rank: 1 }], total: 1 });
      expect((await engine.top(WEEK_BOARD, 10)).total).toBe(0);
    }
    expect(await engine.commit(save(ANA, 'v2', 'v1', entry(ANA, 2, 20)))).toBe(true);
    expect(await engine.read('learner', ANA)).toBe('v2');
    expect((await engine.top(BOARD, 10)).rows).toEqual([{ ...entry(ANA, 2, 20), rank: 1 }]);
  });

  it('refuses a row whose name or member is not text, and writes nothing of its commit', async () => {
    const { engine } = await openFreshEngine(kind);
    await engine.commit(save(ANA, 'v1', undefined));
    for (const field of [{ name: 42 }, { member: 7 }]) {
      const row = { ...entry(BOB, 1, 10), ...field } as unknown as ReturnType<typeof entry>;
      const broken = { ...save(ANA, 'v2', 'v1'), rows: rows({ putBoards: [{ board: BOARD, entry: row }] }) };
      await expect(engine.commit(broken), JSON.stringify(field)).rejects.toThrow(/invalid board row/);
    }
    expect(await engine.read('learner', ANA)).toBe('v1');
    expect(await engine.top(BOARD, 10)).toEqual({ rows: [], total: 0 });
  });

  it('expires records by the injected clock, not by waiting', async () => {
    const { engine, clock } = await openFreshEngine(kind);
    await engine.records.set('sent:1', { to: 'ana' }, 60_000);
    await engine.records.set('kept', 'always');
    clock.advance(59_999);
    expect(await engine.records.get('sent:1')).toEqual({ to: 'ana' });
    clock.advance(1);
    expect(await engine.records.get('sent:1')).toBeUndefined();
    clock.advance(365 * 24 * 60 * 60_000);
    expect(await engine.records.get('kept')).toBe('always');
    await engine.records.delete('kept');
    expect(await engine.records.get('kept')).toBeUndefined();
  });

  it('keeps what it committed across a restart: records, set-aside entries, sets, boards and plain records', async () => {
    const opened = await openFreshEngine(kind);
    const { engine, clock } = opened;
    await engine.commit({
      ...save(ANA, 'ana', undefined, entry(ANA, 2, 20)),
      setAside: { entry: setAsideEntry(1), keep: 5 },
    });
    await engine.commit(save(BOB, 'bob', undefined, entry(BOB, 3, 30)));
    await engine.commit({
      record: { kind: 'digest', key: BOARD, expected: undefined, next: 'digest' },
      rows: rows({ addSets: [{ set: DIGEST_DUE, member: BOARD }] }),
    });
    await engine.records.set('sent:1', true, 60_000);
    await engine.records.set('kept', { weekday: 1 });
    const board = await engine.top(BOARD, 10, ANA);

    const restarted = await opened.reopen();
    expect(await restarted.read('learner', ANA)).toBe('ana');
    expect(await restarted.read('digest', BOARD)).toBe('digest');
    expect(await restarted.setAside(ANA)).toEqual([setAsideEntry(1)]);
    expect((await restarted.members(WORKSPACE)).sort()).toEqual([ANA, BOB].sort());
    expect(await restarted.members(DIGEST_DUE)).toEqual([BOARD]);
    expect(await restarted.top(BOARD, 10, ANA)).toEqual(board);
    expect(await restarted.records.get('kept')).toEqual({ weekday: 1 });
    expect(await restarted.records.get('sent:1')).toBe(true);
    clock.advance(60_000);
    expect(await restarted.records.get('sent:1')).toBeUndefined(); // still by the clock, after a restart
  });
});
