import { encodeLearnerId } from '../../../src/model/learner-id.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRecordingMessenger } from '../../fakes/recording-messenger.js';
import { createTestBot, type TestBot } from '../../fakes/test-bot.js';
import { learner, run } from '../../fixtures/learners.js';
import { readPlain } from '../../fixtures/read-plain.js';

const DAY = 86_400_000;
const NINE = Date.UTC(2026, 10, 25, 9, 0);
const ana = learner('ana', 'Ana');
let t: TestBot;
let recorder: ReturnType<typeof createRecordingMessenger>;

beforeEach(async () => {
  t = await createTestBot({ now: NINE - 3_600_000, defaultTimeZone: 'UTC' });
  recorder = createRecordingMessenger(() => t.clock.now());
  t.bot.registerMessenger(recorder.messenger);
  await run(t.bot, ana, 'remind', { time: '09:00', zone: 'UTC' });
});

const tickAt = async (at: number) => {
  t.clock.set(at);
  return t.bot.reminders.tick();
};
const press = (actionId: string, value = '') =>
  t.bot
    .handleAction({
      path: 'webrtc',
      actionId,
      value,
      ownerId: 'ana',
      user: ana,
      channel: { id: 'D', isDirect: true },
    })
    .then(readPlain);

describe('what a reminder says and offers', () => {
  it('is titled by the next resource, reads like the next card, and keeps the streak with Done / Snooze… / Skip today', async () => {
    await run(t.bot, ana, 'done');
    expect((await tickAt(NINE))['not-needed']).toBe(1);
    await tickAt(NINE + DAY);
    const reminder = recorder.deliveries[0]!.reply;
    const next = await run(t.bot, ana, 'next');
    expect(reminder.title).toBe('⏰ Time for WebRTC: WebRTC vs WebSockets (25 min)');
    expect(reminder.url).toBe(next.url);
    expect(reminder.text).toBe(
      [
        'Article · 25 min · Phase 1, 2 of 2',
        '_Comparing WebRTC with WebSocket communication_',
        'Afterwards: Move to Phase 2',
        'Streak: **1 day** 🔥 — keep it going!',
      ].join('\n'),
    );
    expect(reminder.text).not.toContain('](');
    expect(reminder.progress).toEqual(next.progress);
    expect(reminder.progress?.map((line) => line.detail)).toEqual(['30 of 240 min done (1 of 7 resources)']);
    expect(reminder.buttons?.map((button) => button.label)).toEqual([
      'Done',
      'Snooze…',
      'Skip today',
      'Change reminder',
    ]);
  });

  it('links the resource once, from its title, and on a first day has no streak line, only the path measure', async () => {
    await tickAt(NINE);
    const reminder = recorder.deliveries[0]!.reply;
    expect(reminder.title).toBe('⏰ Time for WebRTC: WebRTC Basics (30 min)');
    expect(reminder.url).toBe('https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API');
    expect(reminder.text).toBe(
      'Article · 30 min · Phase 1, 1 of 2\n_Understanding WebRTC and its capabilities_\nAfterwards: Move to resource 2',
    );
    expect(reminder.progress?.map((line) => line.detail)).toEqual(['0 of 240 min done (0 of 7 resources)']);
  });

  it('is not sent on a day the learner already completed something', async () => {
    t.clock.set(NINE - 30 * 60_000);
    await run(t.bot, ana, 'done');
    expect((await tickAt(NINE))['not-needed']).toBe(1);
    expect(recorder.deliveries).toHaveLength(0);
    expect((await tickAt(NINE + DAY)).sent).toBe(1);
  });

  it('snooze brings one more an hour later; skip today cancels it', async () => {
    await tickAt(NINE);
    expect((await press('snooze')).text).toBe("Snoozed. I'll remind you again at **Wed 10:00 UTC**.");
    expect((await tickAt(NINE + 3_600_000)).sent).toBe(1);
    expect(recorder.deliveries).toHaveLength(2);
    await press('snooze');
    expect((await press('skip-today')).text).toBe('No problem, no more nudges today. See you at **Thu 09:00 UTC**.');
    expect((await tickAt(NINE + 2 * 3_600_000)).sent).toBe(0);
    expect(recorder.deliveries).toHaveLength(2);
  });

  it('the Done button on a reminder marks the resource', async () => {
    await tickAt(NINE);
    const done = recorder.deliveries[0]!.reply.buttons![0]!;
    expect((await press(done.action.id, done.action.value)).title).toBe('Marked done: WebRTC Basics');
  });
});

describe('bounded nudging', () => {
  it('pauses after 5 ignored reminders, says how to resume, and any interaction resumes', async () => {
    for (let day = 0; day < 8; day += 1) await tickAt(NINE + day * DAY);
    expect(recorder.deliveries).toHaveLength(5);
    expect(recorder.deliveries[3]!.reply.text).not.toContain('pause');
    expect(recorder.deliveries[4]!.reply.text).toContain(
      "I'll pause them here. Use any `/webrtc` command or press a button to resume.",
    );
    const stored = await t.store.learners.get(encodeLearnerId(learner('ana')));
    expect(stored!.paths.webrtc!.reminder).toMatchObject({ paused: true, nextAt: null, ignored: 5 });
    t.clock.set(NINE + 8 * DAY + 3_600_000);
    const back = await run(t.bot, ana, 'progress');
    expect(back.text).toContain('Welcome back! Reminders are on again: next one Fri 09:00 UTC.');
    await tickAt(NINE + 9 * DAY);
    expect(recorder.deliveries).toHaveLength(6);
  });

  it('one reaction resets the count', async () => {
    for (let day = 0; day < 4; day += 1) await tickAt(NINE + day * DAY);
    await run(t.bot, ana, 'next');
    for (let day = 4; day < 8; day += 1) await tickAt(NINE + day * DAY);
    expect(recorder.deliveries).toHaveLength(8);
  });
});

describe('failures', () => {
  it('retries a failing send without duplicating', async () => {
    let calls = 0;
    recorder.setBehaviour(() => (++calls <= 2 ? 'fail' : 'deliver'));
    expect((await tickAt(NINE)).sent).toBe(1);
    expect(calls).toBe(3);
    expect(recorder.deliveries).toHaveLength(1);
  });

  it('keeps the reminder when the platform stays down, and sends it once it is back', async () => {
    recorder.setBehaviour(() => 'fail');
    expect((await tickAt(NINE)).failed).toBe(1);
    expect((await tickAt(NINE + 60_000)).busy).toBe(1);
    recorder.setBehaviour(() => 'deliver');
    expect((await tickAt(NINE + 6 * 60_000)).sent).toBe(1);
    expect((await tickAt(NINE + 7 * 60_000)).sent).toBe(0);
    expect(recorder.deliveries).toHaveLength(1);
  });

  it('marks a learner who cannot receive DMs undeliverable, stops, and tells them once', async () => {
    recorder.setBehaviour(() => ({ status: 'undeliverable', reason: 'they do not accept direct messages' }));
    expect((await tickAt(NINE)).undeliverable).toBe(1);
    expect((await tickAt(NINE + DAY)).undeliverable + (await tickAt(NINE + DAY)).sent).toBe(0);
    const told = await run(t.bot, ana, 'next');
    expect(told.text).toContain("I couldn't send you a direct message (they do not accept direct messages)");
    expect((await run(t.bot, ana, 'next')).text).not.toContain("couldn't send you");
  });
});
