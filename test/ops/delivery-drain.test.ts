import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.js';
import type { DirectMessenger } from '../../src/ports/direct-messenger.js';
import { minuteOf } from '../../src/reminders/minute-of.js';
import { createRecordingMessenger } from '../fakes/recording-messenger.js';
import { createTestBot, type TestBot } from '../fakes/test-bot.js';
import { GENERAL, learner, run } from '../fixtures/learners.js';
import { eventually } from '../support/eventually.js';

const NINE_UTC = Date.UTC(2026, 10, 25, 9, 0);
const MONDAY_NINE_UTC = Date.UTC(2026, 10, 30, 9, 0);
const CONCURRENCY = 4;

/** A messenger whose sends wait at a gate, so a test can stop the job while sends are under way. */
function gatedMessenger(t: TestBot) {
  const recorder = createRecordingMessenger(() => t.clock.now());
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  let started = 0;
  const messenger: DirectMessenger = {
    ...recorder.messenger,
    async send(target, reply, key) {
      started += 1;
      await gate;
      return recorder.messenger.send(target, reply, key);
    },
  };
  return { messenger, recorder, started: () => started, open: () => open() };
}

/** The same store with a fresh bot: another instance, or this one after a restart. */
function anotherInstance(t: TestBot) {
  return createBot({
    store: t.store,
    clock: t.clock,
    logger: t.logger,
    paths: t.paths,
    settings: { defaultTimeZone: 'UTC' },
    reminders: { backoffMs: 5 },
  });
}

describe('stopping deliveries for a shutdown', () => {
  it('finishes the reminder sends under way, starts no new one, and leaves the rest due for the next instance', async () => {
    const t = await createTestBot({ now: NINE_UTC - 3_600_000, reminders: { concurrency: CONCURRENCY } });
    const ids = Array.from({ length: 20 }, (_, index) => `u${index}`);
    for (const id of ids) await run(t.bot, learner(id), 'remind', { time: '09:00', zone: 'UTC' });
    t.clock.set(NINE_UTC);
    const gated = gatedMessenger(t);
    t.bot.registerMessenger(gated.messenger);

    const tick = t.bot.reminders.tick();
    await eventually(() => expect(gated.started()).toBe(CONCURRENCY));
    t.bot.stopDeliveries();
    gated.open();
    const report = await tick;

    expect(report.sent).toBe(CONCURRENCY);
    expect(gated.started()).toBe(CONCURRENCY);
    expect(gated.recorder.deliveries).toHaveLength(CONCURRENCY);
    expect(await t.store.learners.due(minuteOf(NINE_UTC))).toHaveLength(ids.length - CONCURRENCY);
    // Stopped for good: a tick the scheduler had already begun sends nothing more.
    expect((await t.bot.reminders.tick()).sent).toBe(0);

    const next = anotherInstance(t);
    const after = createRecordingMessenger(() => t.clock.now());
    next.registerMessenger(after.messenger);
    expect((await next.reminders.tick()).sent).toBe(ids.length - CONCURRENCY);
    const everyone = [...gated.recorder.deliveries, ...after.deliveries].map((delivery) => delivery.to).sort();
    expect(everyone).toEqual([...ids].sort());
    await t.store.close();
  });

  it('posts no weekly digest once stopped; the digest stays due and another instance posts it', async () => {
    const t = await createTestBot({ now: MONDAY_NINE_UTC - 86_400_000 });
    const recorder = createRecordingMessenger(() => t.clock.now());
    t.bot.registerMessenger(recorder.messenger);
    await t.bot.handle({
      path: 'webrtc',
      command: 'digest',
      args: { day: 'mon', time: '09:00' },
      user: learner('boss'),
      channel: GENERAL,
      isAdmin: true,
    });
    t.clock.set(MONDAY_NINE_UTC);

    t.bot.stopDeliveries();
    expect((await t.bot.digests.tick()).posted).toBe(0);
    expect(recorder.posts).toEqual([]);

    const next = anotherInstance(t);
    next.registerMessenger(recorder.messenger);
    expect((await next.digests.tick()).posted).toBe(1);
    expect(recorder.posts.map((post) => post.to)).toEqual([GENERAL.id]);
    await t.store.close();
  });
});
