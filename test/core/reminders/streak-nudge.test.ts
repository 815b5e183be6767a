import { beforeEach, describe, expect, it } from 'vitest';
import type { createRecordingMessenger } from '../../fakes/recording-messenger.js';
import type { TestBot } from '../../fakes/test-bot.js';
import { reminderBot, tickUntil, HOUR, DAY, MONDAY } from '../../fixtures/reminder-bot.js';
import { learner, press, run, say } from '../../fixtures/learners.js';

const ana = learner('ana', 'Ana');
let t: TestBot;
let recorder: ReturnType<typeof createRecordingMessenger>;

beforeEach(async () => {
  ({ t, recorder } = await reminderBot(MONDAY));
});

/** Marks the current resource done at 10:00 UTC on day `day` (0 = Monday). */
async function studyOn(day: number): Promise<void> {
  await tickUntil({ t, recorder }, MONDAY + day * DAY + 3 * HOUR, ana);
  await run(t.bot, ana, 'done');
}

const nudges = () =>
  recorder.deliveries
    .filter((entry) => entry.reply.title?.startsWith('🔥'))
    .map((entry) => new Date(entry.at).toISOString());

describe('the evening nudge before a streak breaks', () => {
  beforeEach(async () => {
    await say(t.bot, ana, 'remind 09:00 UTC');
  });

  it('comes once, at 21:00, on a day with a streak of 2 and nothing done, and names what saves it', async () => {
    await studyOn(0);
    await studyOn(1);
    await tickUntil({ t, recorder }, MONDAY + 3 * DAY + 17 * HOUR, ana);
    // Wednesday's nudge, and none on Thursday: the streak was already gone by then.
    expect(nudges()).toEqual(['2026-12-02T21:00:00.000Z']);
    const nudge = recorder.deliveries.find((entry) => entry.reply.title?.startsWith('🔥'))!;
    expect(nudge.reply.title).toBe('🔥 Your 2-day WebRTC streak ends at midnight');
    expect(nudge.reply.text).toBe('**WebRTC Architecture** takes 35 min, or finish any one resource today to keep it.');
    expect(nudge.reply.buttons?.map((button) => button.label)).toEqual(['Done']);
    // A nudge is no unanswered reminder: Wednesday's and Thursday's reminders came as usual.
    expect(recorder.deliveries.map((entry) => new Date(entry.at).toISOString())).toEqual([
      '2026-11-30T09:00:00.000Z',
      '2026-12-01T09:00:00.000Z',
      '2026-12-02T09:00:00.000Z',
      '2026-12-02T21:00:00.000Z',
      '2026-12-03T09:00:00.000Z',
    ]);
  });

  it('does not come on a day something was done, after Skip today, or with a streak of one day', async () => {
    await studyOn(0);
    await studyOn(1);
    await studyOn(2); // Wednesday: studied, no nudge
    await tickUntil({ t, recorder }, MONDAY + 3 * DAY + 3 * HOUR, ana);
    await press(t.bot, ana, 'skip-today'); // Thursday: no more today
    await tickUntil({ t, recorder }, MONDAY + 4 * DAY, ana);
    expect(nudges()).toEqual([]);
    await studyOn(5); // Saturday after a Friday with nothing: a streak of 1
    await tickUntil({ t, recorder }, MONDAY + 7 * DAY, ana);
    expect(nudges()).toEqual([]);
  });

  it('does not come on a day off or a paused day, and the frozen streak is still saved after', async () => {
    await say(t.bot, ana, 'remind mon,wed,fri');
    await studyOn(0);
    await studyOn(2);
    // Thursday is a day off; on Friday, nothing done: the nudge comes.
    await tickUntil({ t, recorder }, MONDAY + 5 * DAY, ana);
    expect(nudges()).toEqual(['2026-12-04T21:00:00.000Z']);
    await studyOn(7);
    await studyOn(9);
    t.clock.set(MONDAY + 9 * DAY + 4 * HOUR);
    await say(t.bot, ana, 'pause until 2026-12-14'); // Wed 9 Dec: away for Friday
    await tickUntil({ t, recorder }, MONDAY + 15 * DAY, ana);
    // Back on Monday 14 Dec, the streak of Mon 7 and Wed 9 Dec waited over the pause: that evening's nudge says so.
    expect(nudges()).toEqual(['2026-12-04T21:00:00.000Z', '2026-12-14T21:00:00.000Z']);
    expect(recorder.deliveries.at(-1)?.reply.title).toBe('🔥 Your 2-day WebRTC streak ends at midnight');
  });

  it('after downtime it is caught up the same evening, never once midnight has passed', async () => {
    await say(t.bot, ana, 'remind nudge 23:00');
    await studyOn(0);
    await studyOn(1);
    await tickUntil({ t, recorder }, MONDAY + 2 * DAY + 15 * HOUR, ana); // Wed 22:00, then the bot is down until after midnight
    t.clock.set(MONDAY + 2 * DAY + 17 * HOUR + 15 * 60_000);
    expect((await t.bot.reminders.catchUp())['not-needed']).toBe(1);
    expect(nudges()).toEqual([]);
    await studyOn(3);
    await studyOn(4);
    await tickUntil({ t, recorder }, MONDAY + 5 * DAY + 15 * HOUR, ana); // Sat 22:00, down for an hour and a half
    t.clock.set(MONDAY + 5 * DAY + 16 * HOUR + 30 * 60_000);
    await t.bot.reminders.catchUp();
    expect(nudges()).toEqual(['2026-12-05T23:30:00.000Z']);
  });

  it('`remind nudge off` stops it, `remind nudge 20:00` moves it, and a late reminder needs none', async () => {
    expect((await say(t.bot, ana, 'remind nudge off')).text).toBe(
      'No more streak nudges. `/webrtc remind nudge on` brings them back.',
    );
    await studyOn(0);
    await studyOn(1);
    await tickUntil({ t, recorder }, MONDAY + 3 * DAY, ana);
    expect(nudges()).toEqual([]);
    expect((await say(t.bot, ana, 'remind nudge 8pm')).text).toBe(
      'Streak nudge: **20:00** on a study day your streak is at risk (`/webrtc remind nudge off` stops it).',
    );
    await studyOn(3);
    await studyOn(4);
    await tickUntil({ t, recorder }, MONDAY + 6 * DAY, ana);
    expect(nudges()).toEqual(['2026-12-05T20:00:00.000Z']);
    await say(t.bot, ana, 'remind 19:30');
    expect((await say(t.bot, ana, 'remind')).text).toContain(
      'Streak nudge: none needed, your reminder comes late enough in the day.',
    );
  });
});
