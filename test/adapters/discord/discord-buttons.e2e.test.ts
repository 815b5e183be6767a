import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resourceRef } from '../../../src/model/action-id.js';
import { callbackData, componentRows } from '../../fakes/discord-payloads.js';
import { startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { GUILD_ID, buttonPress, hope, mason, slashCommand } from './interaction-payloads.js';

describe('buttons over the Discord gateway', () => {
  let h: DiscordHarness;
  const press = (customId: string, options: { user?: typeof hope; ephemeral?: boolean; inGuild?: boolean } = {}) =>
    h.send(buttonPress(h.fake.appId, { customId, botUserId: h.fake.botUserId, ephemeral: true, ...options }));

  beforeEach(async () => {
    h = await startDiscordHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it("the owner's Done edits their card to say so (no buttons left), the next card follows, and the mark is kept", async () => {
    const interaction = buttonPress(h.fake.appId, {
      customId: `p2|webrtc|d|~jVGnxVkS|${hope.id}`,
      botUserId: h.fake.botUserId,
      ephemeral: true,
    });
    const callback = await h.send(interaction);
    expect(callback.body.type).toBe(7);
    expect(callbackData(callback).flags).toBeUndefined();
    expect(callbackData(callback).allowed_mentions).toEqual({ parse: [] });
    expect(callbackData(callback).embeds?.[0]?.title).toBe('WebRTC Basics');
    // 10:00 UTC on the test clock, shown in each reader's zone.
    expect(callbackData(callback).embeds?.[0]?.description).toMatch(/^✅ Done at <t:\d+:t>$/);
    expect(callbackData(callback).components).toEqual([]);
    const next = await h.webhook(interaction, 'POST');
    const body = next.body as { embeds?: { title?: string }[]; components?: unknown[]; flags?: number };
    expect(body.flags).toBe(64);
    expect(body.embeds?.[0]?.title).toBe('Marked done: WebRTC Basics');
    expect(componentRows(body.components as never)[0]?.[0]?.custom_id).toBe(`p2|webrtc|d|~cuL4Ukdx|${hope.id}`);
    expect((await h.learner(hope.id))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('done');
  });

  it('someone else\'s press gets a private "this one isn\'t yours" and changes nothing', async () => {
    await h.send(slashCommand(h.fake.appId, { subcommand: 'next' }));
    const callback = await press(`p2|webrtc|d|~jVGnxVkS|${hope.id}`, { user: mason, ephemeral: false });
    expect(callback.body.type).toBe(4);
    expect(callbackData(callback).flags).toBe(64);
    expect(callbackData(callback).allowed_mentions).toEqual({ parse: [] });
    expect(callbackData(callback).embeds?.[0]?.description).toContain("This one isn't yours");
    // `next` only reads, so neither of them has a record: nothing was written for either.
    expect(await h.learner(hope.id)).toBeUndefined();
    expect(await h.learner(mason.id)).toBeUndefined();
  });

  it('a press on a reminder in the DM channel updates the DM and records the mark for the DM learner', async () => {
    const callback = await press(`p2|webrtc|s|~jVGnxVkS|${hope.id}`, { inGuild: false, ephemeral: false });
    expect(callback.body.type).toBe(7);
    expect((await h.learner(hope.id, 'dm'))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('skipped');
  });

  it("the owner's press on a message everyone sees answers with a new private message", async () => {
    const callback = await press(`p2|webrtc|n||${hope.id}`, { ephemeral: false });
    expect(callback.body.type).toBe(4);
    expect(callbackData(callback).flags).toBe(64);
    expect(callbackData(callback).embeds?.[0]?.title).toBe('WebRTC Basics');
  });

  it('forget: confirming deletes everything stored about the learner', async () => {
    await h.send(slashCommand(h.fake.appId, { subcommand: 'done' }));
    expect((await h.learner(hope.id))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('done');
    const callback = await press(`p2|webrtc|f||${hope.id}`);
    expect(callback.body.type).toBe(7);
    expect(callbackData(callback).embeds?.[0]?.description).toMatch(/^🗑️ Deleted everything at <t:\d+:t>$/);
    expect(await h.learner(hope.id)).toBeUndefined();
  });

  it('a button this bot did not make (or an old format) gets a private "expired" note and never reaches the core', async () => {
    const callback = await press('click_one');
    expect(callback.body.type).toBe(4);
    expect(callbackData(callback).flags).toBe(64);
    expect(callbackData(callback).embeds?.[0]?.description).toContain('This button has expired');
    expect(h.seen.presses).toEqual([]);
  });

  it('in a guild, the guild comes from Discord, never from the button', async () => {
    await press(`p2|webrtc|d|~jVGnxVkS|${hope.id}@999999999999999999`);
    expect(h.seen.presses[0]?.user.workspace).toBe('556525343595298817');
    expect(h.seen.presses[0]?.ownerId).toBe(hope.id);
    expect((await h.learner(hope.id))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('done');
    expect(await h.learner(hope.id, '999999999999999999')).toBeUndefined();
  });

  it('decodes the custom id into the press the core receives', async () => {
    await press(`p2|webrtc|d|~jVGnxVkS|${hope.id}`, { user: mason });
    expect(h.seen.presses).toEqual([
      {
        path: 'webrtc',
        actionId: 'done',
        value: '~jVGnxVkS',
        ownerId: hope.id,
        user: { platform: 'discord', workspace: '556525343595298817', id: mason.id, displayName: 'mason' },
        channel: { id: '587324906702766226', isDirect: false },
        messageId: expect.stringMatching(/^\d+$/) as string,
      },
    ]);
  });

  it('a button sent before the short format (p1, the resource id in full) still does what it said', async () => {
    const callback = await press(`p1|webrtc|done|webrtc-basics|${hope.id}`);
    expect(callback.body.type).toBe(7);
    expect(callbackData(callback).embeds?.[0]?.title).toBe('WebRTC Basics');
    expect((await h.learner(hope.id))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('done');
    const fromDm = await press(`p1|webrtc|skip|webrtc-vs-websockets|${hope.id}@${GUILD_ID}`, {
      inGuild: false,
      ephemeral: false,
    });
    expect(fromDm.body.type).toBe(7);
    expect((await h.learner(hope.id))?.paths.webrtc?.marks['webrtc-vs-websockets']?.status).toBe('skipped');
  });

  it('a Done button for a resource the path no longer has says it is from an older version, privately', async () => {
    const callback = await press(`p2|webrtc|d|${resourceRef('webrtc-history')}|${hope.id}`, { ephemeral: false });
    expect(callback.body.type).toBe(4);
    expect(callbackData(callback).flags).toBe(64);
    expect(callbackData(callback).embeds?.[0]?.description).toBe(
      'That button is from an older version of this path: the resource it was made for is gone.\nRun `/webrtc next` for your next resource.',
    );
    expect(await h.learner(hope.id)).toBeUndefined();
  });

  it('a second press on a message already answered (also from before a restart) is answered privately and changes nothing', async () => {
    const first = buttonPress(h.fake.appId, {
      customId: `p2|webrtc|s|~jVGnxVkS|${hope.id}`,
      botUserId: h.fake.botUserId,
      ephemeral: false,
      inGuild: false,
    });
    expect((await h.send(first)).body.type).toBe(7);
    const before = await h.learner(hope.id, 'dm');
    // The same message pressed again: Discord sends a new interaction for it.
    const again = buttonPress(h.fake.appId, {
      customId: `p2|webrtc|d|~jVGnxVkS|${hope.id}`,
      botUserId: h.fake.botUserId,
      ephemeral: false,
      inGuild: false,
    });
    again.payload.message = first.payload.message;
    again.payload.channel_id = first.payload.channel_id;
    again.payload.channel = first.payload.channel;
    const callback = await h.send(again);
    expect(callback.body.type).toBe(4);
    expect(callbackData(callback).flags).toBe(64);
    expect(callbackData(callback).embeds?.[0]?.description).toBe(
      'Already done: that message was answered before, so nothing changed.\n`/webrtc next` shows where you are.',
    );
    expect(await h.learner(hope.id, 'dm')).toEqual(before);
    expect(before?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('skipped');
  });
});
