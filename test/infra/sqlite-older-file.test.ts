import { mondayDigest } from '../fixtures/digests.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { openStore } from '../../src/infra/open-store.js';
import { openSqliteEngine } from '../../src/infra/sqlite/sqlite-engine.js';
import { learnerRowsRule, weekBoardOf } from '../../src/learners/learner-rows.js';
import { encodeBoardId } from '../../src/model/board-id.js';
import type { LearnerRecord } from '../../src/model/learner.js';
import { encodeLearnerId, encodeWorkspaceId } from '../../src/model/learner-id.js';
import { encodeSlotId } from '../../src/model/slot-id.js';
import type { LearnerRowsRule, SetAsideRecord } from '../../src/ports/store.js';
import { minuteOf } from '../../src/reminders/minute-of.js';
import { recordingLogger } from '../adapters/slack/recording-logger.js';
import { createFakeClock } from '../fakes/fake-clock.js';

const NOW = Date.UTC(2026, 11, 1, 12, 0);
const NAMESPACE = 'pathbot';
const learnerId = (id: string) => encodeLearnerId({ platform: 'console', workspace: 'test', id });
const [ana, ben, bad] = [learnerId('ana'), learnerId('ben'), learnerId('bad')];
const board = encodeBoardId({ platform: 'console', workspace: 'test', channel: 'C-general', path: 'webrtc' });
const week = weekBoardOf(board, 'UTC', NOW);
const nextReminder = Date.UTC(2026, 11, 2, 9, 0);
const staleMinute = minuteOf(Date.UTC(2026, 10, 20, 9, 0));

function record(name: string, done: string[], reminder = false): LearnerRecord {
  const marks = Object.fromEntries(done.map((id, n) => [id, { status: 'done' as const, at: NOW - 3_600_000 + n }]));
  return {
    v: 1,
    name,
    paths: {
      webrtc: {
        marks,
        history: [],
        announcedPhases: [],
        startedAt: NOW - 86_400_000,
        ...(reminder && {
          reminder: {
            time: '09:00',
            zone: 'UTC',
            enabled: true,
            nextAt: nextReminder,
            ignored: 0,
            paused: false,
            snoozeAt: null,
          },
        }),
      },
    },
    boards: [board, week],
    hidden: false,
    createdAt: NOW - 86_400_000,
    updatedAt: NOW - 3_600_000,
    rev: 4,
  };
}

const anaRecord = record('Ana', ['webrtc-basics', 'webrtc-vs-websockets'], true);
const benRecord = record('Ben', ['webrtc-basics']);
const keptAside: SetAsideRecord = { at: NOW - 7 * 86_400_000, issues: ['marks'], raw: { v: 1, marks: 'x' } };
const digest = mondayDigest(board, Date.UTC(2026, 11, 7, 9, 0));

/** A file as the version before the engine left it: records, set-aside lists and digests in Keyv, old sets and boards. */
async function writeOlderFile(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'pathbot-older-')), 'bot.sqlite');
  const sqlite = new KeyvSqlite({ uri: `sqlite://${file}` });
  const keyv = new Keyv({ store: sqlite, namespace: NAMESPACE, throwOnErrors: true });
  await keyv.set(`learner:${ana}`, anaRecord);
  await keyv.set(`learner:${ben}`, benRecord);
  await keyv.set(`learner:${bad}`, { v: 1, name: 'Bad', marks: 'not an object' });
  await keyv.set(`set-aside:${ana}`, [keptAside]);
  await keyv.set(`record:digest:${board}`, digest);
  await keyv.set('record:sent:1', { to: 'ana' });
  await keyv.set(`due:${staleMinute}`, [encodeSlotId({ learner: ben, path: 'webrtc' })]);
  await keyv.set(`workspace:${encodeWorkspaceId('console', 'test')}`, [ana]);
  await sqlite.query(`CREATE TABLE board_rows (
    namespace TEXT NOT NULL, board TEXT NOT NULL, member TEXT NOT NULL, name TEXT NOT NULL,
    completed INTEGER NOT NULL, minutes INTEGER NOT NULL, reached_at INTEGER NOT NULL,
    revision INTEGER NOT NULL, removed INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (namespace, board, member)) WITHOUT ROWID`);
  await sqlite.query(
    'INSERT INTO board_rows VALUES (?, ?, ?, ?, 9, 300, 1, 3, 0)',
    NAMESPACE,
    board,
    learnerId('gone'),
    'Gone',
  );
  await sqlite.query(`CREATE TABLE set_members (
    namespace TEXT NOT NULL, set_key TEXT NOT NULL, member TEXT NOT NULL,
    PRIMARY KEY (namespace, set_key, member)) WITHOUT ROWID`);
  await sqlite.query(
    'INSERT INTO set_members VALUES (?, ?, ?)',
    NAMESPACE,
    `due:${staleMinute}`,
    encodeSlotId({ learner: ana, path: 'webrtc' }),
  );
  await keyv.disconnect();
  return file;
}

