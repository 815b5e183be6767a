import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callbackData } from '../../fakes/discord-payloads.js';
import { encodeBoardId } from '../../../src/model/board-id.js';
import { startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { CHANNEL_ID, GUILD_ID, MANAGER_PERMISSIONS, mason, slashCommand } from './interaction-payloads.js';

/** Admin-only subcommands live under /webrtc-admin; Discord hides it by default, the core checks Manage Server anyway. */
describe('/webrtc-admin over the Discord gateway', () => {
  let h: DiscordHarness;
  const board = encodeBoardId({ platform: 'discord', workspace: GUILD_ID, channel: CHANNEL_ID, path: 'webrtc' });
  const digest = (permissions?: string) =>
    h.send(
      slashCommand(h.fake.appId, {
        command: 'webrtc-admin',
        subcommand: 'digest',
        options: { day: 'mon', time: '09:00' },
        user: { ...mason, permissions },
      }),
    );

  beforeEach(async () => {
    h = await startDiscordHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('reaches the core as the path "webrtc" and is refused without Manage Server, even if Discord showed it', async () => {
    const callback = await digest();
    expect(callbackData(callback).flags).toBe(64);
    expect(callbackData(callback).embeds?.[0]?.color).toBe(0xed4245);
    expect(h.seen.invocations[0]).toMatchObject({
      path: 'webrtc',
      command: 'digest',
      args: { day: 'mon', time: '09:00' },
      isAdmin: false,
    });
    expect(await h.store.digests.get(board)).toBeUndefined();
  });

  it('is carried out for a member with Manage Server', async () => {
    const callback = await digest(MANAGER_PERMISSIONS);
    expect(callbackData(callback).flags).toBe(64);
    expect(callbackData(callback).embeds?.[0]?.color).toBe(0x57f287);
    expect(callbackData(callback).embeds?.[0]?.description).toContain('Weekly digest on');
    expect(h.seen.invocations[0]).toMatchObject({ path: 'webrtc', command: 'digest', isAdmin: true });
    expect(await h.store.digests.get(board)).toMatchObject({
      platform: 'discord',
      workspace: GUILD_ID,
      channelId: CHANNEL_ID,
      weekday: 1,
      time: '09:00',
    });
  });

  it("the core's digest job posts the weekly leaderboard in the channel once, pinging no one", async () => {
    await h.send(slashCommand(h.fake.appId, { subcommand: 'done', user: mason }));
    await digest(MANAGER_PERMISSIONS);
    h.fake.channels.textChannels.add(CHANNEL_ID);
    h.clock.set(Date.UTC(2026, 10, 30, 9, 0)); // the next Monday 09:00 (DEFAULT_TIME_ZONE is UTC in tests)
    expect((await h.bot.digests.tick()).posted).toBe(1);
    expect((await h.bot.digests.tick()).posted).toBe(0);

    const [post, ...more] = h.fake.channelMessages.get(CHANNEL_ID) ?? [];
    expect(more).toEqual([]);
    expect(post?.components).toEqual([]);
    expect(post?.flags).toBe(0);
    expect(post?.embeds[0]?.description).toContain('mason');
    const request = h.fake.requests.find((r) => r.route === `/channels/${CHANNEL_ID}/messages`);
    expect(request?.body).toMatchObject({ allowed_mentions: { parse: [] }, enforce_nonce: true });
  });
});
