import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryEngine } from '../../src/infra/memory/memory-engine.js';
import { openSqliteEngine } from '../../src/infra/sqlite/sqlite-engine.js';
import { noRowChanges, type RowChanges, type StoreEngine } from '../../src/infra/store-engine.js';
import { encodeBoardId } from '../../src/model/board-id.js';
import { encodeIndexSet } from '../../src/model/index-set.js';
import { encodeLearnerId, encodeWorkspaceId, type LearnerId } from '../../src/model/learner-id.js';
import { encodeSlotId } from '../../src/model/slot-id.js';
import type { BoardEntry, SetAsideRecord } from '../../src/ports/store.js';
import { recordingLogger } from '../adapters/slack/recording-logger.js';
import { createFakeClock, type FakeClock } from '../fakes/fake-clock.js';

const START = Date.UTC(2026, 11, 1, 9, 0);
const person = (id: string) => encodeLearnerId({ platform: 'console', workspace: 'test', id });
const [ana, ben, cy, dee] = ['ana', 'ben', 'cy', 'dee'].map(person) as [LearnerId, LearnerId, LearnerId, LearnerId];
const board = encodeBoardId({ platform: 'console', workspace: 'test', channel: 'C-general', path: 'webrtc' });
const weekBoard = encodeBoardId({
  platform: 'console',
  workspace: 'test',
  channel: 'C-general',
  path: 'webrtc',
  week: '2026-W49',
});
const workspace = encodeIndexSet({ kind: 'workspace', workspace: encodeWorkspaceId('console', 'test') });
const dueAt9 = encodeIndexSet({ kind: 'reminders', minute: START / 60_000 });
const slot = (learner: LearnerId) => encodeSlotId({ learner, path: 'webrtc' });
const entry = (member: LearnerId, completed: number, minutes: number, reachedAt = START): BoardEntry => ({
  member,
  name: member.split(':')[2]!,
  completed,
  minutes,
  reachedAt,
});
/** Four rows that rank 1, 2, 2, 4 (ben and cy tie; ben got there first). */
const fourRows = [entry(ana, 5, 150), entry(cy, 3, 90, START + 2), entry(ben, 3, 90, START + 1), entry(dee, 1, 30)];
const aside = (n: number): SetAsideRecord => ({ at: START + n, issues: ['marks'], raw: `{"broken":${n}}` });
const rows = (changes: Partial<RowChanges>): RowChanges => ({ ...noRowChanges(), ...changes });
const learnerRecord = (key: LearnerId, expected: string | undefined, next: string | undefined) => ({
  kind: 'learner' as const,
  key,
  expected,
  next,
});

interface EngineUnderTest {
  engine: StoreEngine;
  clock: FakeClock;
  /** Closes the engine and opens a new one on the same data: another owner, as after a restart. */
  reopen?: () => Promise<StoreEngine>;
}

interface EngineKind {
  name: string;
  open(): Promise<EngineUnderTest>;
  /** Its commits are transactions that can fail after their first statement (memory's is one step that cannot). */
  canFailHalfWay: boolean;
  /** Its data outlives the engine, so `reopen` is there (memory's Keyv, with the claims, goes with its engine). */
  reopens: boolean;
}

const open: StoreEngine[] = [];
afterEach(async () => {
  for (const engine of open.splice(0)) await engine.close();
});

const KINDS: EngineKind[] = [
  {
    name: 'memory',
    canFailHalfWay: false,
    reopens: false,
    async open() {
      const clock = createFakeClock(START);
      const engine = createMemoryEngine(clock, 'test');
      open.push(engine);
      return { engine, clock };
    },
  },
  {
    name: 'sqlite',
    canFailHalfWay: true,
    reopens: true,
    async open() {
      const clock = createFakeClock(START);
      const file = join(await mkdtemp(join(tmpdir(), 'pathbot-engine-')), 'data', 'bot.sqlite');
      const openOne = async () => {
        const engine = await openSqliteEngine({ file, namespace: 'test', logger: recordingLogger(), clock });
        open.push(engine);
        return engine;
      };
      const first = await openOne();
      return {
        engine: first,
        clock,
        reopen: async () => {
          await open.splice(0).reduce((closing, engine) => closing.then(() => engine.close()), Promise.resolve());
          return openOne();
        },
      };
    },
  },
];

