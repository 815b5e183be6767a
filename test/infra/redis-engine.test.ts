import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { assembleStore } from '../../src/infra/assemble-store.js';
import { checkStore } from '../../src/infra/check-store.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { commitScript, encodeCommit, type CommitChanges } from '../../src/infra/redis/commit-script.js';
import { isRedisUnavailable, openRedisEngine } from '../../src/infra/redis/redis-engine.js';
import { RedisKeys } from '../../src/infra/redis/redis-keys.js';
import { SCHEMA_VERSION } from '../../src/infra/redis/upgrade-schema.js';
import type { RedisClient } from '../../src/infra/redis/redis-script.js';
import type { EngineCommit } from '../../src/infra/store-engine.js';
import { learnerRowsRule } from '../../src/learners/learner-rows.js';
import { emptyPathState, newLearnerRecord, type LearnerRecord } from '../../src/model/learner.js';
import { encodeWorkspaceId } from '../../src/model/learner-id.js';
import { recordingLogger } from '../adapters/slack/recording-logger.js';
import { closeEngines, openFreshEngine } from '../fakes/engine-backends.js';
import { createFakeClock } from '../fakes/fake-clock.js';
import { freePort } from '../fakes/free-port.js';
import { createRedisServerProcess, redisServerOnPath } from '../fakes/redis-server-process.js';
import { dropRedisNamespace, REDIS_URL } from '../fakes/store-backends.js';
import { eventually } from '../support/eventually.js';
import { ANA, BOARD, BOB, collect, CY, DUE, entry, rows, save, slotOf, START, WORKSPACE } from './engine-fixtures.js';

const logger = createJsonLogger({ level: 'silent' });
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await closeEngines();
});

/** A raw client, to look at or damage what an engine stored, as another program (or an older version) would. */
async function rawRedis(): Promise<RedisClient> {
  const client: RedisClient = createClient({ url: REDIS_URL! });
  await client.connect();
  cleanups.push(async () => client.destroy());
  return client;
}

/** What only the Redis engine does; what every engine does is in engine-contract.test.ts. */
describe.skipIf(!REDIS_URL)('redis engine (needs Redis: a redis-server on PATH, or REDIS_URL)', () => {
  it('loses no update when two engines race 40 commits on one record, and leaves its rows consistent', async () => {
    const opened = await openFreshEngine('redis');
    const { engine, clock } = opened;
    const paths = await loadCurricula('curriculum');
    const learnerRows = learnerRowsRule(paths, 'UTC');
    const stores = [engine, await opened.beside!()].map((each) => assembleStore(each, { clock, logger, learnerRows }));
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
      slotOf(ANA),
    ]);
  });

  it('gives store:check every row, so it finds a damaged index and its repair restores it', async () => {
    const { engine, namespace, clock } = await openFreshEngine('redis');
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
    await client.sAdd(keys.set(DUE), slotOf(CY)); // an orphan
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
    const { engine, namespace } = await openFreshEngine('redis');
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
    const { engine, namespace } = await openFreshEngine('redis');
    const client = await rawRedis();
    await engine.commit(save(ANA, 'v1', undefined, entry(ANA, 1, 10, START)));
    await client.set(new RedisKeys(namespace).set(DUE), 'not a set');
    const commit: EngineCommit = {
      record: { kind: 'learner', key: ANA, expected: 'v1', next: 'v2' },
      rows: rows({
        removeSets: [{ set: WORKSPACE, member: ANA }],
        addSets: [{ set: DUE, member: slotOf(ANA) }],
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
    cleanups.push(() => dropRedisNamespace(namespace)); // written before any engine opens it
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

    const [opened, other] = await Promise.all([
      openFreshEngine('redis', { namespace }),
      openFreshEngine('redis', { namespace }),
    ]);
    const [first, second] = [opened.engine, other.engine];
    expect(first.rebuildRows && second.rebuildRows).toBe(true); // started together: both found old data, both rebuild (safely)
    expect(JSON.parse((await first.read('digest', BOARD))!)).toEqual(settings);
    expect(await client.exists(`${namespace}::record:digest:${BOARD}`)).toBe(0);
    expect(await first.records.get(`digest:${BOARD}`)).toBeUndefined();
    expect(await client.get(keys.schema)).toBe(String(SCHEMA_VERSION));
    expect(await collect(first.scanBoards())).toEqual([
      { board: BOARD, entry: { member: ANA, name: 'Ana', completed: 2, minutes: 45, reachedAt: START } },
    ]);
    expect(await first.top(BOARD, 10, BOB)).toEqual({
      rows: [{ member: ANA, name: 'Ana', completed: 2, minutes: 45, reachedAt: START, rank: 1 }],
      total: 1,
    });
    expect((await first.top(BOARD, 10, ANA)).self?.rank).toBe(1);

    const later = await opened.beside!();
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
