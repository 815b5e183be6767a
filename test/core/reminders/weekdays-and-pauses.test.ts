import { beforeEach, describe, expect, it } from 'vitest';
import { localDate, wallClock } from '../../../src/reminders/zoned-time.js';
import type { createRecordingMessenger } from '../../fakes/recording-messenger.js';
import type { TestBot } from '../../fakes/test-bot.js';
import { reminderBot, tickUntil, HOUR, DAY, MONDAY } from '../../fixtures/reminder-bot.js';
import { learner, run, say } from '../../fixtures/learners.js';

const ana = learner('ana', 'Ana');
let t: TestBot;
let recorder: ReturnType<typeof createRecordingMessenger>;

beforeEach(async () => {
  ({ t, recorder } = await reminderBot(MONDAY));
});

const sentOn = (zone: string) =>
  recorder.deliveries.map((entry) => {
    const wall = wallClock(zone, entry.at);
    return `${localDate(zone, entry.at)} ${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
  });

describe('reminder weekdays', () => {
  it('`remind 09:00 Europe/Berlin mon,wed,fri` comes on those days only, and `remind` says which', async () => {
    const set = await say(t.bot, ana, 'remind 09:00 Europe/Berlin mon,wed,fri');
    expect(set.title).toBe('Reminder set');
    expect(set.text).toBe(
      [
        "I'll remind you on Mon, Wed, Fri at **09:00 Europe/Berlin** with your next resource.",
        'Next reminder: **Mon 09:00 Europe/Berlin**.',
        'Streak nudge: **21:00** on a study day your streak is at risk (`/webrtc remind nudge off` stops it).',
      ].join('\n'),
    );
    expect((await say(t.bot, ana, 'remind')).text?.split('\n')[0]).toBe(
      'Your reminder: **09:00 Europe/Berlin** on **Mon, Wed, Fri**.',
    );
    await tickUntil({ t, recorder }, MONDAY + 14 * DAY, ana);
    expect(sentOn('Europe/Berlin')).toEqual([
      '2026-11-30 09:00',
      '2026-12-02 09:00',
      '2026-12-04 09:00',
      '2026-12-07 09:00',
      '2026-12-09 09:00',
      '2026-12-11 09:00',
    ]);
  });

  it.each([
    ['weekdays', 'weekdays'],
    ['weekends', 'weekends'],
    ['daily', 'every day'],
    ['every day', 'every day'],
    ['Mon Wed Fri', 'Mon, Wed, Fri'],
    ['MONDAY,wednesday, Fridays', 'Mon, Wed, Fri'],
    ['mon-fri', 'weekdays'],
    ['fri-mon', 'Mon, Fri, Sat, Sun'],
    ['tues,thurs', 'Tue, Thu'],
  ])('reads "%s" as %s', async (typed, shown) => {
    const reply = await say(t.bot, ana, `remind 9 am Europe/Berlin ${typed}`);
    expect(reply.tone).toBe('success');
    expect(reply.text?.split('\n')[0]).toBe(
      `I'll remind you ${shown === 'every day' ? shown : `on ${shown}`} at **09:00 Europe/Berlin** with your next resource.`,
    );
  });

  it('days alone keep the time, a time alone keeps the days, and `daily` brings every day back', async () => {
    await say(t.bot, ana, 'remind 09:00 Europe/Berlin');
    expect((await say(t.bot, ana, 'remind mon,wed,fri')).text?.split('\n')[0]).toBe(
      "I'll remind you on Mon, Wed, Fri at **09:00 Europe/Berlin** with your next resource.",
    );
    expect((await say(t.bot, ana, 'remind 18:30')).text?.split('\n')[0]).toBe(
      "I'll remind you on Mon, Wed, Fri at **18:30 Europe/Berlin** with your next resource.",
    );
    expect((await say(t.bot, ana, 'remind daily')).text?.split('\n')[0]).toBe(
      "I'll remind you every day at **18:30 Europe/Berlin** with your next resource.",
    );
  });

  it("after studying on a Monday, the next reminder shown is Wednesday's, and that one comes", async () => {
    await say(t.bot, ana, 'remind 20:00 Europe/Berlin mon,wed,fri');
    await run(t.bot, ana, 'done');
    expect((await say(t.bot, ana, 'remind')).text?.split('\n')[1]).toBe('Next reminder: **Wed 20:00 Europe/Berlin**.');
    await tickUntil({ t, recorder }, MONDAY + 3 * DAY, ana);
    expect(sentOn('Europe/Berlin')).toEqual(['2026-12-02 20:00']);
  });

  it('days need a time the first time', async () => {
    const reply = await say(t.bot, ana, 'remind mon,wed,fri');
    expect(reply.tone).toBe('error');
    expect(reply.text).toBe('Which time?\nFor example `/webrtc remind 09:00 mon,wed,fri`.');
  });
});

