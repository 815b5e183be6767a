import { beforeEach, describe, expect, it } from 'vitest';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import type { createRecordingMessenger } from '../fakes/recording-messenger.js';
import type { TestBot } from '../fakes/test-bot.js';
import { reminderBot, HOUR, DAY, MONDAY } from '../fixtures/reminder-bot.js';
import { learner, run, say } from '../fixtures/learners.js';
import { readPlain } from '../fixtures/read-plain.js';

const ana = learner('ana', 'Ana');
let t: TestBot;
let recorder: ReturnType<typeof createRecordingMessenger>;

beforeEach(async () => {
  ({ t, recorder } = await reminderBot(MONDAY));
  await say(t.bot, ana, 'remind 09:00 UTC mon,wed,fri');
});

/** The plan line of `progress`. */
const standing = async () =>
  (await say(t.bot, ana, 'progress')).text?.split('\n').find((line) => line.startsWith('Plan:'));

describe('a plan from the path’s own durations', () => {
  it('the seed path at 20 min on Mon, Wed, Fri from Monday 30 Nov finishes on Friday 25 Dec', async () => {
    const plan = await say(t.bot, ana, 'plan 20 min');
    expect(plan.title).toBe('Your WebRTC plan');
    expect(plan.text).toBe('**20 min** on Mon, Wed, Fri → finished on **Fri 25 Dec**.');
    expect(plan.fields).toEqual([
      {
        name: 'Coming study days',
        value: [
          'Mon 30 Nov · 20 min · WebRTC Basics',
          'Wed 2 Dec · 20 min · WebRTC Basics, WebRTC vs WebSockets',
          'Fri 4 Dec · 20 min · WebRTC vs WebSockets, WebRTC Architecture',
          'Mon 7 Dec · 20 min · WebRTC Architecture',
          'Wed 9 Dec · 20 min · WebRTC Architecture, Signaling and STUN/TURN',
          'Fri 11 Dec · 20 min · Signaling and STUN/TURN',
          '…and 6 more study days',
        ].join('\n'),
      },
    ]);
    expect(await standing()).toBe('Plan: **20 min** on Mon, Wed, Fri — **on track**, finished on **Fri 25 Dec**.');
  });

  it('`plan by` a date works out the lightest pace in steps of 5 minutes that meets it', async () => {
    const plan = await say(t.bot, ana, 'plan by 2027-01-15');
    // 21 study days to 15 Jan: 240 min needs 12 a day, so 15, which is done on the 16th study day.
    expect(plan.text).toBe('**15 min** on Mon, Wed, Fri → finished on **Mon 4 Jan 2027**. Your goal: Fri 15 Jan 2027.');
    // Three study days to Friday: 80 min each.
    expect((await say(t.bot, ana, 'plan by fri')).text).toBe(
      '**80 min** on Mon, Wed, Fri → finished on **Fri 4 Dec**.',
    );
  });

  it('a date no sane daily load meets is refused with the earliest reasonable one, changing nothing', async () => {
    await say(t.bot, ana, 'plan 20 min');
    const before = await t.store.learners.get(encodeLearnerId(ana));
    const reply = await say(t.bot, ana, 'plan by today');
    expect(reply.tone).toBe('error');
    expect(reply.text).toBe(
      'Finishing by **Mon 30 Nov** would take more than 3 hours a study day.\nThe earliest reasonable date is **Wed 2 Dec** (180 min a study day): `/webrtc plan by 2026-12-02`.',
    );
    expect(await t.store.learners.get(encodeLearnerId(ana))).toEqual(before);
  });

  it('ahead, on track and behind after marks, skips, undo and resources done out of order', async () => {
    await say(t.bot, ana, 'plan 20 min');
    t.clock.set(MONDAY + 3 * HOUR);
    await run(t.bot, ana, 'done'); // WebRTC Basics, 30 min: more than Monday's 20
    expect(await standing()).toBe(
      'Plan: **20 min** on Mon, Wed, Fri — **1 resource ahead**, finished on **Fri 25 Dec**.',
    );
    await run(t.bot, ana, 'undo');
    expect(await standing()).toBe('Plan: **20 min** on Mon, Wed, Fri — **on track**, finished on **Fri 25 Dec**.');
    await run(t.bot, ana, 'skip'); // skipped is still to do
    expect(await standing()).toBe('Plan: **20 min** on Mon, Wed, Fri — **on track**, finished on **Fri 25 Dec**.');
    t.clock.set(MONDAY + DAY + 3 * HOUR); // Tuesday: Monday's 20 minutes are missing
    expect(await standing()).toBe(
      'Plan: **20 min** on Mon, Wed, Fri — **20 min behind**, finish moves to **Mon 28 Dec**.',
    );
    await run(t.bot, ana, 'done', { resource: 'webrtc-vs-websockets' }); // out of order, on a day off
    expect(await standing()).toBe(
      'Plan: **20 min** on Mon, Wed, Fri — **1 resource ahead**, finished on **Fri 25 Dec**.',
    );
    t.clock.set(MONDAY + 3 * DAY + 3 * HOUR); // Thursday: Wednesday's 20 minutes went undone
    expect(await standing()).toBe(
      'Plan: **20 min** on Mon, Wed, Fri — **15 min behind**, finish moves to **Mon 28 Dec**.',
    );
  });

  it("the day's reminder and `progress` name what the plan holds for today", async () => {
    await say(t.bot, ana, 'plan 20 min');
    t.clock.set(MONDAY + 2 * HOUR);
    await t.bot.reminders.tick();
    expect(recorder.deliveries[0]!.reply.text).toContain("\nToday's plan: **20 min** — WebRTC Basics.");
    expect((await say(t.bot, ana, 'progress')).text).toContain(
      "— **on track**, finished on **Fri 25 Dec**.\nToday's plan: **20 min** — WebRTC Basics.",
    );
  });

  it('a pause moves the finish by the study days it takes, and the plan is still on track', async () => {
    await say(t.bot, ana, 'plan 20 min');
    const paused = await say(t.bot, ana, 'pause until 2026-12-07');
    expect(paused.text).toContain('\nYour plan now finishes on **Fri 1 Jan 2027**.');
    t.clock.set(MONDAY + 5 * DAY);
    expect(await standing()).toBe('Plan: **20 min** on Mon, Wed, Fri — **on track**, finished on **Fri 1 Jan 2027**.');
    expect((await say(t.bot, ana, 'plan')).text).toContain('Paused until **Mon 7 Dec**: the plan waits with you.');
    // Slack's App Home shows the same, and `export` holds both.
    const home = readPlain(await t.bot.overview(ana, 'webrtc'));
    expect(home.fields).toEqual([
      { name: 'Reminder', value: 'Mon, Wed, Fri at 09:00 UTC (next: Mon 09:00)' },
      {
        name: 'Plan',
        value:
          'Plan: **20 min** on Mon, Wed, Fri — **on track**, finished on **Fri 1 Jan 2027**.\nPaused until **Mon 7 Dec**: no reminders, and your streak waits.',
      },
    ]);
    const exported = JSON.parse(/```json\n([\s\S]*?)\n```/.exec((await say(t.bot, ana, 'export')).text!)![1]!) as {
      paths: Record<string, unknown>;
    };
    expect(exported.paths.webrtc).toMatchObject({
      plan: { minutesPerStudyDay: 20, firstDay: '2026-11-30', minutesOnFirstDay: 20, finishBy: null },
      pauses: [{ from: '2026-11-30', backOn: '2026-12-07' }],
    });
  });

  it("follows the learner's own day: at the same instant, Auckland is already on Tuesday", async () => {
    const kiri = learner('kiri', 'Kiri');
    t.clock.set(Date.UTC(2026, 10, 30, 12, 0)); // Tue 1 Dec, 01:00 in Auckland
    await say(t.bot, kiri, 'remind 09:00 Pacific/Auckland mon,wed,fri');
    expect((await say(t.bot, kiri, 'plan 20 min')).text).toBe(
      '**20 min** on Mon, Wed, Fri → finished on **Mon 28 Dec**.',
    );
  });

  it('`plan off` drops it; bare `plan` explains how to make one', async () => {
    expect((await say(t.bot, ana, 'plan')).text).toBe(
      'You have no study plan yet. `/webrtc plan by 2027-01-15` works out the minutes a study day for a finish date; `/webrtc plan 20 min` sets them.',
    );
    await say(t.bot, ana, 'plan 20 min');
    expect((await say(t.bot, ana, 'plan off')).text).toBe(
      'Your plan is off. `/webrtc plan by 2027-01-15` makes a new one.',
    );
    expect(await standing()).toBeUndefined();
  });
});
