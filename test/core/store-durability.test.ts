import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { emptyPathState, newLearnerRecord } from '../../src/model/learner.js';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import { minuteOf } from '../../src/reminders/minute-of.js';
import { encodeSlotId } from '../../src/model/slot-id.js';
import { createRecordingMessenger } from '../fakes/recording-messenger.js';
import { writeLearnerText } from '../fakes/sqlite-file.js';
import { createTestBot } from '../fakes/test-bot.js';
import { makePath } from '../fixtures/make-path.js';
import { learner, run } from '../fixtures/learners.js';

const tempSqlite = async () => join(await mkdtemp(join(tmpdir(), 'pathbot-')), 'bot.sqlite');

describe('the SQLite store', () => {
  it('keeps progress across a restart, in WAL mode', async () => {
    const file = await tempSqlite();
    const first = await createTestBot({ storeUrl: `sqlite://${file}` });
    await run(first.bot, learner('ana'), 'done');
    await first.store.close();
    const second = await createTestBot({ storeUrl: `sqlite://${file}` });
    expect((await run(second.bot, learner('ana'), 'next')).title).toBe('WebRTC vs WebSockets');
    await second.store.close();
    const raw = new KeyvSqlite({ uri: `sqlite://${file}` });
    expect(await raw.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    await raw.disconnect();
  });

  it('keeps leaderboards across a restart', async () => {
    const file = await tempSqlite();
    const first = await createTestBot({ storeUrl: `sqlite://${file}` });
    await run(first.bot, learner('ana', 'Ana'), 'done');
    await first.store.close();
    const second = await createTestBot({ storeUrl: `sqlite://${file}` });
    expect((await run(second.bot, learner('ben', 'Ben'), 'leaderboard')).text).toContain('🥇 Ana — 1 resource, 30 min');
    await second.store.close();
  });

  it('keeps reminders and workspace lists an older version stored as one value each', async () => {
    const file = await tempSqlite();
    const nine = Date.UTC(2026, 10, 25, 9, 0);
    const key = encodeLearnerId(learner('ana'));
    const reminder = {
      time: '09:00',
      zone: 'UTC',
      enabled: true,
      nextAt: nine,
      ignored: 0,
      paused: false,
      snoozeAt: null,
    };
    const older = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${file}` }), namespace: 'pathbot' });
    await older.set(`learner:${key}`, {
      ...newLearnerRecord('ana', nine - 86_400_000),
      paths: { webrtc: { ...emptyPathState(nine - 86_400_000), reminder } },
      rev: 1,
    });
    await older.set(`due:${minuteOf(nine)}`, [encodeSlotId({ learner: key, path: 'webrtc' })]);
    await older.set('workspace:console:test', [key]);
    await older.disconnect();

    const upgraded = await createTestBot({ storeUrl: `sqlite://${file}`, now: nine });
    const platform = createRecordingMessenger(() => upgraded.clock.now());
    upgraded.bot.registerMessenger(platform.messenger);
    expect((await upgraded.bot.reminders.tick()).sent).toBe(1);
    expect(platform.deliveries).toHaveLength(1);
    expect(await upgraded.bot.forgetWorkspace('console', 'test')).toBe(1);
    await upgraded.store.close();
    // The one-value sets are gone from Keyv: their rows now live with the records.
    const after = new Keyv({ store: new KeyvSqlite({ uri: `sqlite://${file}` }), namespace: 'pathbot' });
    expect(await after.get(`due:${minuteOf(nine)}`)).toBeUndefined();
    expect(await after.get('workspace:console:test')).toBeUndefined();
    await after.disconnect();
  });

  it('sets aside a stored record it cannot read, keeps it and says so, instead of silently starting over', async () => {
    const file = await tempSqlite();
    const t = await createTestBot({ storeUrl: `sqlite://${file}` });
    await run(t.bot, learner('ana'), 'done');
    await t.store.close();
    await writeLearnerText(file, encodeLearnerId(learner('ana')), JSON.stringify({ v: 99, name: 'future format' }));
    const reopened = await createTestBot({ storeUrl: `sqlite://${file}` });
    expect((await run(reopened.bot, learner('ana'), 'next')).text).toContain("I couldn't read your saved progress");
    expect(await reopened.store.learners.setAside(encodeLearnerId(learner('ana')))).toMatchObject([
      { issues: expect.arrayContaining(['v']) as unknown, raw: { v: 99, name: 'future format' } },
    ]);
    await reopened.store.close();
  });
});

describe('progress is stored by id', () => {
  it('survives reordering and adding resources', async () => {
    const before = makePath('demo', [{ title: 'Start', resources: ['Alpha', 'Beta', 'Gamma'] }]);
    const file = await tempSqlite();
    const first = await createTestBot({ storeUrl: `sqlite://${file}`, paths: [before] });
    await run(first.bot, learner('ana'), 'done', { resource: 'beta' }, undefined, 'demo');
    await first.store.close();
    const after = makePath('demo', [
      { title: 'Start', resources: ['New First', 'Gamma', 'Beta', 'Alpha'] },
      { title: 'Extra', resources: ['Delta'] },
    ]);
    const second = await createTestBot({ storeUrl: `sqlite://${file}`, paths: [after] });
    const progress = await run(second.bot, learner('ana'), 'progress', {}, undefined, 'demo');
    expect(progress.fields?.[0]?.value).toBe(
      '⬜ New First (10 min)\n⬜ Gamma (11 min)\n✅ Beta (12 min)\n⬜ Alpha (13 min)',
    );
    expect((await run(second.bot, learner('ana'), 'next', {}, undefined, 'demo')).title).toBe('New First');
    await second.store.close();
  });
});
