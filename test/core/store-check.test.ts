import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkStore } from '../../src/infra/check-store.js';
import { createJsonLogger } from '../../src/infra/json-logger.js';
import { openEngine } from '../../src/infra/open-store.js';
import { noRowChanges, type RowChanges, type StoreEngine } from '../../src/infra/store-engine.js';
import { encodeIndexSet } from '../../src/model/index-set.js';
import { encodeLearnerId, encodeWorkspaceId } from '../../src/model/learner-id.js';
import { encodeSlotId } from '../../src/model/slot-id.js';
import { minuteOf } from '../../src/reminders/minute-of.js';
import { createRecordingMessenger } from '../fakes/recording-messenger.js';
import { describeEachBackend, dropRedisNamespace, freshStoreUrl } from '../fakes/store-backends.js';
import { createMemoryData, createTestBot, testLearnerRows, type TestBotOptions } from '../fakes/test-bot.js';
import { consoleBoard, learner, run } from '../fixtures/learners.js';
import { ROOT, startNodeProcess } from '../ops/node-process.js';

const silent = createJsonLogger({ level: 'silent' });
const ana = learner('ana', 'Ana');
const ben = learner('ben', 'Ben');
const ANA = encodeLearnerId(ana);
const BEN = encodeLearnerId(ben);
const GONE = encodeLearnerId(learner('gone'));
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Ana and Ben on the general board, Ana with a daily reminder, a weekly digest: then the bot stops. */
async function seed(options: TestBotOptions) {
  const t = await createTestBot(options);
  await run(t.bot, ana, 'done');
  await run(t.bot, ana, 'remind', { time: '09:00', zone: 'UTC' });
  await run(t.bot, ben, 'done');
  await run(t.bot, ben, 'done');
  await t.bot.handle({
    path: 'webrtc',
    command: 'digest',
    args: { day: 'mon', time: '09:00' },
    user: ana,
    channel: { id: 'C-general' },
    isAdmin: true,
  });
  const nextAt = (await t.store.learners.get(ANA))!.paths.webrtc!.reminder!.nextAt!;
  const digestAt = (await t.store.digests.get(consoleBoard()))!.nextAt;
  return { t, nextAt, digestAt };
}

/** What a crash between two writes, a bug or a hand edit leaves behind: rows gone, wrong or stray. */
function damage(nextAt: number, digestAt: number): RowChanges {
  const rows = noRowChanges();
  rows.removeSets.push(
    {
      set: encodeIndexSet({ kind: 'reminders', minute: minuteOf(nextAt) }),
      member: encodeSlotId({ learner: ANA, path: 'webrtc' }),
    },
    { set: encodeIndexSet({ kind: 'workspace', workspace: encodeWorkspaceId('console', 'test') }), member: BEN },
    { set: encodeIndexSet({ kind: 'digests', minute: minuteOf(digestAt) }), member: consoleBoard() },
  );
  rows.addSets.push({
    set: encodeIndexSet({ kind: 'reminders', minute: minuteOf(nextAt) }),
    member: encodeSlotId({ learner: GONE, path: 'webrtc' }),
  });
  rows.removeBoards.push({ board: consoleBoard(), member: ANA });
  rows.putBoards.push(
    { board: consoleBoard(), entry: { member: BEN, name: 'Ben', completed: 7, minutes: 240, reachedAt: 1 } },
    { board: consoleBoard(), entry: { member: GONE, name: 'Gone', completed: 1, minutes: 30, reachedAt: 1 } },
  );
  return rows;
}

