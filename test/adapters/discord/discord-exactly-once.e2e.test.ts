import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AcceptedFault } from '../../fakes/fake-discord.js';
import { channelPost } from '../../fakes/fake-discord-requests.js';
import { startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { slashCommand, type Person } from './interaction-payloads.js';

/** Wed 2026-11-25 09:00 UTC: the first reminder after the harness clock for "remind 09:00 UTC". */
const WEDNESDAY_9AM = Date.UTC(2026, 10, 25, 9, 0);
/** discord.js waits this long for an answer before it gives up on the request and sends it again. */
const REST_TIMEOUT_MS = 300;
const learners: Person[] = ['810000000000000001', '810000000000000002', '810000000000000003'].map((id, index) => ({
  id,
  username: `learner${index}`,
}));

/**
 * Discord creates the message, but the bot cannot tell: the answer is late, a 500, or never comes.
 * Whatever discord.js and the reminder job then retry carries the same nonce with enforce_nonce, which
 * Discord (and the fake) answers with the message already created. Deliveries are counted per learner.
 */
describe('reminder DMs arrive exactly once when Discord accepts a message but the answer is lost', () => {
  let h: DiscordHarness;

  beforeEach(async () => {
    h = await startDiscordHarness({ restTimeoutMs: REST_TIMEOUT_MS });
    for (const user of learners)
      await h.send(slashCommand(h.fake.appId, { user, subcommand: 'remind', options: { time: '09:00', zone: 'UTC' } }));
    h.clock.set(WEDNESDAY_9AM);
  });
  afterEach(async () => {
    await h.close();
  });

  async function dmChannels(): Promise<string[]> {
    const records = await Promise.all(learners.map((user) => h.learner(user.id)));
    return records.map((record) => record?.dmAddress ?? 'none');
  }

  it.each<[string, AcceptedFault]>([
    ['answered after discord.js stopped waiting', { kind: 'late', delayMs: REST_TIMEOUT_MS * 3 }],
    ['answered with a 500', { kind: 'error-500' }],
    ['answered by a dropped connection', { kind: 'drop' }],
  ])('a message %s reaches each learner once', async (_how, fault) => {
    const channels = await dmChannels();
    h.fake.acceptThenFail(fault, channels);

    const report = await h.bot.reminders.tick();
    expect(report).toMatchObject({ sent: learners.length, failed: 0 });
    for (const channel of channels) {
      const posts = h.fake.requests.filter(channelPost(channel));
      // The first post was created and its answer lost; the bot posted again, and Discord returned the first.
      expect(posts[0]?.fault).toBe(fault.kind);
      expect(posts.length).toBeGreaterThanOrEqual(2);
      expect(new Set(posts.map((post) => post.body.nonce)).size).toBe(1);
    }
    for (const user of learners) expect(h.fake.channels.deliveriesTo(user.id)).toHaveLength(1);
    expect((await h.bot.reminders.tick()).sent).toBe(0);
  });

  it('the count per learner would show a duplicate: without the nonce honoured, a late answer means two DMs', async () => {
    h.fake.channels.honourNonces = false;
    h.fake.acceptThenFail({ kind: 'late', delayMs: REST_TIMEOUT_MS * 3 }, await dmChannels());
    await h.bot.reminders.tick();
    for (const user of learners) expect(h.fake.channels.deliveriesTo(user.id)).toHaveLength(2);
  });
});
