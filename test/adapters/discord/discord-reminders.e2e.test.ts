import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callbackData, componentRows } from '../../fakes/discord-payloads.js';
import { channelPost } from '../../fakes/fake-discord-requests.js';
import { startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { GUILD_ID, buttonPress, hope, slashCommand } from './interaction-payloads.js';

/** Wed 2026-11-25 09:00 UTC: the first reminder after the harness clock (Tue 10:00 UTC) for "remind 09:00 UTC". */
const WEDNESDAY_9AM = Date.UTC(2026, 10, 25, 9, 0);

/** The core's reminder job sending through the Discord messenger, and the learner answering from the DM. */
describe('reminders as Discord DMs', () => {
  let h: DiscordHarness;

  beforeEach(async () => {
    h = await startDiscordHarness();
    await h.send(slashCommand(h.fake.appId, { subcommand: 'remind', options: { time: '09:00', zone: 'UTC' } }));
  });
  afterEach(async () => {
    await h.close();
  });

  async function dmAddress(): Promise<string> {
    const address = (await h.learner(hope.id))?.dmAddress;
    if (!address) throw new Error('no DM channel stored');
    return address;
  }

  it('arrives once as a DM whose buttons act for the guild learner, even though DM presses carry no guild', async () => {
    h.clock.set(WEDNESDAY_9AM);
    expect((await h.bot.reminders.tick()).sent).toBe(1);
    expect((await h.bot.reminders.tick()).sent).toBe(0);

    const [reminder, ...more] = h.fake.channelMessages.get(await dmAddress()) ?? [];
    expect(more).toEqual([]);
    expect(reminder?.flags).toBe(0);
    const post = h.fake.requests.find(channelPost());
    expect(post?.body).toMatchObject({
      allowed_mentions: { parse: [] },
      enforce_nonce: true,
      nonce: expect.any(String) as string,
    });
    const done = componentRows(reminder?.components)[0]?.find((button) => button.label === 'Done');
    expect(done?.custom_id).toBe(`p2|webrtc|d|~jVGnxVkS|${hope.id}@${GUILD_ID}`);

    const pressed = buttonPress(h.fake.appId, {
      customId: done!.custom_id!,
      inGuild: false,
      botUserId: h.fake.botUserId,
    });
    const callback = await h.send(pressed);
    // The reminder itself now says it was handled and has no buttons; the next card follows as a new message.
    expect(callback.body.type).toBe(7);
    expect(callbackData(callback).embeds?.[0]?.description).toMatch(/^✅ Done at <t:\d+:t>$/);
    expect(callbackData(callback).components).toEqual([]);
    expect((await h.learner(hope.id))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('done');
    expect(await h.learner(hope.id, 'dm')).toBeUndefined();
    const followUp = await h.webhook(pressed, 'POST');
    const nextDone = componentRows(followUp.body.components)[0]?.[0]?.custom_id;
    expect(nextDone).toBe(`p2|webrtc|d|~cuL4Ukdx|${hope.id}@${GUILD_ID}`);
  });

  it('a 429 on the DM is waited out and the reminder still arrives once', async () => {
    h.fake.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 0.1);
    h.clock.set(WEDNESDAY_9AM);
    expect((await h.bot.reminders.tick()).sent).toBe(1);
    expect(h.fake.channelMessages.get(await dmAddress())).toHaveLength(1);
  });

  it('50007 marks the learner undeliverable, stops the reminders, and the learner is told on their next command', async () => {
    h.fake.closedDms.add(hope.id);
    h.clock.set(WEDNESDAY_9AM);
    expect((await h.bot.reminders.tick()).undeliverable).toBe(1);
    const record = await h.learner(hope.id);
    expect(record?.undeliverable).toMatchObject({ reason: 'discord-dms-closed', told: false });
    expect(record?.paths.webrtc?.reminder?.nextAt).toBeNull();

    const next = await h.send(slashCommand(h.fake.appId, { subcommand: 'next' }));
    expect(callbackData(next).embeds?.[0]?.description).toContain(
      "I couldn't send you a direct message (discord-dms-closed)",
    );
  });
});
