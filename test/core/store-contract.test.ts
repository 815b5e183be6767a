import { createClient } from '@keyv/redis';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { assembleStore } from '../../src/infra/assemble-store.js';
import { guardStore } from '../../src/infra/guard-store.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { createMemoryData, type MemoryData } from '../../src/infra/memory/memory-engine.js';
import { openStore, sqliteFile } from '../../src/infra/open-store.js';
import type { StoreEngine } from '../../src/infra/store-engine.js';
import { StartUpError } from '../../src/ops/start-up-error.js';
import type { Logger } from '../../src/ports/logger.js';
import { learnerRowsRule } from '../../src/learners/learner-rows.js';
import { encodeBoardId, type BoardId } from '../../src/model/board-id.js';
import { emptyPathState, newLearnerRecord, type LearnerRecord } from '../../src/model/learner.js';
import { encodeLearnerId, encodeWorkspaceId, type LearnerId } from '../../src/model/learner-id.js';
import { encodeSlotId } from '../../src/model/slot-id.js';
import { StoreTimeoutError, type LearnerRowsRule, type Store } from '../../src/ports/store.js';
import { recordingLogger } from '../adapters/slack/recording-logger.js';
import { closeEngines, openFreshEngine } from '../fakes/engine-backends.js';
import { createFakeClock, type FakeClock } from '../fakes/fake-clock.js';
import { createRedisServerProcess, redisServerOnPath } from '../fakes/redis-server-process.js';
import { writeLearnerText } from '../fakes/sqlite-file.js';
import { mondayDigest } from '../fixtures/digests.js';
import { CURRICULUM_DIR } from '../fakes/test-bot.js';
import {
  describeEachBackend,
  dropRedisNamespace,
  freshStoreUrl,
  REDIS_URL,
  type BackendKind,
} from '../fakes/store-backends.js';
import { eventually } from '../support/eventually.js';

const logger = createJsonLogger({ level: 'silent' });
const paths = await loadCurricula(CURRICULUM_DIR);
const learnerRows = learnerRowsRule(paths, 'UTC');
const KEY = encodeLearnerId({ platform: 'slack', workspace: 'T1', id: 'U1' });
const BOARD = encodeBoardId({ platform: 'slack', workspace: 'T1', channel: 'C1', path: 'webrtc' });
const MINUTE = 60_000;
const NOW = Date.UTC(2026, 10, 24, 10);
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Where one test's data is: memory data of its own, a temp SQLite file, or a Redis namespace. */
interface Place {
  kind: BackendKind;
  url: string;
  namespace: string;
  memory?: MemoryData;
}

interface OpenOptions {
  /** Another store on this place (a second instance on Redis); a fresh place otherwise. */
  place?: Place;
  clock?: FakeClock;
  /** The rule for a learner's rows (the core's, unless a test bends it). */
  rule?: LearnerRowsRule;
  log?: Logger;
}

interface OpenedStore {
  store: Store;
  clock: FakeClock;
  place: Place;
  /** Closes the store and opens a new one on the same data, as a restart does; `store` is then the new one. */
  restart(meanwhile?: () => Promise<void>): Promise<Store>;
}

async function open(kind: BackendKind, options: OpenOptions = {}): Promise<OpenedStore> {
  const clock = options.clock ?? createFakeClock(NOW);
  const place = options.place ?? (await freshPlace(kind));
  const openOne = () =>
    openStore(place.url, options.log ?? logger, {
      learnerRows: options.rule ?? learnerRows,
      clock,
      namespace: place.namespace,
      ...(place.memory && { memory: place.memory }),
    });
  const opened: OpenedStore = {
    store: await openOne(),
    clock,
    place,
    async restart(meanwhile) {
      await opened.store.close();
      await meanwhile?.();
      return (opened.store = await openOne());
    },
  };
  cleanups.push(() => opened.store.close());
  return opened;
}

async function freshPlace(kind: BackendKind): Promise<Place> {
  const where = await freshStoreUrl(kind);
  if (kind === 'redis') cleanups.push(() => dropRedisNamespace(where.namespace));
  return { kind, ...where, ...(kind === 'memory' && { memory: createMemoryData() }) };
}

const learner = (id: string) => encodeLearnerId({ platform: 'slack', workspace: 'T1', id });

