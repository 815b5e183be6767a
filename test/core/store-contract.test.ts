import { afterEach, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openStore } from '../../src/infra/open-store.js';
import { newLearnerRecord, type LearnerRecord } from '../../src/model/learner.js';
import type { BoardEntry, Store } from '../../src/ports/store.js';
import { createFakeClock, type FakeClock } from '../fakes/fake-clock.js';
import { eventually } from '../support/eventually.js';
import {
  describeEachBackend,
  dropRedisNamespace,
  freshStoreUrl,
  REDIS_URL,
  type BackendKind,
} from '../fakes/store-backends.js';

const logger = createJsonLogger({ level: 'silent' });
const KEY = 'slack:T1:U1';
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(
  kind: BackendKind,
  shared?: { url: string; namespace: string },
  clock = createFakeClock(Date.UTC(2026, 10, 24, 10)),
) {
  const where = shared ?? (await freshStoreUrl(kind));
  const store = await openStore(where.url, logger, { clock, namespace: where.namespace });
  cleanups.push(async () => {
    await store.close();
    if (kind === 'redis' && !shared) await dropRedisNamespace(where.namespace);
  });
  return { store, clock, where };
}

function entry(member: string, completed: number, minutes: number, reachedAt: number, revision = 1): BoardEntry {
  return { member, name: member.toUpperCase(), completed, minutes, reachedAt, revision };
}

const save = (store: Store, key: string, edit: (record: LearnerRecord) => void = () => undefined) =>
  store.learners.update(key, (current) => {
    const next = structuredClone(current ?? newLearnerRecord('Ana', 1));
    edit(next);
    return { next, result: next.rev };
  });

/** Claims expire by the store's clock: the injected one in embedded stores, Redis's own (real time) in Redis. */
async function letClaimsExpire(kind: BackendKind, clock: FakeClock, ttlMs: number): Promise<void> {
  if (kind === 'redis') await new Promise((resolve) => setTimeout(resolve, ttlMs + 30));
  else clock.advance(ttlMs + 1);
}

