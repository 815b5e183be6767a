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

const asAdmin = (args: Record<string, string>) => t.bot.handle({ path: 'webrtc', command: 'digest', args, user: admin, channel: GENERAL, isAdmin: true });

describe('the weekly channel digest', () => {
  it('is for admins only, and refused without changing anything', async () => {
    const reply = await run(t.bot, learner('ana'), 'digest', { day: 'mon', time: '09:00' });
    expect(reply).toMatchObject({ tone: 'error', text: expect.stringContaining('is for admins of this server or workspace only') });
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
    expect(post.reply.text).toBe([
      '**1.** @\u2060everyone Ana — 2 resources, 55 min',
      '**2.** Ben — 1 resource, 30 min',
      '',
      '**Finished a phase this week 🎉**',
      '- @\u2060everyone Ana — Phase 1: Foundations',
    ].join('\n'));
    t.clock.set(MONDAY_NINE_BERLIN + 7 * DAY);
    expect((await t.bot.digests.tick()).posted).toBe(1);
    expect(recorder.posts[1]!.reply.text).toMatch(/^A quiet week/);
  });

  it('can be shown and turned off', async () => {
    await asAdmin({ day: 'fri', time: '17:30' });
    expect((await asAdmin({})).text).toContain('every Fri at **17:30 Europe/Berlin**');
    expect((await asAdmin({ day: 'off' })).text).toBe('Weekly digest turned off for this channel.');
    t.clock.set(MONDAY_NINE_BERLIN + 4 * DAY + 8.5 * 3_600_000);
    expect((await t.bot.digests.tick()).posted).toBe(0);
  });
});