/** Every engine passes the same checks: it must behave as the memory engine does. */
function engineContract(kind: EngineKind): void {
  describe(`store engine contract (${kind.name})`, () => {
    it('commits a record with its rows and set-aside entry, and every read sees them', async () => {
      const { engine } = await kind.open();
      const next = JSON.stringify({ name: 'Ana' });
      const committed = await engine.commit({
        record: learnerRecord(ana, undefined, next),
        rows: rows({
          addSets: [
            { set: workspace, member: ana },
            { set: dueAt9, member: slot(ana) },
          ],
          putBoards: fourRows.map((row) => ({ board, entry: row })),
        }),
        setAside: { entry: aside(1), keep: 5 },
      });
      expect(committed).toBe(true);
      expect(await engine.read('learner', ana)).toBe(next);
      expect(await engine.read('digest', ana)).toBeUndefined();
      expect(await engine.members(workspace)).toEqual([ana]);
      expect(await engine.members(dueAt9)).toEqual([slot(ana)]);
      expect(await engine.setAside(ana)).toEqual([aside(1)]);
      const page = await engine.top(board, 10, cy);
      expect(page.rows.map((row) => [row.member, row.rank])).toEqual([
        [ana, 1],
        [ben, 2],
        [cy, 2],
        [dee, 4],
      ]);
      expect(page.self).toEqual({ ...fourRows[1], rank: 2 });
      expect(page.total).toBe(4);
      const firstTwo = await engine.top(board, 2, dee);
      expect(firstTwo.rows.map((row) => row.member)).toEqual([ana, ben]);
      expect(firstTwo.self).toEqual({ ...fourRows[3], rank: 4 });
      expect(await engine.top(weekBoard, 10, ana)).toEqual({ rows: [], total: 0 });
    });

    it('keeps the last entries set aside, oldest first', async () => {
      const { engine } = await kind.open();
      for (const n of [1, 2, 3]) {
        const record = learnerRecord(ana, n === 1 ? undefined : `{"v":${n - 1}}`, `{"v":${n}}`);
        await engine.commit({ record, rows: noRowChanges(), setAside: { entry: aside(n), keep: 2 } });
      }
      expect(await engine.setAside(ana)).toEqual([aside(2), aside(3)]);
      expect(await engine.setAside(ben)).toEqual([]);
    });

    it('deletes a record with whatever was set aside, and its rows in the same commit', async () => {
      const { engine } = await kind.open();
      const put = rows({ addSets: [{ set: workspace, member: ana }], putBoards: [{ board, entry: fourRows[0]! }] });
      await engine.commit({
        record: learnerRecord(ana, undefined, '{}'),
        rows: put,
        setAside: { entry: aside(1), keep: 5 },
      });
      await engine.commit({ record: learnerRecord(ben, undefined, '{}'), rows: noRowChanges() });
      const takeOut = rows({ removeSets: [{ set: workspace, member: ana }], removeBoards: [{ board, member: ana }] });
      await engine.commit({ record: learnerRecord(ana, '{}', undefined), rows: takeOut });
      expect(await engine.read('learner', ana)).toBeUndefined();
      expect(await engine.setAside(ana)).toEqual([]);
      expect(await engine.members(workspace)).toEqual([]);
      expect(await engine.top(board, 10, ana)).toEqual({ rows: [], total: 0 });
      expect(await engine.read('learner', ben)).toBe('{}');
    });

    it('commits rows alone, and leaves every record as it is', async () => {
      const { engine } = await kind.open();
      await engine.commit({
        record: learnerRecord(ana, undefined, '{"a":1}'),
        rows: rows({ addSets: [{ set: dueAt9, member: slot(ana) }] }),
      });
      expect(await engine.top(board, 10)).toEqual({ rows: [], total: 0 });
      await engine.commit({
        rows: rows({ removeSets: [{ set: dueAt9, member: slot(ana) }], putBoards: [{ board, entry: fourRows[2]! }] }),
      });
      expect(await engine.members(dueAt9)).toEqual([]);
      expect((await engine.top(board, 10)).rows.map((row) => row.member)).toEqual([ben]);
      expect(await engine.read('learner', ana)).toBe('{"a":1}');
    });

    it('scans every record of each kind, every set row and every board row', async () => {
      const { engine } = await kind.open();
      const sets = [
        { set: workspace, member: ana },
        { set: workspace, member: ben },
        { set: dueAt9, member: slot(ana) },
        { set: encodeIndexSet({ kind: 'digests', minute: 7 }), member: board },
      ];
      const boards = [...fourRows.map((row) => ({ board, entry: row })), { board: weekBoard, entry: fourRows[0]! }];
      await engine.commit({
        record: learnerRecord(ana, undefined, 'a'),
        rows: rows({ addSets: sets, putBoards: boards }),
      });
      await engine.commit({ record: learnerRecord(ben, undefined, 'b'), rows: noRowChanges() });
      await engine.commit({
        record: { kind: 'digest', key: board, expected: undefined, next: 'd' },
        rows: noRowChanges(),
      });
      expect(sorted(await collect(engine.scanRecords('learner')))).toEqual([
        [ana, 'a'],
        [ben, 'b'],
      ]);
      expect(await collect(engine.scanRecords('digest'))).toEqual([[board, 'd']]);
      expect(sorted(await collect(engine.scanSets()))).toEqual(sorted(sets));
      expect(sorted(await collect(engine.scanBoards()))).toEqual(sorted(boards));
    });

    it.runIf(kind.canFailHalfWay)(
      'a commit that fails after its record was written leaves record, rows and boards as they were',
      async () => {
        const under = await kind.open();
        const { engine } = under;
        const before = entry(ana, 1, 30);
        await engine.commit({
          record: learnerRecord(ana, undefined, 'v1'),
          rows: rows({ addSets: [{ set: dueAt9, member: slot(ana) }], putBoards: [{ board, entry: before }] }),
        });
        expect((await engine.top(board, 10)).rows).toEqual([{ ...before, rank: 1 }]); // the board is in memory now
        const unnamed = { ...entry(ben, 2, 60), name: null as unknown as string }; // breaks NOT NULL: the last statement fails
        const others = Array.from({ length: 3_000 }, (_, n) => ({ board, entry: entry(person(`p${n}`), 1, 30) }));
        const failing = engine.commit({
          record: learnerRecord(ana, 'v1', 'v2'),
          rows: rows({
            addSets: [{ set: workspace, member: ana }],
            removeSets: [{ set: dueAt9, member: slot(ana) }],
            putBoards: [{ board, entry: entry(ana, 2, 60) }, ...others, { board, entry: unnamed }],
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
          expect(await current.read('learner', ana)).toBe('v1');
          expect(await current.members(dueAt9)).toEqual([slot(ana)]);
          expect(await current.members(workspace)).toEqual([]);
          expect(await current.top(board, 10)).toEqual({ rows: [{ ...before, rank: 1 }], total: 1 });
          for (let n = 0; n < 20; n += 1) expect(await current.records.get(`sent:${n}`)).toBe(n);
        };
        await unchanged(engine);
        const reopened = await under.reopen!();
        await unchanged(reopened); // the file, not only this process's memory
        await reopened.commit({
          record: learnerRecord(ana, 'v1', 'v2'),
          rows: rows({ putBoards: [{ board, entry: entry(ana, 2, 60) }] }),
        });
        expect(await reopened.read('learner', ana)).toBe('v2');
        expect((await reopened.top(board, 10)).rows).toEqual([{ ...entry(ana, 2, 60), rank: 1 }]);
      },
    );

    it('expires records and claims by the injected clock', async () => {
      const { engine, clock } = await kind.open();
      await engine.records.set('sent:1', { to: 'ana' }, 60_000);
      await engine.records.set('kept', 7);
      expect(await engine.claims.claim('reminder:1', 30_000)).toBe(true);
      expect(await engine.claims.claim('reminder:1', 30_000)).toBe(false);
      clock.advance(29_999);
      expect(await engine.claims.claim('reminder:1', 30_000)).toBe(false);
      expect(await engine.records.get('sent:1')).toEqual({ to: 'ana' });
      clock.advance(1);
      expect(await engine.claims.claim('reminder:1', 30_000)).toBe(true);
      clock.advance(30_000);
      expect(await engine.records.get('sent:1')).toBeUndefined();
      expect(await engine.records.get('kept')).toBe(7);
    });

    it('frees a claim on release by its owner', async () => {
      const { engine } = await kind.open();
      expect(await engine.claims.claim('digest:1', 60_000)).toBe(true);
      await engine.claims.release('digest:1');
      expect(await engine.claims.claim('digest:1', 60_000)).toBe(true);
    });

    it.runIf(kind.reopens)('leaves a claim of another owner alone on release', async () => {
      const under = await kind.open();
      expect(await under.engine.claims.claim('digest:1', 60_000)).toBe(true);
      const other = await under.reopen!();
      await other.claims.release('digest:1');
      expect(await other.claims.claim('digest:1', 60_000)).toBe(false);
      under.clock.advance(60_000);
      expect(await other.claims.claim('digest:1', 60_000)).toBe(true);
    });

    it.runIf(kind.reopens)('keeps what it committed across a reopen, boards of several pages included', async () => {
      const under = await kind.open();
      const many = Array.from({ length: 2_500 }, (_, n) => entry(person(`p${n}`), n % 7, (n % 7) * 30, START + n));
      await under.engine.commit({ rows: rows({ putBoards: many.map((row) => ({ board, entry: row })) }) });
      const loaded = await under.engine.top(board, 3, person('p6'));
      const reopened = await under.reopen!();
      const read = await reopened.top(board, 3, person('p6'));
      expect(read).toEqual(loaded);
      expect(read.total).toBe(2_500);
      expect(read.self).toMatchObject({ completed: 6, rank: 1 });
      expect(await collect(reopened.scanBoards())).toHaveLength(2_500);
    });
  });
}

for (const kind of KINDS) engineContract(kind);

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

function sorted<T>(items: T[]): T[] {
  return [...items].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