describe('pause and resume', () => {
  it('`pause until` a date: nothing before it, `remind` and `progress` say so, and reminders come back that day', async () => {
    await say(t.bot, ana, 'remind 09:00 Europe/Berlin');
    const paused = await say(t.bot, ana, 'pause until 2026-12-07');
    expect(paused.title).toBe('Paused until Mon 7 Dec');
    expect(paused.text).toBe(
      [
        'No reminders or nudges before then, and your streak waits for you.',
        'Next reminder: **Mon 7 Dec 09:00 Europe/Berlin**.',
      ].join('\n'),
    );
    expect(paused.footer).toBe('/webrtc resume ends the pause early.');
    expect((await say(t.bot, ana, 'remind')).text).toContain(
      'Next reminder: **Mon 7 Dec 09:00 Europe/Berlin**.\nStreak nudge: **21:00** on a study day your streak is at risk (`/webrtc remind nudge off` stops it).\nPaused until **Mon 7 Dec**: no reminders or nudges before then. `/webrtc resume` ends it early.',
    );
    expect((await say(t.bot, ana, 'progress')).text).toContain(
      '\nPaused until **Mon 7 Dec**: no reminders, and your streak waits.',
    );
    await tickUntil({ t, recorder }, MONDAY + 8 * DAY + 2 * HOUR, ana);
    expect(sentOn('Europe/Berlin')).toEqual(['2026-12-07 09:00', '2026-12-08 09:00']);
  });

  it('`pause 1w` is back on the same weekday; `resume` ends it and today’s reminder still comes', async () => {
    await say(t.bot, ana, 'remind 09:00 Europe/Berlin');
    expect((await say(t.bot, ana, 'pause 1w')).title).toBe('Paused until Mon 7 Dec');
    expect((await say(t.bot, ana, 'pause')).text).toBe('Paused until **Mon 7 Dec**. `/webrtc resume` ends it early.');
    const back = await say(t.bot, ana, 'resume');
    expect(back.title).toBe('Welcome back!');
    expect(back.text).toBe('Your pause is over.\nNext reminder: **Mon 09:00 Europe/Berlin**.');
    expect((await say(t.bot, ana, 'resume')).text).toBe("You're not paused. `/webrtc pause 1w` takes a week off.");
    await tickUntil({ t, recorder }, MONDAY + 2 * HOUR, ana);
    expect(sentOn('Europe/Berlin')).toEqual(['2026-11-30 09:00']);
  });

  it('a pause set after the day began drops the snooze asked for today', async () => {
    await say(t.bot, ana, 'remind 09:00 Europe/Berlin');
    await tickUntil({ t, recorder }, MONDAY + 2 * HOUR, ana);
    await say(t.bot, ana, 'snooze this evening');
    await say(t.bot, ana, 'pause until wednesday');
    await tickUntil({ t, recorder }, MONDAY + 2 * DAY + 3 * HOUR, ana);
    expect(sentOn('Europe/Berlin')).toEqual(['2026-11-30 09:00', '2026-12-02 09:00']);
  });

  it('the streak is frozen over a pause, never broken by it, and days off never break it either', async () => {
    const ben = learner('ben', 'Ben');
    const cai = learner('cai', 'Cai');
    await say(t.bot, cai, 'remind 09:00 UTC mon,wed,fri');
    const studyOn = async (day: number, who: (typeof ana)[]) => {
      t.clock.set(MONDAY + day * DAY + 3 * HOUR);
      for (const person of who) await run(t.bot, person, 'done');
    };
    const streakOn = async (day: number, who: typeof ana) => {
      t.clock.set(MONDAY + day * DAY + 4 * HOUR);
      return /Streak: \*\*(\d+) days?\*\*/.exec((await run(t.bot, who, 'progress')).text!)?.[1];
    };
    // Ana and Ben study on Monday and Tuesday; Ana is away from Wednesday to Friday, Ben just stops.
    await studyOn(0, [ana, ben, cai]);
    await studyOn(1, [ana, ben]);
    t.clock.set(MONDAY + 2 * DAY);
    await say(t.bot, ana, 'pause until 2026-12-05');
    // Cai studies on Mondays, Wednesdays and Fridays only.
    await studyOn(2, [cai]);
    await studyOn(4, [cai]);
    expect(await streakOn(5, ana)).toBe('2');
    expect(await streakOn(5, ben)).toBe('0');
    expect(await streakOn(6, cai)).toBe('3');
    expect(await streakOn(7, cai)).toBe('3');
  });
});