const save = (store: Store, key: LearnerId, edit: (record: LearnerRecord) => void = () => undefined) =>
  store.learners.update(key, (current) => {
    const next = structuredClone(current ?? newLearnerRecord('Ana', 1));
    edit(next);
    return { next, result: next.rev };
  });

/** A learner on BOARD who finished the first `done` resources of the path at `at` (ms). */
function finish(done: number, at: number, name = 'Ana') {
  return (record: LearnerRecord) => {
    record.name = name;
    if (!record.boards.includes(BOARD)) record.boards.push(BOARD);
    const state = (record.paths.webrtc ??= emptyPathState(1));
    for (const resource of paths[0]!.resources.slice(0, done)) state.marks[resource.id] = { status: 'done', at };
  };
}

function remindAt(nextAt: number | null, snoozeAt: number | null = null, enabled = true) {
  return (record: LearnerRecord) => {
    const state = (record.paths.webrtc ??= emptyPathState(1));
    state.reminder = { time: '09:00', zone: 'UTC', enabled, nextAt, ignored: 0, paused: false, snoozeAt };
  };
}

/**
 * Overwrites a learner's stored text as a fault (or another program) would, and returns the store to read
 * it with: on Redis the same one, which reads what is stored on every get; memory and SQLite keep what they
 * read and are restarted around it (an SQLite file belongs to its process while it runs).
 */
async function writeBehindTheBack(opened: OpenedStore, key: LearnerId, text: string): Promise<Store> {
  const { kind, url, namespace, memory } = opened.place;
  if (kind === 'memory') return opened.restart(async () => void memory!.records.learner.set(key, text));
  if (kind === 'sqlite') return opened.restart(() => writeLearnerText(sqliteFile(url), key, text, namespace));
  const client = createClient({ url });
  await client.connect();
  try {
    await client.set(`${namespace}::learner:${key}`, text);
  } finally {
    client.destroy();
  }
  return opened.store;
}

const DEADLINE_MS = 100;

/** A store whose backend stops answering, with KEY saved before it did; `answer` lets it go on. */
interface HungStore {
  store: Store;
  log: ReturnType<typeof recordingLogger>;
  answer(): void;
}

/**
 * Redis: a private redis-server, paused with SIGSTOP. Memory and SQLite do not hang of themselves: their
 * engine's reads and commits wait at a gate, under the same assembly and guard openStore builds.
 */
async function hangingStore(kind: BackendKind): Promise<HungStore> {
  const clock = createFakeClock(NOW);
  const log = recordingLogger();
  if (kind === 'redis') {
    const server = await createRedisServerProcess({ durable: false });
    cleanups.push(() => server.stop());
    await server.start();
    const place = { kind, url: server.url, namespace: 'deadline' };
    await save((await open(kind, { place, clock })).store, KEY);
    const store = await openStore(server.url, log, {
      learnerRows,
      clock,
      namespace: 'deadline',
      timeoutMs: DEADLINE_MS,
    });
    cleanups.push(() => store.close());
    cleanups.push(async () => server.resume()); // first: a paused server never answers the close
    await server.pause();
    return { store, log, answer: () => server.resume() };
  }
  cleanups.push(closeEngines);
  const { engine } = await openFreshEngine(kind, { clock });
  const assemble = (on: StoreEngine) => assembleStore(on, { clock, logger, learnerRows });
  await save(assemble(engine), KEY);
  let answer!: () => void;
  const gate = new Promise<void>((resolve) => (answer = resolve));
  const waiting: StoreEngine = {
    ...engine,
    read: async (recordKind, key) => (await gate, engine.read(recordKind, key)),
    commit: async (commit) => (await gate, engine.commit(commit)),
  };
  return { store: guardStore(assemble(waiting), { timeoutMs: DEADLINE_MS, logger: log }), log, answer };
}

