import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { assembleStore } from '../../src/infra/assemble-store.js';
import { checkStore } from '../../src/infra/check-store.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { createMemoryData, createMemoryEngine } from '../../src/infra/memory/memory-engine.js';
import { commitScript, encodeCommit, type CommitChanges } from '../../src/infra/redis/commit-script.js';
import { isRedisUnavailable, openRedisEngine } from '../../src/infra/redis/redis-engine.js';
import { RedisKeys } from '../../src/infra/redis/redis-keys.js';
import type { RedisClient } from '../../src/infra/redis/redis-script.js';
import { noRowChanges, type EngineCommit, type RowChanges, type StoreEngine } from '../../src/infra/store-engine.js';
import { learnerRowsRule } from '../../src/learners/learner-rows.js';
import { encodeBoardId } from '../../src/model/board-id.js';
import { encodeIndexSet } from '../../src/model/index-set.js';
import { emptyPathState, newLearnerRecord, type LearnerRecord } from '../../src/model/learner.js';
import { encodeLearnerId, encodeWorkspaceId, type LearnerId } from '../../src/model/learner-id.js';
import { encodeSlotId } from '../../src/model/slot-id.js';
import type { BoardEntry, SetAsideRecord } from '../../src/ports/store.js';
import { createFakeClock, type FakeClock } from '../fakes/fake-clock.js';
import { freePort } from '../fakes/free-port.js';
import { createRedisServerProcess, redisServerOnPath } from '../fakes/redis-server-process.js';
import { dropRedisNamespace, REDIS_URL } from '../fakes/store-backends.js';
import { recordingLogger } from '../adapters/slack/recording-logger.js';
import { eventually } from '../support/eventually.js';

const logger = createJsonLogger({ level: 'silent' });
const START = Date.UTC(2026, 10, 24, 10);
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type EngineKind = 'memory' | 'redis';

interface OpenedEngine {
  engine: StoreEngine;
  clock: FakeClock;
  namespace: string;
  /** A second engine on the same data, as another process (or, for memory, another store in this one) opens it. */
  another(): Promise<StoreEngine>;
}

/** A fresh engine of a kind: an empty memory engine, or a Redis namespace of its own (dropped after the test). */
async function openFresh(kind: EngineKind, clock = createFakeClock(START), namespace = `test-${randomUUID()}`) {
  if (kind === 'memory') {
    const data = createMemoryData();
    const open = async () => createMemoryEngine(clock, namespace, data);
    return { engine: await open(), clock, namespace, another: open } satisfies OpenedEngine;
  }
  cleanups.push(() => dropRedisNamespace(namespace));
  const open = () => openRedis(namespace, clock);
  return { engine: await open(), clock, namespace, another: open } satisfies OpenedEngine;
}

async function openRedis(namespace: string, clock: FakeClock): Promise<StoreEngine> {
  const engine = await openRedisEngine({
    url: REDIS_URL!,
    label: 'test redis',
    namespace,
    logger,
    clock,
    timeoutMs: 5_000,
  });
  cleanups.push(() => engine.close());
  return engine;
}

/** A raw client, to look at or damage what an engine stored, as another program (or an older version) would. */
async function rawRedis(): Promise<RedisClient> {
  const client: RedisClient = createClient({ url: REDIS_URL! });
  await client.connect();
  cleanups.push(async () => client.destroy());
  return client;
}

function describeEngines(title: string, suite: (kind: EngineKind) => void): void {
  describe(`${title} (memory)`, () => suite('memory'));
  describe.skipIf(!REDIS_URL)(`${title} (redis) (needs Redis: a redis-server on PATH, or REDIS_URL)`, () =>
    suite('redis'),
  );
}

const learner = (id: string): LearnerId => encodeLearnerId({ platform: 'slack', workspace: 'T1', id });
const ANA = learner('ana');
const BOB = learner('bob');
const CY = learner('cy');
const DEE = learner('dee:#|ü');
const BOARD = encodeBoardId({ platform: 'slack', workspace: 'T1', channel: 'C1', path: 'webrtc' });
const WEEK_BOARD = encodeBoardId({
  platform: 'slack',
  workspace: 'T1',
  channel: 'C1',
  path: 'webrtc',
  week: '2026-W48',
});
const WORKSPACE = encodeIndexSet({ kind: 'workspace', workspace: encodeWorkspaceId('slack', 'T1') });
const DUE = encodeIndexSet({ kind: 'reminders', minute: 29_000_000 });
const DIGEST_DUE = encodeIndexSet({ kind: 'digests', minute: 29_000_060 });

