import { afterEach, describe, expect, it } from 'vitest';
import type { Invocation } from '../../src/model/invocation.js';
import { createRecordingMessenger } from '../fakes/recording-messenger.js';
import { REDIS_URL } from '../fakes/store-backends.js';
import { createTestBot, type TestBot } from '../fakes/test-bot.js';
import { GENERAL, learner, run } from '../fixtures/learners.js';

const MONDAY_NINE_UTC = Date.UTC(2026, 10, 30, 9, 0);
let bots: TestBot[] = [];

afterEach(async () => {
  for (const bot of bots.reverse()) await bot.store.close();
  bots = [];
});

/** Two instances of the bot on one Redis namespace, each with its own messenger (as two processes would have). */
async function twoInstances(now: number) {
  const first = await createTestBot({ storeUrl: REDIS_URL, now });
  const second = await createTestBot({ storeUrl: REDIS_URL, namespace: first.namespace, now });
  bots.push(second, first);
  const platform = [first, second].map((instance) => {
    const recorder = createRecordingMessenger(() => instance.clock.now());
    instance.bot.registerMessenger(recorder.messenger);
    return recorder;
  });
  return {
    first,
    second,
    platform,
    sent: () => platform.flatMap((recorder) => recorder.deliveries),
    posted: () => platform.flatMap((recorder) => recorder.posts),
  };
}

describe.skipIf(!REDIS_URL)(
  'every instance runs the minute ticks on one Redis (needs Redis: a redis-server on PATH, or REDIS_URL)',
  () => {
    it(
      'each due reminder and each weekly digest goes out once when both tick at the same moment',
      { timeout: 30_000 },
      async () => {
        const { first, second, sent, posted } = await twoInstances(MONDAY_NINE_UTC - 5 * 3_600_000);
        for (let index = 0; index < 200; index += 1)
          await run(first.bot, learner(`u${index}`), 'remind', { time: '09:00', zone: 'UTC' });
        const digest: Invocation = {
          path: 'webrtc',
          command: 'digest',
          args: { day: 'mon', time: '09:00' },
          user: learner('boss'),
          channel: GENERAL,
          isAdmin: true,
        };
        expect((await second.bot.handle(digest)).text).toContain('Weekly digest on');

        for (const instance of [first, second]) instance.clock.set(MONDAY_NINE_UTC);
        const [a, b] = await Promise.all([first.bot.reminders.tick(), second.bot.reminders.tick()]);
        const [c, d] = await Promise.all([first.bot.digests.tick(), second.bot.digests.tick()]);
        expect(a.sent + b.sent).toBe(200);
        expect(sent()).toHaveLength(200);
        expect(new Set(sent().map((delivery) => delivery.to)).size).toBe(200);
        expect(c.posted + d.posted).toBe(1);
        expect(posted()).toHaveLength(1);

        for (const instance of [first, second]) instance.clock.set(MONDAY_NINE_UTC + 60_000);
        const [again, alsoAgain] = await Promise.all([first.bot.reminders.tick(), second.bot.reminders.tick()]);
        expect(again.sent + alsoAgain.sent).toBe(0);
        expect(sent()).toHaveLength(200);
      },
    );
  },
);