describe('an SQLite file written by the version before the engine', () => {
  let learnerRows: LearnerRowsRule;
  beforeAll(async () => {
    learnerRows = learnerRowsRule(await loadCurricula('curriculum'), 'UTC');
  });
  const clock = createFakeClock(NOW);
  const openOnce = (file: string, logger = recordingLogger()) =>
    openStore(`sqlite://${file}`, logger, { learnerRows, clock, namespace: NAMESPACE });

  it('opens with its learners, their board rows and reminder slots, set-aside lists, digests and records', async () => {
    const file = await writeOlderFile();
    const logger = recordingLogger();
    const store = await openOnce(file, logger);
    expect(logger.lines.map((line) => line.message)).toContain(
      'store rows rebuilt from the records of an older version',
    );
    expect(await store.learners.get(ana)).toEqual(anaRecord);
    expect(await store.learners.get(ben)).toEqual(benRecord);
    expect(await store.learners.setAside(ana)).toEqual([keptAside]);
    const top = await store.boards.top(board, 10, ben);
    expect(top.rows.map((row) => [row.name, row.completed, row.minutes, row.rank])).toEqual([
      ['Ana', 2, 55, 1],
      ['Ben', 1, 30, 2],
    ]);
    expect(top.self).toMatchObject({ name: 'Ben', rank: 2 });
    expect((await store.boards.top(week, 10)).rows.map((row) => row.name)).toEqual(['Ana', 'Ben']);
    expect(await store.learners.due(minuteOf(nextReminder))).toEqual([encodeSlotId({ learner: ana, path: 'webrtc' })]);
    expect(await store.learners.due(staleMinute)).toEqual([]);
    expect((await store.learners.inWorkspace(encodeWorkspaceId('console', 'test'))).sort()).toEqual([ana, ben].sort());
    expect(await store.digests.get(board)).toEqual(digest);
    expect(await store.digests.due(minuteOf(digest.nextAt))).toEqual([board]);
    expect(await store.records.get('sent:1')).toEqual({ to: 'ana' });
    // The unreadable one moved as it was, and is set aside when it is read.
    expect(await store.learners.get(bad)).toMatchObject({ name: 'Bad', setAside: { told: false } });
    expect((await store.learners.setAside(bad)).map((entry) => entry.raw)).toEqual([
      { v: 1, name: 'Bad', marks: 'not an object' },
    ]);
    await store.close();

    const sqlite = new KeyvSqlite({ uri: `sqlite://${file}` });
    const keyv = new Keyv({ store: sqlite, namespace: NAMESPACE });
    for (const key of [`learner:${ana}`, `set-aside:${ana}`, `record:digest:${board}`, `due:${staleMinute}`])
      expect(await keyv.get(key)).toBeUndefined();
    expect(await sqlite.query("SELECT name FROM sqlite_master WHERE name = 'board_rows'")).toEqual([]);
    await keyv.disconnect();
  });

  it('rebuilds the rows at every open until a rebuild finished, then no more', async () => {
    const file = await writeOlderFile();
    const cutShort = await openSqliteEngine({ file, namespace: NAMESPACE, logger: recordingLogger(), clock });
    expect(cutShort.rebuildRows).toBe(true);
    await cutShort.close(); // stopped before openStore rebuilt anything
    const logger = recordingLogger();
    const store = await openOnce(file, logger);
    expect(logger.lines.map((line) => line.message)).toContain(
      'store rows rebuilt from the records of an older version',
    );
    expect(await store.learners.due(minuteOf(nextReminder))).toEqual([encodeSlotId({ learner: ana, path: 'webrtc' })]);
    await store.close();
    const engine = await openSqliteEngine({ file, namespace: NAMESPACE, logger: recordingLogger(), clock });
    expect(engine.rebuildRows).toBe(false);
    expect(await engine.read('learner', ana)).toBe(JSON.stringify(anaRecord));
    await engine.close();
  });

  it('moves every record, while Keyv drops the expired keys it meets on the way', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'pathbot-older-')), 'bot.sqlite');
    const sqlite = new KeyvSqlite({ uri: `sqlite://${file}` });
    const keyv = new Keyv({ store: sqlite, namespace: NAMESPACE, throwOnErrors: true });
    // Long expired by the wall clock: Keyv's iterator deletes each as it reads it, which shifts its OFFSET pages.
    await sqlite.query('BEGIN');
    for (let n = 0; n < 1_200; n += 1)
      await sqlite.set(`${NAMESPACE}:claim:${n}`, JSON.stringify({ value: { owner: 'old' }, expires: 1 }));
    await sqlite.query('COMMIT');
    const learners = Array.from({ length: 50 }, (_, n) => learnerId(`p${n}`));
    for (const id of learners) await keyv.set(`learner:${id}`, benRecord);
    await keyv.disconnect();
    const engine = await openSqliteEngine({ file, namespace: NAMESPACE, logger: recordingLogger(), clock });
    const moved: string[] = [];
    for await (const [key] of engine.scanRecords('learner')) moved.push(key);
    expect(moved.sort()).toEqual([...learners].sort());
    await engine.close();
  });

  it('a new file has nothing to rebuild', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'pathbot-new-')), 'data', 'bot.sqlite');
    const engine = await openSqliteEngine({ file, namespace: NAMESPACE, logger: recordingLogger(), clock });
    expect(engine.rebuildRows).toBe(false);
    await engine.close();
  });
});
