import { mondayDigest } from '../fixtures/digests.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { copySqliteStore } from '../../src/infra/copy-sqlite-store.js';
import { createMemoryData } from '../../src/infra/memory/memory-engine.js';
import { openEngine, openStore } from '../../src/infra/open-store.js';
import { openSqliteEngine } from '../../src/infra/sqlite/sqlite-engine.js';
import { noRowChanges } from '../../src/infra/store-engine.js';
import { learnerRowsRule, weekBoardOf } from '../../src/learners/learner-rows.js';
import { encodeBoardId } from '../../src/model/board-id.js';
import { newLearnerRecord, type LearnerRecord } from '../../src/model/learner.js';
import { encodeLearnerId, type LearnerId } from '../../src/model/learner-id.js';
import { encodeSlotId } from '../../src/model/slot-id.js';
import type { LearnerRowsRule, SetAsideRecord } from '../../src/ports/store.js';
import { minuteOf } from '../../src/reminders/minute-of.js';
import { recordingLogger } from '../adapters/slack/recording-logger.js';
import { createFakeClock } from '../fakes/fake-clock.js';
import { dropRedisNamespace, freshStoreUrl, REDIS_URL } from '../fakes/store-backends.js';

const NOW = Date.UTC(2026, 11, 1, 12, 0);
const HOUR = 3_600_000;
const learner = (id: string) => encodeLearnerId({ platform: 'console', workspace: 'test', id });
const [ana, ben, cy, bad] = [learner('ana'), learner('ben'), learner('cy'), learner('bad')];
const board = encodeBoardId({ platform: 'console', workspace: 'test', channel: 'C-general', path: 'webrtc' });
const week = weekBoardOf(board, 'UTC', NOW);
const nextReminder = Date.UTC(2026, 11, 2, 9, 0);
const oldAside: SetAsideRecord = { at: NOW - 48 * HOUR, issues: ['paths'], raw: '{"v":1,"paths":' };
const digest = mondayDigest(board, Date.UTC(2026, 11, 7, 9, 0));

function progress(name: string, done: string[], options: { reminder?: boolean; hidden?: boolean } = {}): LearnerRecord {
  const record = newLearnerRecord(name, NOW - 24 * HOUR);
  const marks = Object.fromEntries(done.map((id, n) => [id, { status: 'done' as const, at: NOW - HOUR + n }]));
  record.paths.webrtc = { marks, history: [], announcedPhases: [], startedAt: NOW - 24 * HOUR };
  if (options.reminder)
    record.paths.webrtc.reminder = {
      time: '09:00',
      zone: 'UTC',
      enabled: true,
      nextAt: nextReminder,
      ignored: 0,
      paused: false,
      snoozeAt: null,
    };
  record.boards = [board, week];
  record.hidden = options.hidden ?? false;
  return record;
}

const records: Array<[LearnerId, LearnerRecord]> = [
  [ana, progress('Ana', ['webrtc-basics', 'webrtc-vs-websockets'], { reminder: true })],
  [ben, progress('Ben', ['webrtc-basics'])],
  [cy, progress('Cy', ['webrtc-basics', 'webrtc-vs-websockets', 'webrtc-architecture'], { hidden: true })],
];

const targets = [
  { kind: 'memory' as const, title: 'into memory' },
  { kind: 'redis' as const, title: 'into Redis (needs Redis: a redis-server on PATH, or REDIS_URL)' },
];