describeEachBackend('store contract', (kind) => {
  it('keeps learner records, bumps their revision on every save and validates what it reads back', async () => {
    const { store } = await open(kind);
    expect(await store.learners.get(KEY)).toBeUndefined();
    await save(store, KEY);
    await save(store, KEY, (record) => (record.name = 'Ana B'));
    expect(await store.learners.get(KEY)).toMatchObject({ name: 'Ana B', rev: 2 });
    expect(await store.learners.inWorkspace(encodeWorkspaceId('slack', 'T1'))).toEqual([KEY]);
    expect(await store.learners.inWorkspace(encodeWorkspaceId('slack', 'T2'))).toEqual([]);
    await expect(save(store, KEY, (record) => Object.assign(record, { hidden: 'no' }))).rejects.toThrow();
    expect((await store.learners.get(KEY))?.rev).toBe(2);
  });

  it('a change that throws or keeps the record writes nothing; null deletes it and everything derived from it', async () => {
    const { store } = await open(kind);
    await save(store, KEY, (record) => {
      finish(2, NOW)(record);
      remindAt(NOW + 5 * MINUTE, NOW + 2 * MINUTE)(record);
    });
    await expect(
      store.learners.update(KEY, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await store.learners.update(KEY, () => ({ result: 'kept' }))).toBe('kept');
    expect((await store.learners.get(KEY))?.rev).toBe(1);
    expect((await store.boards.top(BOARD, 10)).total).toBe(1);
    await store.learners.update(KEY, () => ({ next: null, result: undefined }));
    expect(await store.learners.get(KEY)).toBeUndefined();
    expect(await store.learners.inWorkspace(encodeWorkspaceId('slack', 'T1'))).toEqual([]);
    expect(await store.boards.top(BOARD, 10)).toEqual({ rows: [], total: 0 });
    expect(await store.learners.due(Math.floor(NOW / MINUTE) + 5)).toEqual([]);
    expect(await store.learners.due(Math.floor(NOW / MINUTE) + 2)).toEqual([]);
  });

  it('loses no update when 40 changes to one learner race', async () => {
    const { store } = await open(kind);
    const boards = Array.from({ length: 40 }, (_, index) =>
      encodeBoardId({ platform: 'slack', workspace: 'T1', channel: `C${index}`, path: 'webrtc' }),
    );
    await Promise.all(boards.map((board) => save(store, KEY, (record) => record.boards.push(board))));
    const record = await store.learners.get(KEY);
    expect(record?.boards).toHaveLength(40);
    expect(record?.rev).toBe(40);
  });

  it('a read finished after a change sees it, however reads and changes interleave; what a caller edits stays theirs', async () => {
    const { store } = await open(kind);
    await save(store, KEY);
    for (let round = 1; round <= 15; round += 1) {
      const racing = Array.from({ length: 4 }, () => store.learners.get(KEY));
      await save(store, KEY, (record) => (record.name = `Ana ${round}`));
      await Promise.all(racing);
      const read = await store.learners.get(KEY);
      expect(read).toMatchObject({ name: `Ana ${round}`, rev: round + 1 });
      read!.name = 'changed by the caller';
    }
    expect((await store.learners.get(KEY))?.name).toBe('Ana 15');
  });

  it('derives board rows from the records: by resources, then minutes, then who got there first, ties ranked 1, 2, 2, 4', async () => {
    const { store } = await open(kind);
    await save(store, learner('late'), finish(3, 500, 'Late'));
    await save(store, learner('early'), finish(3, 100, 'Early'));
    await save(store, learner('top'), finish(4, 900, 'Top'));
    await save(store, learner('last'), finish(1, 50, 'Last'));
    await save(store, learner('nothing'), finish(0, 50, 'Nothing'));
    const page = await store.boards.top(BOARD, 3, learner('last'));
    expect(page.rows.map((row) => [row.member, row.rank, row.name, row.completed, row.minutes, row.reachedAt])).toEqual(
      [
        [learner('top'), 1, 'Top', 4, 130, 900],
        [learner('early'), 2, 'Early', 3, 90, 100],
        [learner('late'), 2, 'Late', 3, 90, 500],
      ],
    );
    expect(page.self).toMatchObject({ member: learner('last'), rank: 4, completed: 1, minutes: 30 });
    expect(page.total).toBe(4);
    expect((await store.boards.top(BOARD, 10, learner('nothing'))).self).toBeUndefined();
    // Hiding takes the row out in the same commit; showing brings it back.
    await save(store, learner('top'), (record) => (record.hidden = true));
    expect((await store.boards.top(BOARD, 10)).rows.map((row) => row.member)).not.toContain(learner('top'));
    await save(store, learner('top'), (record) => (record.hidden = false));
    expect((await store.boards.top(BOARD, 1)).rows[0]).toMatchObject({ member: learner('top'), rank: 1 });
    const elsewhere = encodeBoardId({ platform: 'slack', workspace: 'T1', channel: 'C9', path: 'webrtc' });
    expect(await store.boards.top(elsewhere, 10, learner('top'))).toEqual({ rows: [], total: 0 });
  });

  it('a week board holds what was finished in that week only', async () => {
    const { store } = await open(kind);
    const week = encodeBoardId({ platform: 'slack', workspace: 'T1', channel: 'C1', path: 'webrtc', week: '2026-W48' });
    const monday = Date.UTC(2026, 10, 23);
    await save(store, KEY, (record) => {
      finish(2, monday - MINUTE)(record); // the Sunday before
      record.paths.webrtc!.marks['webrtc-architecture'] = { status: 'done', at: monday + MINUTE };
      record.paths.webrtc!.marks['signaling-and-stun-turn'] = { status: 'done', at: monday + 7 * 86_400_000 }; // the next week
      record.boards.push(week);
    });
    expect((await store.boards.top(week, 10)).rows).toMatchObject([{ member: KEY, completed: 1, minutes: 35 }]);
    expect((await store.boards.top(BOARD, 10)).rows).toMatchObject([{ member: KEY, completed: 4, minutes: 130 }]);
  });

  it('files reminder slots under their minute, and moves them with the record', async () => {
    const { store } = await open(kind);
    const minute = Math.floor(NOW / MINUTE);
    const slot = encodeSlotId({ learner: KEY, path: 'webrtc' });
    await save(store, KEY, remindAt(NOW + 10 * MINUTE));
    await save(store, learner('other'), remindAt(NOW + 10 * MINUTE));
    expect((await store.learners.due(minute + 10)).sort()).toEqual(
      [slot, encodeSlotId({ learner: learner('other'), path: 'webrtc' })].sort(),
    );
    await save(store, KEY, remindAt(NOW + 20 * MINUTE, NOW + 10 * MINUTE));
    expect(await store.learners.due(minute + 10)).toContain(slot);
    expect(await store.learners.due(minute + 20)).toEqual([slot]);
    await save(store, KEY, remindAt(NOW + 20 * MINUTE, NOW + 20 * MINUTE + 30_000));
    expect(await store.learners.due(minute + 10)).not.toContain(slot);
    expect(await store.learners.due(minute + 20)).toEqual([slot]);
    await save(store, KEY, (record) => (record.paths.webrtc!.reminder!.paused = true));
    expect(await store.learners.due(minute + 20)).toEqual([slot]); // the snooze still comes
    await save(store, KEY, remindAt(NOW + 20 * MINUTE, null, false));
    expect(await store.learners.due(minute + 20)).toEqual([]);
  });

  it('settling a due slot takes it out only when the record does not hold it', async () => {
    const { store } = await open(kind);
    const minute = Math.floor(NOW / MINUTE);
    const slot = encodeSlotId({ learner: KEY, path: 'webrtc' });
    await save(store, KEY, remindAt(NOW));
    await store.learners.settle(minute, slot);
    expect(await store.learners.due(minute)).toEqual([slot]);
    await store.learners.settle(minute + 1, slot);
    await store.learners.settle(minute, encodeSlotId({ learner: learner('nobody'), path: 'webrtc' }));
    expect(await store.learners.due(minute)).toEqual([slot]);
  });

  it('commits digest settings with their slot', async () => {
    const { store } = await open(kind);
    const minute = Math.floor(NOW / MINUTE);
    await store.digests.update(BOARD, () => ({ next: mondayDigest(BOARD, NOW), result: undefined }));
    expect(await store.digests.get(BOARD)).toEqual(mondayDigest(BOARD, NOW));
    expect(await store.digests.due(minute)).toEqual([BOARD]);
    await store.digests.update(BOARD, (current) => ({
      next: { ...current!, nextAt: NOW + MINUTE },
      result: undefined,
    }));
    expect(await store.digests.due(minute)).toEqual([]);
    expect(await store.digests.due(minute + 1)).toEqual([BOARD]);
    await store.digests.settle(minute + 1, BOARD);
    expect(await store.digests.due(minute + 1)).toEqual([BOARD]);
    await store.digests.update(BOARD, () => ({ next: null, result: undefined }));
    expect(await store.digests.get(BOARD)).toBeUndefined();
    expect(await store.digests.due(minute + 1)).toEqual([]);
  });

  it('grants a claim once until it expires by the store clock or its owner releases it', async () => {
    const { store, clock } = await open(kind);
    expect(await store.claims.claim('lease:x', 100)).toBe(true);
    expect(await store.claims.claim('lease:x', 100)).toBe(false);
    await store.claims.release('lease:x');
    expect(await store.claims.claim('lease:x', 100)).toBe(true);
    clock.advance(99);
    expect(await store.claims.claim('lease:x', 100)).toBe(false);
    clock.advance(2);
    expect(await store.claims.claim('lease:x', 100)).toBe(true);
  });

  it('grants a batch of claims in one call, each once, and takes over only those expired by the store clock', async () => {
    const { store, clock } = await open(kind);
    expect(await store.claims.claim('lease:a', 100)).toBe(true);
    expect(await store.claims.claimMany(['lease:a', 'lease:b', 'lease:b', 'lease:c'], 200)).toEqual([
      false,
      true,
      false,
      true,
    ]);
    clock.advance(100);
    expect(await store.claims.claimMany(['lease:c', 'lease:b', 'lease:a'], 200)).toEqual([false, false, true]);
    await store.claims.release('lease:b');
    expect(await store.claims.claimMany(['lease:b'], 200)).toEqual([true]);
  });

  it('keeps records, with an expiry by the store clock when asked', async () => {
    const { store, clock } = await open(kind);
    await store.records.set('kept', { weekday: 1 });
    await store.records.set('sent:x', true, 40);
    expect(await store.records.get('kept')).toEqual({ weekday: 1 });
    expect(await store.records.get('sent:x')).toBe(true);
    clock.advance(40);
    expect(await store.records.get('sent:x')).toBeUndefined();
    expect(await store.records.get('kept')).toEqual({ weekday: 1 });
    await store.records.delete('kept');
    expect(await store.records.get('kept')).toBeUndefined();
  });

  it('reports itself healthy', async () => {
    const { store } = await open(kind);
    expect(await store.health()).toMatchObject({ ok: true, backend: kind });
  });

  it('a commit the engine refuses whole (a row it cannot file) leaves the record, its rows and the cache as they were; the next update works', async () => {
    // The core's rule, bent: a learner named "Broken" gets board rows whose minutes are not a number.
    const rule: LearnerRowsRule = (id, record) => {
      const derived = learnerRows(id, record);
      if (record.name !== 'Broken') return derived;
      return { ...derived, boards: derived.boards.map((row) => ({ ...row, entry: { ...row.entry, minutes: NaN } })) };
    };
    const { store } = await open(kind, { rule });
    const minute = Math.floor(NOW / MINUTE);
    const slot = encodeSlotId({ learner: KEY, path: 'webrtc' });
    await save(store, KEY, (record) => {
      finish(2, NOW)(record);
      remindAt(NOW + 5 * MINUTE)(record);
    });
    await save(store, learner('other'), finish(1, NOW, 'Other'));
    const before = await store.learners.get(KEY);
    const board = await store.boards.top(BOARD, 10, KEY);

    const broken = save(store, KEY, (record) => {
      finish(3, NOW + MINUTE, 'Broken')(record);
      remindAt(NOW + 9 * MINUTE)(record);
    });
    await expect(broken).rejects.toThrow();
    expect(await store.learners.get(KEY)).toEqual(before);
    expect(await store.boards.top(BOARD, 10, KEY)).toEqual(board);
    expect(await store.learners.due(minute + 5)).toEqual([slot]);
    expect(await store.learners.due(minute + 9)).toEqual([]);

    await save(store, KEY, finish(3, NOW + MINUTE, 'Ana C'));
    expect(await store.learners.get(KEY)).toMatchObject({ name: 'Ana C', rev: 2 });
    expect((await store.boards.top(BOARD, 10, KEY)).self).toMatchObject({ name: 'Ana C', completed: 3, rank: 1 });
  });

  it("a record broken behind the store's back is set aside on read: a fresh record, the raw kept, its board rows gone, once", async () => {
    const log = recordingLogger();
    const opened = await open(kind, { log });
    await save(opened.store, KEY, finish(2, NOW));
    await save(opened.store, learner('other'), finish(1, NOW, 'Other'));
    const stored = (await opened.store.learners.get(KEY))!;
    const raw = { ...stored, paths: { webrtc: { ...stored.paths.webrtc!, marks: 'private-progress-notes' } } };
    const store = await writeBehindTheBack(opened, KEY, JSON.stringify(raw));

    const fresh = await store.learners.get(KEY);
    expect(fresh).toMatchObject({
      name: 'Ana',
      boards: [BOARD],
      paths: {},
      rev: 2,
      setAside: { at: NOW, told: false },
    });
    const setAside = [{ at: NOW, issues: ['paths.webrtc.marks'], raw }];
    expect(await store.learners.setAside(KEY)).toEqual(setAside);
    expect((await store.boards.top(BOARD, 10)).rows.map((row) => row.member)).toEqual([learner('other')]);
    expect(await store.learners.inWorkspace(encodeWorkspaceId('slack', 'T1'))).toContain(KEY);
    const setAsideLines = () => log.lines.filter((line) => line.message.startsWith('learner record set aside'));
    expect(setAsideLines()).toEqual([
      {
        level: 'warn',
        message: 'learner record set aside: failed validation',
        context: { learner: KEY, issues: ['paths.webrtc.marks'] },
      },
    ]);
    expect(JSON.stringify(log.lines)).not.toContain('private-progress-notes');

    // Read again, after a restart too: what is stored now is the fresh record, so nothing is set aside twice.
    expect(await store.learners.get(KEY)).toEqual(fresh);
    const restarted = await opened.restart();
    expect(await restarted.learners.get(KEY)).toEqual(fresh);
    expect(await restarted.learners.setAside(KEY)).toEqual(setAside);
    expect(setAsideLines()).toHaveLength(1);
    // The learner goes on from the fresh record.
    await save(restarted, KEY, finish(1, NOW + MINUTE, 'Ana'));
    expect(await restarted.learners.get(KEY)).toMatchObject({ rev: 3, setAside: { at: NOW } });
    expect((await restarted.boards.top(BOARD, 10, KEY)).self).toMatchObject({ completed: 1 });
    expect(await restarted.learners.setAside(KEY)).toEqual(setAside);
  });

  it.skipIf(kind === 'redis' && !redisServerOnPath())(
    'a call that gets no answer hits the deadline: a read fails as a read, a write with its outcome unknown, and the write may land later',
    async () => {
      const hung = await hangingStore(kind);
      const reading = hung.store.learners.get(KEY);
      await expect(reading).rejects.toBeInstanceOf(StoreTimeoutError);
      await expect(reading).rejects.toMatchObject({ operation: 'learners.get', outcomeUnknown: false });
      const writing = save(hung.store, KEY, (record) => (record.name = 'Ana late'));
      await expect(writing).rejects.toBeInstanceOf(StoreTimeoutError);
      await expect(writing).rejects.toMatchObject({ operation: 'learners.update', outcomeUnknown: true });
      expect(hung.log.lines.filter((line) => line.level === 'warn').map((line) => line.context)).toEqual([
        { operation: 'learners.get', timeoutMs: DEADLINE_MS, outcomeUnknown: false },
        { operation: 'learners.update', timeoutMs: DEADLINE_MS, outcomeUnknown: true },
      ]);

      hung.answer();
      await eventually(() =>
        expect(hung.log.lines).toContainEqual({
          level: 'info',
          message: 'store call answered after its deadline',
          context: { operation: 'learners.update', outcome: 'succeeded' },
        }),
      );
      // Retried: on a busy machine a call may miss so short a deadline even when the backend answers.
      await eventually(async () =>
        expect(await hung.store.learners.get(KEY)).toMatchObject({ name: 'Ana late', rev: 2 }),
      );
    },
  );

  if (kind === 'sqlite')
    it('a second store on the same file is refused while the first is open, and opens once it closes', async () => {
      const first = await open(kind);
      await save(first.store, KEY);
      const file = sqliteFile(first.place.url);
      const second = () => openStore(first.place.url, logger, { learnerRows, namespace: first.place.namespace });
      await expect(second()).rejects.toBeInstanceOf(StartUpError);
      await expect(second()).rejects.toThrow(`${file} is in use by another pathbot process`);
      // The refusal took nothing from the first: it goes on writing.
      await save(first.store, KEY, (record) => (record.name = 'Ana B'));
      const reopened = await first.restart();
      expect(await reopened.learners.get(KEY)).toMatchObject({ name: 'Ana B', rev: 2 });
    });
});

describe.skipIf(!REDIS_URL)('two instances on one Redis (needs Redis: a redis-server on PATH, or REDIS_URL)', () => {
  it('lose no update and agree on boards when both write the same learners at once', async () => {
    const first = await open('redis');
    const second = await open('redis', { place: first.place });
    const keys = Array.from({ length: 10 }, (_, index) => learner(`U${index}`));
    const board = (side: number, index: number) =>
      encodeBoardId({ platform: 'slack', workspace: 'T1', channel: `C${side}-${index}`, path: 'webrtc' });
    await Promise.all(
      keys.flatMap((key) =>
        [first.store, second.store].flatMap((store, side) =>
          Array.from({ length: 10 }, (_, index) =>
            save(store, key, (record) => record.boards.push(board(side, index))),
          ),
        ),
      ),
    );
    for (const key of keys) expect((await second.store.learners.get(key))?.boards).toHaveLength(20);
    // Rows go with their record: whichever instance saved last, the board shows that save.
    await Promise.all([save(first.store, KEY, finish(1, 10)), save(second.store, KEY, finish(2, 20))]);
    const stored = await first.store.learners.get(KEY);
    const completed = Object.keys(stored!.paths.webrtc!.marks).length;
    expect(await first.store.boards.top(BOARD, 10, KEY)).toEqual(await second.store.boards.top(BOARD, 10, KEY));
    expect((await first.store.boards.top(BOARD, 10)).rows[0]).toMatchObject({ member: KEY, completed });
  });

  it('a change builds on what the other instance saved since this one last read the learner', async () => {
    const first = await open('redis');
    const second = await open('redis', { place: first.place });
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((channel) =>
      encodeBoardId({ platform: 'slack', workspace: 'T1', channel, path: 'webrtc' }),
    ) as [BoardId, BoardId, BoardId, BoardId];
    await save(first.store, KEY, (record) => record.boards.push(a));
    await save(second.store, KEY, (record) => record.boards.push(b));
    await save(first.store, KEY, (record) => record.boards.push(c));
    expect((await second.store.learners.get(KEY))?.boards).toEqual([a, b, c]);
    await save(second.store, KEY, (record) => record.boards.push(d));
    // A change that writes nothing is decided on the stored record too, not on the one this instance saw.
    expect(await first.store.learners.update(KEY, (current) => ({ result: current?.boards.length }))).toBe(4);
  });

  it('an instance never refuses a change because of a record another instance has since changed', async () => {
    const first = await open('redis');
    const second = await open('redis', { place: first.place });
    await save(first.store, KEY);
    expect((await first.store.learners.get(KEY))?.boards).toEqual([]);
    await save(second.store, KEY, (record) => record.boards.push(BOARD));
    const refuseUnlessJoined = (current: LearnerRecord | undefined) => {
      if (!current?.boards.includes(BOARD)) throw new Error('not joined');
      return { result: 'seen' };
    };
    expect(await first.store.learners.update(KEY, refuseUnlessJoined)).toBe('seen');
  });

  it('a claim is exclusive across instances and only its owner can release it', async () => {
    const first = await open('redis');
    const second = await open('redis', { place: first.place });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) => (index % 2 ? first : second).store.claims.claim('lease:y', 60_000)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const holder = results.indexOf(true) % 2 ? first : second;
    const other = holder === first ? second : first;
    await other.store.claims.release('lease:y');
    expect(await other.store.claims.claim('lease:y', 60_000)).toBe(false);
    await holder.store.claims.release('lease:y');
    expect(await other.store.claims.claim('lease:y', 60_000)).toBe(true);
  });

  it("a minute's leases claimed in batches by both instances at once go out once each", async () => {
    const first = await open('redis');
    const second = await open('redis', { place: first.place });
    const leases = Array.from({ length: 69 }, (_, index) => `lease:u${index}@2026-11-25`);
    const [mine, theirs] = await Promise.all([
      first.store.claims.claimMany(leases, 60_000),
      second.store.claims.claimMany([...leases].reverse(), 60_000),
    ]);
    expect(leases.map((_, index) => Number(mine[index]) + Number(theirs[leases.length - 1 - index]))).toEqual(
      leases.map(() => 1),
    );
  });
});