function entry(member: LearnerId, completed: number, minutes: number, reachedAt: number): BoardEntry {
  return { member, name: `Name of ${member}`, completed, minutes, reachedAt };
}

const rows = (changes: Partial<RowChanges>): RowChanges => ({ ...noRowChanges(), ...changes });

/** A learner's record written with its workspace row and one board row. */
function save(id: LearnerId, text: string, expected: string | undefined, board?: BoardEntry): EngineCommit {
  return {
    record: { kind: 'learner', key: id, expected, next: text },
    rows: rows({ addSets: [{ set: WORKSPACE, member: id }], putBoards: board ? [{ board: BOARD, entry: board }] : [] }),
  };
}

function setAsideEntry(at: number): SetAsideRecord {
  return { at, issues: ['marks'], raw: { marks: 'not an object', at } };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

const bySetRow = (a: { set: string; member: string }, b: { set: string; member: string }) =>
  `${a.set}\n${a.member}`.localeCompare(`${b.set}\n${b.member}`);
const byBoardRow = (a: { board: string; entry: BoardEntry }, b: { board: string; entry: BoardEntry }) =>
  `${a.board}\n${a.entry.member}`.localeCompare(`${b.board}\n${b.entry.member}`);

describeEngines('store engine contract', (kind) => {
  it('commits a record with its rows, and reads back the record, the sets and the ranked board', async () => {
    const { engine } = await openFresh(kind);
    expect(await engine.commit(save(ANA, '{"ana":1}', undefined, entry(ANA, 3, 60, START)))).toBe(true);
    expect(await engine.commit(save(CY, '{"cy":1}', undefined, entry(CY, 2, 50, START + 2)))).toBe(true);
    expect(await engine.commit(save(BOB, '{"bob":1}', undefined, entry(BOB, 2, 50, START + 1)))).toBe(true);
    expect(await engine.commit(save(DEE, '{"dee":1}', undefined, entry(DEE, 1, 10, START)))).toBe(true);

    expect(await engine.read('learner', ANA)).toBe('{"ana":1}');
    expect(await engine.read('learner', learner('nobody'))).toBeUndefined();
    expect((await engine.members(WORKSPACE)).sort()).toEqual([ANA, BOB, CY, DEE].sort());
    expect(await engine.members(DUE)).toEqual([]);
    const page = await engine.top(BOARD, 10, DEE);
    expect(page.rows.map((row) => [row.member, row.rank])).toEqual([
      [ANA, 1],
      [BOB, 2], // tied with Cy, and got there first
      [CY, 2],
      [DEE, 4],
    ]);
    expect(page.rows[0]).toEqual({ ...entry(ANA, 3, 60, START), rank: 1 });
    expect(page.total).toBe(4);
    expect(page.self).toEqual({ ...entry(DEE, 1, 10, START), rank: 4 });
    const short = await engine.top(BOARD, 2, CY);
    expect(short.rows.map((row) => row.member)).toEqual([ANA, BOB]);
    expect(short.self).toEqual({ ...entry(CY, 2, 50, START + 2), rank: 2 });
    expect(short.total).toBe(4);
    expect((await engine.top(BOARD, 10, learner('nobody'))).self).toBeUndefined();
    expect(await engine.top(WEEK_BOARD, 10, ANA)).toEqual({ rows: [], total: 0 });
    expect(await engine.setAside(ANA)).toEqual([]);
  });

  it('moves a row when its figures change, and keeps the few latest entries set aside, oldest first', async () => {
    const { engine } = await openFresh(kind);
    await engine.commit(save(ANA, 'v1', undefined, entry(ANA, 1, 10, START)));
    await engine.commit(save(BOB, 'b1', undefined, entry(BOB, 2, 20, START)));
    await engine.commit(save(ANA, 'v2', 'v1', entry(ANA, 3, 30, START + 5)));
    expect((await engine.top(BOARD, 10)).rows.map((row) => [row.member, row.rank, row.completed])).toEqual([
      [ANA, 1, 3],
      [BOB, 2, 2],
    ]);
    let text = 'v2';
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

  it('deletes a record with its rows and whatever was set aside for the learner', async () => {
    const { engine } = await openFresh(kind);
    await engine.commit(save(ANA, 'v1', undefined, entry(ANA, 1, 10, START)));
    await engine.commit(save(BOB, 'b1', undefined, entry(BOB, 1, 10, START)));
    await engine.commit({
      record: { kind: 'learner', key: ANA, expected: 'v1', next: 'v2' },
      rows: rows({ addSets: [{ set: DUE, member: encodeSlotId({ learner: ANA, path: 'webrtc' }) }] }),
      setAside: { entry: setAsideEntry(1), keep: 5 },
    });
    const deleted = await engine.commit({
      record: { kind: 'learner', key: ANA, expected: 'v2', next: undefined },
      rows: rows({
        removeSets: [
          { set: WORKSPACE, member: ANA },
          { set: DUE, member: encodeSlotId({ learner: ANA, path: 'webrtc' }) },
        ],
        removeBoards: [{ board: BOARD, member: ANA }],
      }),
    });
    expect(deleted).toBe(true);
    expect(await engine.read('learner', ANA)).toBeUndefined();
    expect(await engine.setAside(ANA)).toEqual([]);
    expect(await engine.members(WORKSPACE)).toEqual([BOB]);
    expect(await engine.members(DUE)).toEqual([]);
    expect(await engine.top(BOARD, 10, ANA)).toEqual({ rows: [{ ...entry(BOB, 1, 10, START), rank: 1 }], total: 1 });
    expect(await collect(engine.scanRecords('learner'))).toEqual([[BOB, 'b1']]);
  });

  it('commits rows alone, without a record', async () => {
    const { engine } = await openFresh(kind);
    await engine.commit({
      rows: rows({
        addSets: [{ set: DUE, member: 'left over' }],
        putBoards: [{ board: BOARD, entry: entry(ANA, 1, 5, START) }],
      }),
    });
    expect(await engine.members(DUE)).toEqual(['left over']);
    expect((await engine.top(BOARD, 10)).total).toBe(1);
    await engine.commit({
      rows: rows({ removeSets: [{ set: DUE, member: 'left over' }], removeBoards: [{ board: BOARD, member: ANA }] }),
    });
    expect(await engine.members(DUE)).toEqual([]);
    expect((await engine.top(BOARD, 10)).total).toBe(0);
    expect(await collect(engine.scanRecords('learner'))).toEqual([]);
    expect(await collect(engine.scanSets())).toEqual([]);
    expect(await collect(engine.scanBoards())).toEqual([]);
  });

  it('writes nothing when the stored record is no longer the one expected', async () => {
    const { engine } = await openFresh(kind);
    await engine.commit(save(ANA, 'v1', undefined, entry(ANA, 1, 10, START)));
    const stale: EngineCommit = {
      record: { kind: 'learner', key: ANA, expected: 'v0', next: 'v2' },
      rows: rows({
        addSets: [{ set: DUE, member: 'slot' }],
        putBoards: [{ board: BOARD, entry: entry(ANA, 9, 90, START) }],
      }),
      setAside: { entry: setAsideEntry(1), keep: 5 },
    };
    expect(await engine.commit(stale)).toBe(false);
    expect(await engine.commit({ ...stale, record: { ...stale.record!, expected: undefined } })).toBe(false);
    expect(await engine.commit(save(BOB, 'b', 'something'))).toBe(false);
    expect(await engine.read('learner', ANA)).toBe('v1');
    expect(await engine.read('learner', BOB)).toBeUndefined();
    expect(await engine.members(DUE)).toEqual([]);
    expect(await engine.setAside(ANA)).toEqual([]);
    expect((await engine.top(BOARD, 10)).rows).toEqual([{ ...entry(ANA, 1, 10, START), rank: 1 }]);
  });

  it('scans every record of both kinds, every set row and every board row', async () => {
    const { engine } = await openFresh(kind);
    const digestBoard = BOARD;
    await engine.commit(save(ANA, 'ana', undefined, entry(ANA, 1, 10, START)));
    await engine.commit({
      record: { kind: 'learner', key: DEE, expected: undefined, next: 'dee' },
      rows: rows({
        addSets: [
          { set: WORKSPACE, member: DEE },
          { set: DUE, member: encodeSlotId({ learner: DEE, path: 'webrtc' }) },
        ],
        putBoards: [
          { board: BOARD, entry: entry(DEE, 2, 20, START) },
          { board: WEEK_BOARD, entry: entry(DEE, 1, 10, START) },
        ],
      }),
    });
    await engine.commit({
      record: { kind: 'digest', key: digestBoard, expected: undefined, next: '{"digest":1}' },
      rows: rows({ addSets: [{ set: DIGEST_DUE, member: digestBoard }] }),
    });
    expect((await collect(engine.scanRecords('learner'))).sort()).toEqual(
      [
        [ANA, 'ana'],
        [DEE, 'dee'],
      ].sort(),
    );
    expect(await collect(engine.scanRecords('digest'))).toEqual([[digestBoard, '{"digest":1}']]);
    expect(await engine.read('digest', digestBoard)).toBe('{"digest":1}');
    expect(await engine.read('learner', digestBoard as string as LearnerId)).toBeUndefined();
    expect((await collect(engine.scanSets())).sort(bySetRow)).toEqual(
      [
        { set: WORKSPACE, member: ANA },
        { set: WORKSPACE, member: DEE },
        { set: DUE, member: encodeSlotId({ learner: DEE, path: 'webrtc' }) },
        { set: DIGEST_DUE, member: digestBoard },
      ].sort(bySetRow),
    );
    expect((await collect(engine.scanBoards())).sort(byBoardRow)).toEqual(
      [
        { board: BOARD, entry: entry(ANA, 1, 10, START) },
        { board: BOARD, entry: entry(DEE, 2, 20, START) },
        { board: WEEK_BOARD, entry: entry(DEE, 1, 10, START) },
      ].sort(byBoardRow),
    );
  });

  it('refuses a commit with an invalid row whole: neither the record nor any row changes', async () => {
    const { engine } = await openFresh(kind);
    await engine.commit(save(ANA, 'v1', undefined, entry(ANA, 1, 10, START)));
    const broken: EngineCommit = {
      record: { kind: 'learner', key: ANA, expected: 'v1', next: 'v2' },
      rows: rows({
        addSets: [{ set: DUE, member: 'slot' }],
        putBoards: [
          { board: WEEK_BOARD, entry: entry(ANA, 1, 10, START) },
          { board: BOARD, entry: { ...entry(ANA, 2, 20, START), minutes: Number.NaN } },
        ],
      }),
      setAside: { entry: setAsideEntry(1), keep: 5 },
    };
    await expect(engine.commit(broken)).rejects.toThrow(/invalid board row/);
    expect(await engine.read('learner', ANA)).toBe('v1');
    expect(await engine.members(DUE)).toEqual([]);
    expect(await engine.setAside(ANA)).toEqual([]);
    expect((await engine.top(BOARD, 10)).rows).toEqual([{ ...entry(ANA, 1, 10, START), rank: 1 }]);
    expect((await engine.top(WEEK_BOARD, 10)).total).toBe(0);
  });

  it('expires records by the injected clock, not by waiting', async () => {
    const { engine, clock } = await openFresh(kind);
    await engine.records.set('sent:1', { at: 1 }, 1_000);
    await engine.records.set('kept', 'always');
    clock.advance(999);
    expect(await engine.records.get('sent:1')).toEqual({ at: 1 });
    clock.advance(1);
    expect(await engine.records.get('sent:1')).toBeUndefined();
    clock.advance(365 * 24 * 60 * 60_000);
    expect(await engine.records.get('kept')).toBe('always');
    await engine.records.delete('kept');
    expect(await engine.records.get('kept')).toBeUndefined();
  });

  it('holds a claim until it expires by the injected clock, or its owner releases it', async () => {
    const { engine, clock } = await openFresh(kind);
    expect(await engine.claims.claim('reminder:1', 1_000)).toBe(true);
    expect(await engine.claims.claim('reminder:1', 1_000)).toBe(false);
    expect(await engine.claims.claim('reminder:2', 1_000)).toBe(true);
    clock.advance(999);
    expect(await engine.claims.claim('reminder:1', 1_000)).toBe(false);
    clock.advance(1);
    expect(await engine.claims.claim('reminder:1', 1_000)).toBe(true);
    await engine.claims.release('reminder:2');
    expect(await engine.claims.claim('reminder:2', 1_000)).toBe(true);
  });

  it.skipIf(kind === 'memory')('leaves a claim alone when another process releases it (shared engines)', async () => {
    const { engine, another, clock } = await openFresh(kind);
    const other = await another();
    expect(await engine.claims.claim('reminder:1', 1_000)).toBe(true);
    expect(await other.claims.claim('reminder:1', 1_000)).toBe(false);
    await other.claims.release('reminder:1');
    expect(await other.claims.claim('reminder:1', 1_000)).toBe(false);
    await engine.claims.release('reminder:1');
    expect(await other.claims.claim('reminder:1', 1_000)).toBe(true);
    clock.advance(500);
    await engine.claims.release('reminder:1');
    expect(await engine.claims.claim('reminder:1', 1_000)).toBe(false);
  });
});

describe.skipIf(!REDIS_URL)('redis engine (needs Redis: a redis-server on PATH, or REDIS_URL)', () => {
  it('loses no update when two engines race 40 commits on one record, and leaves its rows consistent', async () => {
    const { engine, another, clock } = await openFresh('redis');
    const paths = await loadCurricula('curriculum');
    const learnerRows = learnerRowsRule(paths, 'UTC');
    const stores = [engine, await another()].map((each) => assembleStore(each, { clock, logger, learnerRows }));
    const resources = paths[0]!.resources;
    const change = (index: number) => (current: LearnerRecord | undefined) => {
      const next = current ?? { ...newLearnerRecord('Ana', START), boards: [BOARD] };
      const path = (next.paths.webrtc ??= emptyPathState(START));
      path.marks[`extra-${index}`] = { status: 'done', at: START + index };
      path.marks[resources[index % resources.length]!.id] = { status: 'done', at: START + index };
      path.reminder = {
        time: '09:00',
        zone: 'UTC',
        enabled: true,
        nextAt: START + index * 60_000,
        ignored: 0,
        paused: false,
        snoozeAt: null,
      };
      next.name = `Ana ${index}`;
      return { next, result: index };
    };
    await Promise.all(Array.from({ length: 40 }, (_, index) => stores[index % 2]!.learners.update(ANA, change(index))));

    const record = (await stores[0]!.learners.get(ANA))!;
    expect(record.rev).toBe(40);
    expect(Object.keys(record.paths.webrtc!.marks).filter((id) => id.startsWith('extra-'))).toHaveLength(40);
    const report = await checkStore(engine, { learnerRows, clock, repair: false });
    expect(report).toMatchObject({ learners: 1, missing: 0, wrong: 0, orphans: 0, unreadable: [] });
    const page = await stores[1]!.boards.top(BOARD, 10, ANA);
    expect(page.self).toMatchObject({ name: record.name, completed: resources.length, rank: 1 });
    expect(await stores[1]!.learners.due(Math.floor(record.paths.webrtc!.reminder!.nextAt! / 60_000))).toEqual([
      encodeSlotId({ learner: ANA, path: 'webrtc' }),
    ]);
  });

  it('gives store:check every row, so it finds a damaged index and its repair restores it', async () => {
    const { engine, namespace, clock } = await openFresh('redis');
    const paths = await loadCurricula('curriculum');
    const learnerRows = learnerRowsRule(paths, 'UTC');
    const store = assembleStore(engine, { clock, logger, learnerRows });
    for (const id of [ANA, BOB])
      await store.learners.update(id, () => {
        const next = { ...newLearnerRecord(id, START), boards: [BOARD] };
        next.paths.webrtc = emptyPathState(START);
        next.paths.webrtc.marks[paths[0]!.resources[0]!.id] = { status: 'done', at: START };
        return { next, result: undefined };
      });
    const client = await rawRedis();
    const keys = new RedisKeys(namespace);
    await client.sRem(keys.set(WORKSPACE), ANA); // missing
    await client.sAdd(keys.set(DUE), encodeSlotId({ learner: CY, path: 'webrtc' })); // an orphan
    await client.zIncrBy(keys.board(BOARD).ranking, -(2 ** 22), `${String(START).padStart(16, '0')}:${BOB}`); // wrong

    expect(await checkStore(engine, { learnerRows, clock, repair: false })).toMatchObject({
      missing: 1,
      wrong: 1,
      orphans: 1,
    });
    await checkStore(engine, { learnerRows, clock, repair: true });
    expect(await checkStore(engine, { learnerRows, clock, repair: false })).toMatchObject({
      missing: 0,
      wrong: 0,
      orphans: 0,
    });
    expect((await store.learners.inWorkspace(encodeWorkspaceId('slack', 'T1'))).sort()).toEqual([ANA, BOB].sort());
    expect((await store.boards.top(BOARD, 10)).rows.map((row) => [row.member, row.completed, row.rank])).toEqual([
      [ANA, 1, 1],
      [BOB, 1, 1],
    ]);
  });

  it('checks every change of a commit before its first write: a malformed one after the record writes nothing', async () => {
    const { engine, namespace } = await openFresh('redis');
    const client = await rawRedis();
    await engine.commit(save(ANA, 'v1', undefined, entry(ANA, 1, 10, START)));
    const commit = save(ANA, 'v2', 'v1', entry(ANA, 2, 20, START));
    const { keys, args } = encodeCommit(new RedisKeys(namespace), commit);
    const changes = JSON.parse(args[0]!) as CommitChanges;
    const [ranking, hash] = changes.putBoards[0]!;
    // Each is wrong only in a change the script makes after it writes the record.
    const malformed = [
      { ...changes, putBoards: [...changes.putBoards, [ranking, hash, ANA, 'slot', 'not a number', '{}']] },
      { ...changes, removeBoards: [[99, hash, ANA]] },
      { ...changes, removeBoards: [[hash, ranking, ANA]] }, // a key as two types
      { ...changes, addSets: [...changes.addSets, [changes.addSets[0]![0], 7]] },
      { ...changes, removeSets: { not: 'a list' } },
      { ...changes, removeSets: [[changes.addSets[0]![0]]] },
      { ...changes, record: { ...changes.record, delete: 'yes' } },
      { ...changes, keep: 0 },
    ];
    for (const change of malformed) {
      const run = commitScript.run(client, keys, [JSON.stringify(change), ...args.slice(1)]);
      await expect(run, JSON.stringify(change)).rejects.toThrow(/invalid commit/);
    }
    await expect(commitScript.run(client, keys, ['{not json', ...args.slice(1)])).rejects.toThrow(/invalid commit/);
    expect(await engine.read('learner', ANA)).toBe('v1');
    expect((await engine.top(BOARD, 10)).rows).toEqual([{ ...entry(ANA, 1, 10, START), rank: 1 }]);
    // The same commit, well formed, lands whole.
    expect(await commitScript.run(client, keys, args)).toBe(1);
    expect(await engine.read('learner', ANA)).toBe('v2');
    expect((await engine.top(BOARD, 10)).rows).toEqual([{ ...entry(ANA, 2, 20, START), rank: 1 }]);
  });

  it('writes nothing of a commit when one of its keys holds another type (a damaged index)', async () => {
    const { engine, namespace } = await openFresh('redis');
    const client = await rawRedis();
    await engine.commit(save(ANA, 'v1', undefined, entry(ANA, 1, 10, START)));
    await client.set(new RedisKeys(namespace).set(DUE), 'not a set');
    const commit: EngineCommit = {
      record: { kind: 'learner', key: ANA, expected: 'v1', next: 'v2' },
      rows: rows({
        removeSets: [{ set: WORKSPACE, member: ANA }],
        addSets: [{ set: DUE, member: encodeSlotId({ learner: ANA, path: 'webrtc' }) }],
        putBoards: [{ board: BOARD, entry: entry(ANA, 2, 20, START) }],
      }),
    };
    await expect(engine.commit(commit)).rejects.toThrow(/holds a string, not a set/);
    expect(await engine.read('learner', ANA)).toBe('v1');
    expect(await engine.members(WORKSPACE)).toEqual([ANA]);
    expect((await engine.top(BOARD, 10)).rows[0]?.completed).toBe(1);
  });

  it('upgrades what an older version wrote: digest settings move, old board rows read as rows, rows are rebuilt', async () => {
    const namespace = `test-${randomUUID()}`;
    cleanups.push(() => dropRedisNamespace(namespace));
    const client = await rawRedis();
    const keys = new RedisKeys(namespace);
    const settings = {
      v: 1,
      platform: 'slack',
      workspace: 'T1',
      channelId: 'C1',
      path: 'webrtc',
      board: BOARD,
      weekday: 1,
      time: '09:00',
      zone: 'UTC',
      nextAt: START + 60 * 60_000,
    };
    // As the older version's Keyv (@keyv/redis, namespaced) stored it: a JSON envelope under record:digest:<board>.
    await client.set(`${namespace}::record:digest:${BOARD}`, JSON.stringify({ value: settings, expires: null }));
    await client.set(keys.record('learner', ANA), '{"old":"record"}');
    const { ranking, rows: hash } = keys.board(BOARD);
    await client.zAdd(ranking, { score: -(2 * 2 ** 22 + 45), value: `${String(START).padStart(16, '0')}:${ANA}` });
    await client.hSet(
      hash,
      ANA,
      JSON.stringify({ revision: 7, name: 'Ana', reachedAt: START, slot: `${String(START).padStart(16, '0')}:${ANA}` }),
    );
    await client.hSet(hash, BOB, JSON.stringify({ revision: 3 })); // the old version's removal marker: no row

    const [first, second] = await Promise.all([
      openRedis(namespace, createFakeClock(START)),
      openRedis(namespace, createFakeClock(START)),
    ]);
    expect(first.rebuildRows && second.rebuildRows).toBe(true); // started together: both found old data, both rebuild (safely)
    expect(JSON.parse((await first.read('digest', BOARD))!)).toEqual(settings);
    expect(await client.exists(`${namespace}::record:digest:${BOARD}`)).toBe(0);
    expect(await first.records.get(`digest:${BOARD}`)).toBeUndefined();
    expect(await client.get(keys.schema)).toBe('2');
    expect(await collect(first.scanBoards())).toEqual([
      { board: BOARD, entry: { member: ANA, name: 'Ana', completed: 2, minutes: 45, reachedAt: START } },
    ]);
    expect(await first.top(BOARD, 10, BOB)).toEqual({
      rows: [{ member: ANA, name: 'Ana', completed: 2, minutes: 45, reachedAt: START, rank: 1 }],
      total: 1,
    });
    expect((await first.top(BOARD, 10, ANA)).self?.rank).toBe(1);

    const later = await openRedis(namespace, createFakeClock(START));
    expect(later.rebuildRows).toBe(false);
    expect(JSON.parse((await later.read('digest', BOARD))!)).toEqual(settings);
  });

  it('refuses to start, at once and in one line, when no Redis answers', async () => {
    const port = await freePort();
    const opening = openRedisEngine({
      url: `redis://127.0.0.1:${port}`,
      label: `redis://127.0.0.1:${port}`,
      namespace: 'nobody',
      logger,
      clock: createFakeClock(START),
      timeoutMs: 5_000,
    });
    await expect(opening).rejects.toThrow(`cannot reach Redis at redis://127.0.0.1:${port} (connection refused)`);
  });
});

describe.skipIf(!redisServerOnPath())('redis engine through an outage (needs redis-server on PATH)', () => {
  it('fails every call at once while Redis is down, logs the outage once, and works again when it is back', async () => {
    const server = await createRedisServerProcess({ durable: false });
    cleanups.push(() => server.stop());
    await server.start();
    const log = recordingLogger();
    const engine = await openRedisEngine({
      url: server.url,
      label: 'the test redis',
      namespace: 'outage',
      logger: log,
      clock: createFakeClock(START),
      timeoutMs: 5_000,
    });
    cleanups.push(() => engine.close());
    expect(engine.rebuildRows).toBeFalsy(); // a fresh namespace: nothing to move or rebuild
    expect(await engine.commit(save(ANA, 'v1', undefined))).toBe(true);

    await server.kill();
    const failure: unknown = await engine.read('learner', ANA).catch((error: unknown) => error);
    expect(isRedisUnavailable(failure)).toBe(true);
    await expect(engine.commit(save(ANA, 'v2', 'v1'))).rejects.toSatisfy(isRedisUnavailable);
    await expect(engine.claims.claim('reminder:1', 1_000)).rejects.toSatisfy(isRedisUnavailable);
    expect(await engine.health()).toMatchObject({ ok: false, backend: 'redis' });
    await eventually(() => expect(log.lines.filter((line) => line.level === 'error')).toHaveLength(1));

    await server.start();
    await eventually(async () => expect(await engine.health()).toEqual({ ok: true, backend: 'redis' }));
    expect(log.lines.filter((line) => line.message.startsWith('redis connection'))).toEqual([
      expect.objectContaining({ level: 'error', message: 'redis connection lost; reconnecting' }),
      expect.objectContaining({ level: 'info', message: 'redis connection restored' }),
    ]);
    expect(await engine.read('learner', ANA)).toBeUndefined(); // a memory-only server: its data went with it
    expect(await engine.commit(save(ANA, 'v1', undefined))).toBe(true);
  });
});
