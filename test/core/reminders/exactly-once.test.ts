import { encodeLearnerId } from '../../../src/model/learner-id.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_OPTIONS } from '../../../src/reminders/reminder-job.js';
import { createRecordingMessenger } from '../../fakes/recording-messenger.js';
import { createTestBot } from '../../fakes/test-bot.js';
import { learner, run } from '../../fixtures/learners.js';
import { eventually } from '../../support/eventually.js';

const NINE_UTC = Date.UTC(2026, 10, 25, 9, 0);

describe('a restart in the middle of a fan-out of 1,000 reminders', () => {
  it('leaves each learner with exactly one reminder', { timeout: 120_000 }, async () => {
    const file = `sqlite://${join(await mkdtemp(join(tmpdir(), 'pathbot-')), 'bot.sqlite')}`;
    const first = await createTestBot({ storeUrl: file, now: NINE_UTC - 3_600_000 });
    const ids = Array.from({ length: 1000 }, (_, index) => `u${index}`);
    for (const id of ids) await run(first.bot, learner(id), 'remind', { time: '09:00', zone: 'UTC' });
    first.clock.set(NINE_UTC);

    // The first process dies mid-batch: some sends never start, some reach the platform but never return.
    const platformKeys = new Set<string>();
    const before = createRecordingMessenger(() => first.clock.now(), 'console', platformKeys);
    let started = 0;
    before.setBehaviour(() => (++started <= 400 ? 'deliver' : started <= 420 ? 'deliver-then-hang' : 'hang'));
    first.bot.registerMessenger(before.messenger);
    void first.bot.reminders.tick();
    // Every worker is now stuck, as if the process had died with those sends in flight.
    await eventually(() => expect(started).toBeGreaterThanOrEqual(400 + DEFAULT_REMINDER_OPTIONS.concurrency));

    // A dead process's lock on the file goes with it; the restarted one opens it after the leases expire.
    await first.store.close();
    const second = await createTestBot({ storeUrl: file, now: NINE_UTC + 6 * 60_000 });
    const after = createRecordingMessenger(() => second.clock.now(), 'console', platformKeys);
    second.bot.registerMessenger(after.messenger);
    const report = await second.bot.reminders.tick();
    expect(report.busy).toBe(0);

    // Like Discord's enforced nonce, a resend of a message that did arrive is dropped by its key.
    const perLearner = new Map<string, Set<string>>();
    for (const entry of [...before.deliveries, ...after.deliveries])
      perLearner.set(entry.to, (perLearner.get(entry.to) ?? new Set()).add(entry.key));
    expect(perLearner.size).toBe(1000);
    expect([...perLearner.values()].every((keys) => keys.size === 1)).toBe(true);
    // 400 went out cleanly and 20 arrived without being recorded (their resend is dropped by key).
    expect(after.deliveries.length).toBe(1000 - 400 - 20);
    const again = await second.bot.reminders.tick();
    expect(again.sent).toBe(0);
    const record = await second.store.learners.get(encodeLearnerId(learner('u999')));
    expect(new Date(record!.paths.webrtc!.reminder!.nextAt!).toISOString()).toBe('2026-11-26T09:00:00.000Z');
    await second.store.close();
  });
});

describe('after downtime', () => {
  it.each([
    [1, 'caught up', 1, 0],
    [5, 'skipped', 0, 1],
  ])('%i hour(s) down: the reminder is %s, logged, and tomorrow is unaffected', async (hours, _what, sent, tooOld) => {
    const t = await createTestBot({ now: NINE_UTC - 3_600_000 });
    const lines: string[] = [];
    t.logger.info = (message, fields) => lines.push(`${message} ${JSON.stringify(fields)}`);
    const recorder = createRecordingMessenger(() => t.clock.now());
    t.bot.registerMessenger(recorder.messenger);
    await run(t.bot, learner('ana'), 'remind', { time: '09:00', zone: 'UTC' });
    t.clock.set(NINE_UTC + hours * 3_600_000);
    const report = await t.bot.reminders.catchUp();
    expect(report.sent).toBe(sent);
    expect(report['too-old']).toBe(tooOld);
    expect(recorder.deliveries).toHaveLength(sent);
    expect(
      lines.some(
        (line) =>
          line.startsWith('reminder catch-up after start') &&
          line.includes(`"sent":${sent}`) &&
          line.includes(`"too-old":${tooOld}`),
      ),
    ).toBe(true);
    if (tooOld) expect(lines.some((line) => line.startsWith('reminder skipped: too old after downtime'))).toBe(true);
    const record = await t.store.learners.get(encodeLearnerId(learner('ana')));
    expect(new Date(record!.paths.webrtc!.reminder!.nextAt!).toISOString()).toBe('2026-11-26T09:00:00.000Z');
    t.clock.set(Date.UTC(2026, 10, 26, 9, 0));
    expect((await t.bot.reminders.tick()).sent).toBe(1);
  });
});
