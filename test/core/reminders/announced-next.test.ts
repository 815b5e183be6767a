import { beforeEach, describe, expect, it } from 'vitest';
import { createRecordingMessenger } from '../../fakes/recording-messenger.js';
import { createTestBot, type TestBot } from '../../fakes/test-bot.js';
import { learner, press, run } from '../../fixtures/learners.js';
import { readPlain } from '../../fixtures/read-plain.js';

const DAY = 86_400_000;
const NINE = Date.UTC(2026, 10, 25, 9, 0); // Wed 25 Nov 2026 09:00 UTC
const EVENING = Date.UTC(2026, 10, 25, 20, 16);
const ana = learner('ana', 'Ana');
let t: TestBot;
let recorder: ReturnType<typeof createRecordingMessenger>;

beforeEach(async () => {
  t = await createTestBot({ now: NINE - 3_600_000, defaultTimeZone: 'UTC' });
  recorder = createRecordingMessenger(() => t.clock.now());
  t.bot.registerMessenger(recorder.messenger);
});

const tickAt = async (at: number) => {
  t.clock.set(at);
  return t.bot.reminders.tick();
};
const nextLine = (text: string | undefined) => text?.split('\n').find((line) => line.startsWith('Next reminder'));

describe('the next reminder announced is the one that comes', () => {
  it("after today's reminder went out, a new time today is announced for tomorrow, and comes then", async () => {
    await run(t.bot, ana, 'remind', { time: '09:00', zone: 'UTC' });
    expect((await tickAt(NINE)).sent).toBe(1);
    t.clock.set(NINE + 3_600_000);
    expect(nextLine((await run(t.bot, ana, 'remind', { time: '20:16', zone: 'UTC' })).text)).toBe(
      'Next reminder: **Thu 20:16 UTC**.',
    );
    expect(nextLine((await run(t.bot, ana, 'remind')).text)).toBe('Next reminder: **Thu 20:16 UTC**.');
    await tickAt(EVENING);
    expect(recorder.deliveries).toHaveLength(1);
    expect((await tickAt(EVENING + DAY)).sent).toBe(1);
  });

  it('after studying today, a reminder set for later today is announced for tomorrow', async () => {
    await run(t.bot, ana, 'done');
    expect(nextLine((await run(t.bot, ana, 'remind', { time: '20:16', zone: 'UTC' })).text)).toBe(
      'Next reminder: **Thu 20:16 UTC**.',
    );
    expect((await tickAt(EVENING)).sent).toBe(0);
    expect((await tickAt(EVENING + DAY)).sent).toBe(1);
  });

  it("studying after setting it: `remind` announces tomorrow, and today's is not sent", async () => {
    expect(nextLine((await run(t.bot, ana, 'remind', { time: '20:16', zone: 'UTC' })).text)).toBe(
      'Next reminder: **Wed 20:16 UTC**.',
    );
    t.clock.set(NINE + 3 * 3_600_000);
    await run(t.bot, ana, 'done');
    expect(nextLine((await run(t.bot, ana, 'remind')).text)).toBe('Next reminder: **Thu 20:16 UTC**.');
    expect((await tickAt(EVENING))['not-needed']).toBe(1);
    expect(recorder.deliveries).toHaveLength(0);
  });

  it('studying after setting it: the overview (Slack App Home) announces tomorrow too, and that one comes', async () => {
    await run(t.bot, ana, 'remind', { time: '20:16', zone: 'UTC' });
    const reminderField = async () =>
      readPlain(await t.bot.overview(ana, 'webrtc')).fields?.find((field) => field.name === 'Reminder')?.value;
    expect(await reminderField()).toBe('Daily at 20:16 UTC (next: Wed 20:16)');
    t.clock.set(NINE + 3 * 3_600_000);
    await run(t.bot, ana, 'done');
    expect(await reminderField()).toBe('Daily at 20:16 UTC (next: Thu 20:16)');
    expect((await tickAt(EVENING))['not-needed']).toBe(1);
    expect((await tickAt(EVENING + DAY)).sent).toBe(1);
    expect(recorder.deliveries).toHaveLength(1);
  });

  it('"Skip today" also passes over a daily reminder still to come today', async () => {
    await run(t.bot, ana, 'remind', { time: '20:16', zone: 'UTC' });
    const skipped = await press(t.bot, ana, 'skip-today');
    expect(skipped.text).toBe('No problem, no more nudges today. See you at **Thu 20:16 UTC**.');
    expect((await tickAt(EVENING)).sent).toBe(0);
    expect((await tickAt(EVENING + DAY)).sent).toBe(1);
  });
});
