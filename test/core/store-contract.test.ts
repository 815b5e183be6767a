import { afterEach, describe, expect, it } from 'vitest';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openStore } from '../../src/infra/open-store.js';
import { learnerRowsRule } from '../../src/learners/learner-rows.js';
import { encodeBoardId, type BoardId } from '../../src/model/board-id.js';
import { emptyPathState, newLearnerRecord, type LearnerRecord } from '../../src/model/learner.js';
import { encodeLearnerId, encodeWorkspaceId, type LearnerId } from '../../src/model/learner-id.js';
import { encodeSlotId } from '../../src/model/slot-id.js';
import type { DigestSettings } from '../../src/model/digest-settings.js';
import type { Store } from '../../src/ports/store.js';
import { createFakeClock } from '../fakes/fake-clock.js';
import { CURRICULUM_DIR } from '../fakes/test-bot.js';
import {
  describeEachBackend,
  dropRedisNamespace,
  freshStoreUrl,
  REDIS_URL,
  type BackendKind,
} from '../fakes/store-backends.js';

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

async function open(kind: BackendKind, shared?: { url: string; namespace: string }, clock = createFakeClock(NOW)) {
  const where = shared ?? (await freshStoreUrl(kind));
  const store = await openStore(where.url, logger, { learnerRows, clock, namespace: where.namespace });
  cleanups.push(async () => {
    await store.close();
    if (kind === 'redis' && !shared) await dropRedisNamespace(where.namespace);
  });
  return { store, clock, where };
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

function digest(board: BoardId, nextAt: number): DigestSettings {
  return {
    v: 1,
    platform: 'slack',
    workspace: 'T1',
    channelId: 'C1',
    path: 'webrtc',
    board,
    weekday: 1,
    time: '09:00',
    zone: 'UTC',
    nextAt,
  };
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
    await store.digests.update(BOARD, () => ({ next: digest(BOARD, NOW), result: undefined }));
    expect(await store.digests.get(BOARD)).toEqual(digest(BOARD, NOW));
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
});

describe.skipIf(!REDIS_URL)('two instances on one Redis (needs Redis: a redis-server on PATH, or REDIS_URL)', () => {
  it('lose no update and agree on boards when both write the same learners at once', async () => {
    const first = await open('redis');
    const second = await open('redis', first.where);
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
    const second = await open('redis', first.where);
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
    const second = await open('redis', first.where);
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
    const second = await open('redis', first.where);
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
});
