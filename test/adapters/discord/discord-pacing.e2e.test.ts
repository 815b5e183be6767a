import { afterEach, describe, expect, it } from 'vitest';
import { callbackData } from '../../fakes/discord-payloads.js';
import type { UserRef } from '../../../src/model/invocation.js';
import { startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { GUILD_ID, slashCommand } from './interaction-payloads.js';
import { eventually } from '../../support/eventually.js';

/** Sends at 30/s are about 33 ms apart: even with answers 100 ms slow, no more than this are in flight at once. */
const MAX_SENDS_ON_THE_WIRE = 4;

describe('pacing proactive sends', () => {
  let h: DiscordHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it(
    "set above Discord's global limit, it backs off at the first 429 of a second and every DM still goes out once",
    { timeout: 20_000 },
    async () => {
      h = await startDiscordHarness({ sendsPerSecond: 30 });
      const harness = h;
      const limit = harness.fake.limitGlobally(10);
      const learners = Array.from({ length: 35 }, (_, index) => {
        const user: UserRef = {
          platform: 'discord',
          workspace: GUILD_ID,
          id: String(710_000_000_000_000_000n + BigInt(index)),
        };
        return { user, address: (harness.fake.channels.open(user.id).body as { id: string }).id };
      });
      const reminder = { visibility: 'private' as const, title: 'Time for WebRTC', text: 'Next: **WebRTC Basics**' };
      const results = await Promise.all(
        learners.map((target, index) => harness.adapter.messenger.send(target, reminder, `paced-${index}`)),
      );
      expect(results.every((result) => result.status === 'sent')).toBe(true);
      expect(limit.refusals.length).toBeGreaterThan(0);
      // At the first 429 of a second the sender waits (discord.js's global wait and the budget's pause); the few
      // sends already on the wire by then are refused too, more of them on a busy machine where answers are slow.
      expect(limit.maxRefusalsPerWindow()).toBeLessThanOrEqual(MAX_SENDS_ON_THE_WIRE);
      expect(learners.map(({ address }) => harness.fake.channelMessages.get(address)?.length)).toEqual(
        learners.map(() => 1),
      );
    },
  );

  it('a batch of DMs with 429s and closed DMs goes out once each, while a slash command is answered at once', async () => {
    h = await startDiscordHarness({ sendsPerSecond: 30 });
    const harness = h;
    const learners: UserRef[] = Array.from({ length: 30 }, (_, index) => ({
      platform: 'discord',
      workspace: GUILD_ID,
      id: String(700_000_000_000_000_000n + BigInt(index)),
    }));
    for (const learner of learners.slice(0, 3)) harness.fake.closedDms.add(learner.id);
    harness.fake.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 0.1);

    const reminder = { visibility: 'private' as const, title: 'Time for WebRTC', text: 'Next: **WebRTC Basics**' };
    const started = Date.now();
    let batchDone = false;
    const batch = Promise.all(
      learners.map((user, index) => harness.adapter.messenger.send({ user }, reminder, `reminder-${index}`)),
    ).finally(() => (batchDone = true));

    await eventually(() => expect(harness.fake.channelMessages.size).toBeGreaterThan(0)); // the batch is under way
    const answer = await harness.send(slashCommand(harness.fake.appId, { subcommand: 'next' }));
    expect(callbackData(answer).embeds?.[0]?.title).toBe('WebRTC Basics');
    // Answered while the paced batch was still going: the command did not queue behind it.
    expect(batchDone).toBe(false);
    expect([...harness.fake.channelMessages.values()].flat().length).toBeLessThan(27);

    const results = await batch;
    // 30 opens and 30 posts at 30 per second.
    expect(Date.now() - started).toBeGreaterThanOrEqual((60 - 1) * (1000 / 30) - 20);
    expect(results.filter((result) => result.status === 'sent')).toHaveLength(27);
    expect(results.slice(0, 3)).toEqual(Array(3).fill({ status: 'undeliverable', reason: 'discord-dms-closed' }));
    const delivered = [...harness.fake.channelMessages.values()];
    expect(delivered).toHaveLength(27);
    expect(delivered.every((messages) => messages.length === 1)).toBe(true);
  });
});
