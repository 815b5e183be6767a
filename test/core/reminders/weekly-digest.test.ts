import { beforeEach, describe, expect, it } from 'vitest';
import { createRecordingMessenger } from '../../fakes/recording-messenger.js';
import { createTestBot, type TestBot } from '../../fakes/test-bot.js';
import { GENERAL, learner, run } from '../../fixtures/learners.js';

const MONDAY_NINE_BERLIN = Date.UTC(2026, 10, 30, 8, 0); // Mon 30 Nov 2026 09:00 Europe/Berlin
const DAY = 86_400_000;
const admin = learner('boss', 'Boss');
let t: TestBot;
let recorder: ReturnType<typeof createRecordingMessenger>;

beforeEach(async () => {
  t = await createTestBot({ now: MONDAY_NINE_BERLIN - 5 * DAY, defaultTimeZone: 'Europe/Berlin' });
  recorder = createRecordingMessenger(() => t.clock.now());
  t.bot.registerMessenger(recorder.messenger);
});

const asAdmin = (args: Record<string, string>) =>
  t.bot.handle({ path: 'webrtc', command: 'digest', args, user: admin, channel: GENERAL, isAdmin: true });

describe('the weekly channel digest', () => {
  it('is for admins only, and refused without changing anything', async () => {
    const reply = await run(t.bot, learner('ana'), 'digest', { day: 'mon', time: '09:00' });
    expect(reply).toMatchObject({
      tone: 'error',
      text: expect.stringContaining('is for admins of this server or workspace only') as string,
    });
    expect(await t.store.records.get('digest:console:test:C-general:webrtc')).toBeUndefined();
  });

  it('posts the week in review once, at the community time, and again the next week', async () => {
    const set = await asAdmin({ day: 'MON', time: '9am' });
    expect(set.text).toContain('Weekly digest on: every Mon at **09:00 Europe/Berlin**');
    await run(t.bot, learner('ana', '@everyone Ana'), 'done');
    await run(t.bot, learner('ana', '@everyone Ana'), 'done');
    await run(t.bot, learner('ben', 'Ben'), 'done');
    t.clock.set(MONDAY_NINE_BERLIN - 60_000);
    expect((await t.bot.digests.tick()).posted).toBe(0);
    t.clock.set(MONDAY_NINE_BERLIN);
    const [first, second] = await Promise.all([t.bot.digests.tick(), t.bot.digests.tick()]);
    expect(first.posted + second.posted).toBe(1);
    expect((await t.bot.digests.tick()).posted).toBe(0);
    expect(recorder.posts).toHaveLength(1);
    const post = recorder.posts[0]!;
    expect(post.to).toBe('C-general');
    expect(post.reply.visibility).toBe('public');
    expect(post.reply.text).toBe(
      [
        '**1.** @\u2060everyone Ana — 2 resources, 55 min',
        '**2.** Ben — 1 resource, 30 min',
        '',
        '**Finished a phase this week 🎉**',
        '- @\u2060everyone Ana — Phase 1: Foundations',
      ].join('\n'),
    );
    t.clock.set(MONDAY_NINE_BERLIN + 7 * DAY);
    expect((await t.bot.digests.tick()).posted).toBe(1);
    expect(recorder.posts[1]!.reply.text).toMatch(/^A quiet week/);
  });

  it.each([
    [{ day: 'monday', time: '9am' }, 'every Mon at **09:00 Europe/Berlin**'],
    [{ day: 'Friday', time: '5:30 pm' }, 'every Fri at **17:30 Europe/Berlin**'],
    [{ day: 'tues', time: '18:00' }, 'every Tue at **18:00 Europe/Berlin**'],
    [{ day: '9am', time: 'sundays' }, 'every Sun at **09:00 Europe/Berlin**'],
    [{ day: 'mon', time: 'noon' }, 'every Mon at **12:00 Europe/Berlin**'],
  ])('reads day names and the times remind reads: %j', async (args, expected) => {
    expect((await asAdmin(args)).text).toContain(`Weekly digest on: ${expected} in this channel.`);
  });

  it('explains a day or time it cannot read', async () => {
    expect((await asAdmin({ day: 'funday', time: '9am' })).text).toBe(
      '"funday" isn\'t a day of the week I know.\nName a day and a time, like `/webrtc digest monday 9am` or `/webrtc digest fri 17:30`.',
    );
    expect((await asAdmin({ day: 't', time: '9am' })).text).toContain('"t" isn\'t a day of the week I know.');
    expect((await asAdmin({ day: 'monday' })).text).toBe('Which time?\nFor example `/webrtc digest monday 9am`.');
    expect((await asAdmin({ day: 'monday', time: '25:00' })).text).toContain(
      '"25:00" isn\'t a time of day I can read.',
    );
  });

  it('is listed in help under "For admins" without saying "Admins" again', async () => {
    const help = (await run(t.bot, learner('ana'), 'help')).text!;
    expect(help).toContain(
      "digest [day time | off]` — Post this channel's weekly leaderboard on a day and time (or off)",
    );
    expect(help).not.toContain('Admins:');
  });

  it('can be shown and turned off', async () => {
    await asAdmin({ day: 'fri', time: '17:30' });
    expect((await asAdmin({})).text).toContain('every Fri at **17:30 Europe/Berlin**');
    expect((await asAdmin({ day: 'off' })).text).toBe('Weekly digest turned off for this channel.');
    t.clock.set(MONDAY_NINE_BERLIN + 4 * DAY + 8.5 * 3_600_000);
    expect((await t.bot.digests.tick()).posted).toBe(0);
  });
});