describeEachBackend('store contract', (kind) => {
  it('keeps learner records, bumps their revision on every save and validates what it reads back', async () => {
    const { store } = await open(kind);
    expect(await store.learners.get(KEY)).toBeUndefined();
    await save(store, KEY);
    await save(store, KEY, (record) => (record.name = 'Ana B'));
    expect(await store.learners.get(KEY)).toMatchObject({ name: 'Ana B', rev: 2 });
    expect(await store.learners.keysInWorkspace('slack', 'T1')).toEqual([KEY]);
    expect(await store.learners.keysInWorkspace('slack', 'T2')).toEqual([]);
  });

  it('a change that throws or keeps the record writes nothing; null deletes it and its index entry', async () => {
    const { store } = await open(kind);
    await save(store, KEY);
    await expect(
      store.learners.update(KEY, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await store.learners.update(KEY, () => ({ result: 'kept' }))).toBe('kept');
    expect((await store.learners.get(KEY))?.rev).toBe(1);
    await store.learners.update(KEY, () => ({ next: null, result: undefined }));
    expect(await store.learners.get(KEY)).toBeUndefined();
    expect(await store.learners.keysInWorkspace('slack', 'T1')).toEqual([]);
  });

  it('loses no update when 40 changes to one learner race', async () => {
    const { store } = await open(kind);
    await Promise.all(
      Array.from({ length: 40 }, (_, index) => save(store, KEY, (record) => record.boards.push(`b${index}`))),
    );
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

  it('ranks boards by resources, then minutes, then who got there first, with shared ranks for ties', async () => {
    const { store } = await open(kind);
    await store.boards.put('b', entry('late', 3, 90, 500));
    await store.boards.put('b', entry('early', 3, 90, 100));
    await store.boards.put('b', entry('top', 4, 10, 900));
    await store.boards.put('b', entry('last', 1, 30, 50));
    await store.boards.put('b', entry('third', 3, 80, 10));
    const page = await store.boards.top('b', 3, 'last');
    expect(page.rows.map((row) => [row.member, row.rank, row.name, row.completed, row.minutes, row.reachedAt])).toEqual(
      [
        ['top', 1, 'TOP', 4, 10, 900],
        ['early', 2, 'EARLY', 3, 90, 100],
        ['late', 2, 'LATE', 3, 90, 500],
      ],
    );
    expect(page.self).toMatchObject({ member: 'last', rank: 5, completed: 1, minutes: 30 });
    expect(page.total).toBe(5);
    expect((await store.boards.top('b', 10, 'nobody')).self).toBeUndefined();
    await store.boards.put('b', entry('newcomer', 0, 0, 1));
    expect((await store.boards.top('b', 10, 'newcomer')).self).toEqual({ ...entry('newcomer', 0, 0, 1), rank: 6 });
    expect(await store.boards.top('empty', 10, 'x')).toEqual({ rows: [], total: 0 });
  });

  it('a board keeps the newest revision it saw: late writes of older records change nothing', async () => {
    const { store } = await open(kind);
    await store.boards.put('b', entry('ana', 2, 60, 100, 5));
    await store.boards.put('b', entry('ana', 1, 30, 50, 4));
    expect((await store.boards.top('b', 10)).rows).toMatchObject([{ member: 'ana', completed: 2, revision: 5 }]);
    await store.boards.remove('b', 'ana', 3);
    expect((await store.boards.top('b', 10)).total).toBe(1);
    await store.boards.remove('b', 'ana', 6);
    await store.boards.put('b', entry('ana', 2, 60, 100, 5));
    expect((await store.boards.top('b', 10)).total).toBe(0);
    await store.boards.put('b', entry('ana', 3, 70, 120, 7));
    expect((await store.boards.top('b', 10, 'ana')).self).toMatchObject({ rank: 1, completed: 3, revision: 7 });
  });

  it('forgetting a member removes them whatever revision comes back later', async () => {
    const { store } = await open(kind);
    await store.boards.put('b', entry('ana', 2, 60, 100, 9));
    await store.boards.remove('b', 'ana');
    expect((await store.boards.top('b', 10)).total).toBe(0);
    await store.boards.put('b', entry('ana', 1, 30, 100, 1));
    expect((await store.boards.top('b', 10)).rows).toMatchObject([{ member: 'ana', revision: 1 }]);
  });

  it('files reminder slots by minute, once each', async () => {
    const { store } = await open(kind);
    await store.reminders.add(100, 'a');
    await store.reminders.add(100, 'a');
    await store.reminders.add(100, 'b');
    await store.reminders.add(101, 'c');
    await store.digests.add(100, 'channel');
    expect((await store.reminders.due(100)).sort()).toEqual(['a', 'b']);
    await store.reminders.remove(100, 'a');
    await store.reminders.remove(100, 'missing');
    expect(await store.reminders.due(100)).toEqual(['b']);
    expect(await store.reminders.due(99)).toEqual([]);
    expect(await store.digests.due(100)).toEqual(['channel']);
  });

  it('grants a claim once until it expires or its owner releases it', async () => {
    const { store, clock } = await open(kind);
    expect(await store.claims.claim('lease:x', 100)).toBe(true);
    expect(await store.claims.claim('lease:x', 100)).toBe(false);
    await store.claims.release('lease:x');
    expect(await store.claims.claim('lease:x', 100)).toBe(true);
    await letClaimsExpire(kind, clock, 100);
    expect(await store.claims.claim('lease:x', 100)).toBe(true);
  });

  it('keeps records, with an expiry when asked', async () => {
    const { store } = await open(kind);
    await store.records.set('digest:b', { weekday: 1 });
    await store.records.set('sent:x', true, 40);
    expect(await store.records.get('digest:b')).toEqual({ weekday: 1 });
    expect(await store.records.get('sent:x')).toBe(true);
    await eventually(async () => expect(await store.records.get('sent:x')).toBeUndefined());
    await store.records.delete('digest:b');
    expect(await store.records.get('digest:b')).toBeUndefined();
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
    const keys = Array.from({ length: 10 }, (_, index) => `slack:T1:U${index}`);
    await Promise.all(
      keys.flatMap((key) =>
        [first.store, second.store].flatMap((store, side) =>
          Array.from({ length: 10 }, (_, index) =>
            save(store, key, (record) => record.boards.push(`${side}-${index}`)),
          ),
        ),
      ),
    );
    for (const key of keys) expect((await second.store.learners.get(key))?.boards).toHaveLength(20);
    await Promise.all([
      first.store.boards.put('b', entry('ana', 1, 10, 1, 1)),
      second.store.boards.put('b', entry('ana', 2, 20, 2, 2)),
    ]);
    expect(await first.store.boards.top('b', 10, 'ana')).toEqual(await second.store.boards.top('b', 10, 'ana'));
    expect((await first.store.boards.top('b', 10)).rows[0]).toMatchObject({ completed: 2, revision: 2 });
  });

  it('a change builds on what the other instance saved since this one last read the learner', async () => {
    const first = await open('redis');
    const second = await open('redis', first.where);
    await save(first.store, KEY, (record) => record.boards.push('a'));
    await save(second.store, KEY, (record) => record.boards.push('b'));
    await save(first.store, KEY, (record) => record.boards.push('c'));
    expect((await second.store.learners.get(KEY))?.boards).toEqual(['a', 'b', 'c']);
    await save(second.store, KEY, (record) => record.boards.push('d'));
    // A change that writes nothing is decided on the stored record too, not on the one this instance saw.
    expect(await first.store.learners.update(KEY, (current) => ({ result: current?.boards.length }))).toBe(4);
  });

  it('an instance never refuses a change because of a record another instance has since changed', async () => {
    const first = await open('redis');
    const second = await open('redis', first.where);
    await save(first.store, KEY);
    expect((await first.store.learners.get(KEY))?.boards).toEqual([]);
    await save(second.store, KEY, (record) => record.boards.push('joined'));
    const refuseUnlessJoined = (current: LearnerRecord | undefined) => {
      if (!current?.boards.includes('joined')) throw new Error('not joined');
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
