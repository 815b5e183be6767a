import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySqliteStore } from '../../src/infra/copy-sqlite-store.js';
import { openSqliteFile } from '../../src/infra/open-sqlite-file.js';
import { createRecordingMessenger } from '../fakes/recording-messenger.js';
import { REDIS_URL } from '../fakes/store-backends.js';
import { createTestBot } from '../fakes/test-bot.js';
import { GENERAL, learner, run } from '../fixtures/learners.js';

const MONDAY_NINE_UTC = Date.UTC(2026, 10, 30, 9, 0);
const people = [learner('ana', 'Ana'), learner('ben', 'Ben'), learner('cy', 'Cy')];

describe.skipIf(!REDIS_URL)('moving an SQLite bot to Redis (needs Redis: a redis-server on PATH, or REDIS_URL)', () => {
  it(
    'carries progress, boards, reminders and digests over, and a second run changes nothing',
    { timeout: 30_000 },
    async () => {
      const file = join(await mkdtemp(join(tmpdir(), 'pathbot-migrate-')), 'bot.sqlite');
      const before = await createTestBot({ storeUrl: `sqlite://${file}`, now: MONDAY_NINE_UTC - 23 * 3_600_000 });
      for (const [index, person] of people.entries()) {
        for (let done = 0; done <= index; done += 1) await run(before.bot, person, 'done');
      }
      await run(before.bot, people[0]!, 'remind', { time: '09:00', zone: 'UTC' });
      await run(before.bot, people[2]!, 'leaderboard', { scope: 'hide' });
      await before.bot.handle({
        path: 'webrtc',
        command: 'digest',
        args: { day: 'mon', time: '09:00' },
        user: people[1]!,
        channel: GENERAL,
        isAdmin: true,
      });
      const progressBefore = await Promise.all(people.map((person) => run(before.bot, person, 'progress')));
      const boardBefore = await run(before.bot, people[1]!, 'leaderboard');
      await before.store.close();

      const after = await createTestBot({ storeUrl: REDIS_URL, now: MONDAY_NINE_UTC - 20 * 3_600_000 });
      const source = await openSqliteFile(file);
      const report = await copySqliteStore(source, before.namespace, after.store, after.clock.now());
      expect(report).toMatchObject({ learners: 3, learnersKept: 0, invalid: [], reminderSlots: 1, digestSlots: 1 });
      expect(await Promise.all(people.map((person) => run(after.bot, person, 'progress')))).toEqual(progressBefore);
      expect(await run(after.bot, people[1]!, 'leaderboard')).toEqual(boardBefore);
      expect(boardBefore.text).not.toContain('Cy');

      const again = await copySqliteStore(source, before.namespace, after.store, after.clock.now());
      await source.disconnect();
      expect(again).toMatchObject({ learners: 0, learnersKept: 3 });
      // The first change on Redis replaces the copied row (boards copy as revision 0).
      expect((await run(after.bot, people[0]!, 'done')).title).toContain('Marked done');
      expect((await run(after.bot, people[0]!, 'leaderboard')).text).toContain('Ana — 2 resources');

      const platform = createRecordingMessenger(() => after.clock.now());
      after.bot.registerMessenger(platform.messenger);
      after.clock.set(MONDAY_NINE_UTC);
      expect((await after.bot.reminders.tick()).sent).toBe(1);
      expect((await after.bot.digests.tick()).posted).toBe(1);
      expect(platform.deliveries.map((delivery) => delivery.to)).toEqual(['ana']);
      await after.store.close();
    },
  );
});