describe('store:migrate copies an SQLite bot into another store', () => {
  let learnerRows: LearnerRowsRule;
  beforeAll(async () => {
    learnerRows = learnerRowsRule(await loadCurricula('curriculum'), 'UTC');
  });

  /** A bot's file: three learners (one hides), one unreadable record, an entry set aside, a digest, two records. */
  async function botFile(clock: ReturnType<typeof createFakeClock>): Promise<string> {
    const file = join(await mkdtemp(join(tmpdir(), 'pathbot-migrate-')), 'bot.sqlite');
    const store = await openStore(`sqlite://${file}`, recordingLogger(), { learnerRows, clock, namespace: 'pathbot' });
    for (const [id, record] of records) await store.learners.update(id, () => ({ next: record, result: undefined }));
    await store.digests.update(board, () => ({ next: digest, result: undefined }));
    await store.records.set('sent:1', { to: 'ana' }, 2 * HOUR);
    await store.records.set('sent:0', { to: 'ben' }, 60_000);
    await store.close();
    const engine = await openSqliteEngine({ file, namespace: 'pathbot', logger: recordingLogger(), clock });
    const text = await engine.read('learner', ana);
    await engine.commit({
      record: { kind: 'learner', key: ana, expected: text, next: text },
      rows: noRowChanges(),
      setAside: { entry: oldAside, keep: 5 },
    });
    const unreadable = JSON.stringify({ v: 1, name: 'Bad', paths: 'lost' });
    await engine.commit({
      record: { kind: 'learner', key: bad, expected: undefined, next: unreadable },
      rows: noRowChanges(),
    });
    await engine.close();
    return file;
  }

  for (const target of targets) {
    describe.skipIf(target.kind === 'redis' && !REDIS_URL)(target.title, () => {
      it('carries learners with their rows, entries set aside, digests and live records; a second run changes nothing', async () => {
        const clock = createFakeClock(NOW);
        const file = await botFile(clock);
        clock.advance(2 * 60_000); // sent:0 has expired
        const source = await openSqliteEngine({ file, namespace: 'pathbot', logger: recordingLogger(), clock });
        const { url, namespace } = await freshStoreUrl(target.kind);
        const memory = createMemoryData();
        const options = { clock, namespace, ...(target.kind === 'memory' && { memory }) };
        const store = await openStore(url, recordingLogger(), { ...options, learnerRows });
        const { engine } = await openEngine(url, recordingLogger(), options);
        try {
          const report = await copySqliteStore(source, { store, engine }, { learnerRows, clock });
          expect(report).toEqual({
            learners: 3,
            learnersKept: 0,
            invalid: [bad],
            setAside: 2,
            notCopied: [],
            boardRows: 4, // Ana's and Ben's, all-time and this week; Cy hides
            reminderSlots: 1,
            digestSlots: 1,
            records: 1,
            expired: 1,
          });
          for (const [id, record] of records) expect(await store.learners.get(id)).toEqual({ ...record, rev: 1 });
          const top = await store.boards.top(board, 10, ben);
          expect(top.rows.map((row) => [row.name, row.completed, row.rank])).toEqual([
            ['Ana', 2, 1],
            ['Ben', 1, 2],
          ]);
          expect(top.self).toMatchObject({ name: 'Ben', rank: 2 });
          expect((await store.boards.top(week, 10)).total).toBe(2);
          expect(await store.learners.due(minuteOf(nextReminder))).toEqual([
            encodeSlotId({ learner: ana, path: 'webrtc' }),
          ]);
          expect(await store.digests.get(board)).toEqual(digest);
          expect(await store.digests.due(minuteOf(digest.nextAt))).toEqual([board]);
          expect(await store.learners.setAside(ana)).toEqual([oldAside]);
          expect(await store.learners.get(bad)).toMatchObject({ name: 'Bad', setAside: { told: false } });
          expect((await store.learners.setAside(bad)).map((entry) => entry.raw)).toEqual([
            { v: 1, name: 'Bad', paths: 'lost' },
          ]);
          expect(await store.records.get('sent:1')).toEqual({ to: 'ana' });
          expect(await store.records.get('sent:0')).toBeUndefined();

          const again = await copySqliteStore(source, { store, engine }, { learnerRows, clock });
          expect(again).toMatchObject({ learners: 0, learnersKept: 3, setAside: 0, digestSlots: 0, records: 0 });
          expect(await store.learners.setAside(ana)).toEqual([oldAside]);
          clock.advance(2 * HOUR); // a copied record keeps its expiry
          expect(await store.records.get('sent:1')).toBeUndefined();
        } finally {
          await engine.close();
          await store.close();
          await source.close();
          if (target.kind === 'redis') await dropRedisNamespace(namespace);
        }
      });
    });
  }
});