describeEachBackend('store:check', (kind) => {
  it('finds every row that disagrees with its record, and the repair rebuilds them from the records', async () => {
    const where = await freshStoreUrl(kind);
    const memory = createMemoryData();
    const options: TestBotOptions =
      kind === 'memory' ? { memory } : { storeUrl: where.url, namespace: where.namespace };
    const { t, nextAt, digestAt } = await seed(options);
    await t.store.close();
    const open = async (): Promise<StoreEngine> => {
      const { engine } = await openEngine(where.url, silent, { clock: t.clock, namespace: where.namespace, memory });
      return engine;
    };
    if (kind === 'redis') cleanups.push(() => dropRedisNamespace(where.namespace));
    const learnerRows = await testLearnerRows();
    let engine = await open();
    expect(await engine.commit({ rows: damage(nextAt, digestAt) })).toBe(true);

    const found = await checkStore(engine, { learnerRows, clock: t.clock, repair: false });
    expect(found).toMatchObject({
      learners: 2,
      digests: 1,
      missing: 4,
      wrong: 1,
      orphans: 2,
      unreadable: [],
      repaired: false,
    });
    // Only reported: nothing changed.
    expect(await checkStore(engine, { learnerRows, clock: t.clock, repair: false })).toEqual(found);

    expect(await checkStore(engine, { learnerRows, clock: t.clock, repair: true })).toMatchObject({
      missing: 4,
      wrong: 1,
      orphans: 2,
      repaired: true,
    });
    expect(await checkStore(engine, { learnerRows, clock: t.clock, repair: false })).toMatchObject({
      missing: 0,
      wrong: 0,
      orphans: 0,
    });
    await engine.close();

    // The bot on the repaired store: the board, the reminder, the workspace list and the digest are back.
    const after = await createTestBot({ ...options, now: nextAt });
    const board = await after.store.boards.top(consoleBoard(), 10);
    expect(board.rows.map((row) => [row.name, row.completed, row.rank])).toEqual([
      ['Ben', 2, 1],
      ['Ana', 1, 2],
    ]);
    const messenger = createRecordingMessenger(() => after.clock.now());
    after.bot.registerMessenger(messenger.messenger);
    expect(await after.bot.reminders.tick()).toMatchObject({ sent: 1, stale: 0 });
    expect(await after.store.digests.due(minuteOf(digestAt))).toEqual([consoleBoard()]);
    expect(await after.bot.forgetWorkspace('console', 'test')).toBe(2);
    if (kind !== 'memory') await after.store.close(); // an SQLite file belongs to one process (memory: the data stays)
    engine = await open();
    expect(await checkStore(engine, { learnerRows, clock: t.clock, repair: false })).toMatchObject({
      learners: 0,
      missing: 0,
      orphans: 0,
    });
    await engine.close();
  });
});

describe('npm run store:check', { timeout: 90_000 }, () => {
  it('reports a damaged index with exit code 1, repairs it with --repair, then finds it whole', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'pathbot-check-'));
    const file = join(cwd, 'bot.sqlite');
    const { t, nextAt, digestAt } = await seed({ storeUrl: `sqlite://${file}` });
    await t.store.close();
    const { engine } = await openEngine(`sqlite://${file}`, silent, { clock: t.clock });
    await engine.commit({ rows: damage(nextAt, digestAt) });
    await engine.close();
    const env = { CURRICULUM_DIR: join(ROOT, 'curriculum'), STORE_URL: `sqlite://${file}` };
    const check = async (...args: string[]) => {
      const done = startNodeProcess('src/check-store-command.ts', env, { cwd, args });
      const exit = await done.closed;
      return { code: exit.code, output: done.output() };
    };
    const first = await check();
    expect(first.code).toBe(1);
    expect(first.output).toContain('records: 2 learners, 1 weekly digests');
    expect(first.output).toContain('rows missing: 4, rows with wrong figures: 1, rows no record holds: 2');
    expect(first.output).toContain('Run `npm run store:check -- --repair`');
    const repaired = await check('--repair');
    expect(repaired).toMatchObject({ code: 0 });
    expect(repaired.output).toContain('Repaired: 7 rows and counts rebuilt from the records.');
    const whole = await check();
    expect(whole).toMatchObject({ code: 0 });
    expect(whole.output).toContain('Every row agrees with its record.');
  });
});
