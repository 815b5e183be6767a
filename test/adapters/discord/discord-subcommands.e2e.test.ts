import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callbackData, componentRows } from '../../fakes/discord-payloads.js';
import { expectPrivateMessage, startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { hope, mason, slashCommand } from './interaction-payloads.js';

/** Every /webrtc subcommand the core has, through the real discord.js client and the loopback Discord. */
describe('/webrtc subcommands over the Discord gateway', () => {
  let h: DiscordHarness;
  const run = (subcommand: string, options: Record<string, string> = {}, user = hope) =>
    h.send(slashCommand(h.fake.appId, { subcommand, options, user }));

  beforeEach(async () => {
    h = await startDiscordHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('next: answers privately with the first resource and Done/Skip buttons bound to the learner', async () => {
    const callback = await run('next');
    expectPrivateMessage(callback);
    const embed = callbackData(callback).embeds?.[0];
    expect(embed?.title).toBe('WebRTC Basics');
    expect(embed?.url).toBe('https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API');
    expect(embed?.description).toBe(
      'Article · 30 min · Phase 1, 1 of 2\n_Understanding WebRTC and its capabilities_\nAfterwards: Move to resource 2\n\n**Path**\n░░░░░░░░░░ 0% · 0 of 240 min done (0 of 7 resources)',
    );
    expect(embed?.fields).toBeUndefined();
    expect(callbackData(callback).components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 3, label: 'Done', custom_id: `p2|webrtc|d|~jVGnxVkS|${hope.id}` },
          { type: 2, style: 2, label: 'Skip', custom_id: `p2|webrtc|s|~jVGnxVkS|${hope.id}` },
        ],
      },
    ]);
  });

  it('done: marks the current resource done in the store and shows what comes next', async () => {
    const callback = await run('done');
    expectPrivateMessage(callback);
    expect(callbackData(callback).embeds?.[0]?.title).toBe('Marked done: WebRTC Basics');
    expect(callbackData(callback).embeds?.[0]?.description).toMatch(/^\*\*Up next:\*\* WebRTC vs WebSockets\n/);
    const record = await h.learner(hope.id);
    expect(record?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('done');
    expect(record?.name).toBe('Hope');
  });

  it('done <resource>: marks the named resource', async () => {
    expectPrivateMessage(await run('done', { resource: 'media-streams' }));
    expect((await h.learner(hope.id))?.paths.webrtc?.marks['media-streams']?.status).toBe('done');
  });

  it('skip: marks the current resource skipped', async () => {
    expectPrivateMessage(await run('skip'));
    expect((await h.learner(hope.id))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('skipped');
  });

  it('undo: reverts the last mark', async () => {
    await run('done');
    const callback = await run('undo');
    expectPrivateMessage(callback);
    expect(callbackData(callback).embeds?.[0]?.title).toBe('Undone: WebRTC Basics is back to not started');
    expect((await h.learner(hope.id))?.paths.webrtc?.marks).toEqual({});
  });

  it('progress: shows the phases with progress bars', async () => {
    await run('done');
    const callback = await run('progress');
    expectPrivateMessage(callback);
    const embed = callbackData(callback).embeds?.[0];
    expect(embed?.title).toBe('Your WebRTC progress');
    expect(embed?.description).toContain('**Whole path**\n▓░░░░░░░░░ 13% · 30 of 240 min');
    expect(embed?.fields?.[0]).toEqual({
      name: 'Phase 1: Foundations',
      value: '✅ WebRTC Basics (30 min)\n⬜ WebRTC vs WebSockets (25 min)',
      inline: false,
    });
  });

  it('path: shows the whole path', async () => {
    const callback = await run('path');
    expectPrivateMessage(callback);
    expect(callbackData(callback).embeds?.[0]?.title).toBe('The WebRTC path — 7 resources, 240 min');
  });

  it('leaderboard: is posted in the channel, not ephemeral, and pings no one even for a name like @everyone', async () => {
    const everyone = { ...mason, nick: '@everyone' };
    await run('done', {}, everyone);
    await run('done', {}, hope);
    await run('done', {}, hope);
    const callback = await run('leaderboard');
    expect(callback.body.type).toBe(4);
    expect(callbackData(callback).flags).toBeUndefined();
    expect(callbackData(callback).allowed_mentions).toEqual({ parse: [] });
    const embed = callbackData(callback).embeds?.[0];
    expect(embed?.title).toBe('WebRTC leaderboard — all time');
    expect(embed?.description?.split('\n')).toHaveLength(2);
    expect(embed?.description).toMatch(/^🥇 Hope — 2 resources, 55 min ← you\n🥈 .*everyone.* — 1 resource, 30 min$/);
  });

  it('leaderboard hide: answers privately and hides the learner', async () => {
    expectPrivateMessage(await run('leaderboard', { scope: 'hide' }));
    expect((await h.learner(hope.id))?.hidden).toBe(true);
  });

  it('remind HH:MM zone: opens the DM channel and stores its id with the reminder', async () => {
    const callback = await run('remind', { time: '09:00', zone: 'Europe/Berlin' });
    expectPrivateMessage(callback);
    expect(callbackData(callback).embeds?.[0]?.description).toContain('**09:00 Europe/Berlin**');
    const open = await h.fake.waitForRequest((r) => r.route === '/users/@me/channels');
    expect(open.body).toEqual({ recipient_id: hope.id });
    const record = await h.learner(hope.id);
    expect(record?.paths.webrtc?.reminder).toMatchObject({ time: '09:00', zone: 'Europe/Berlin', enabled: true });
    expect(record?.dmAddress).toMatch(/^\d{17,20}$/);
  });

  it('remind: when Discord refuses the DM channel (50007) the reminder is not turned on', async () => {
    h.fake.answerNext('POST', /^\/users\/@me\/channels$/, {
      status: 403,
      body: { message: 'Cannot send messages to this user', code: 50007 },
    });
    const callback = await run('remind', { time: '09:00', zone: 'Europe/Berlin' });
    expectPrivateMessage(callback);
    expect(callbackData(callback).embeds?.[0]?.description).toContain(
      "I can't send you direct messages (discord-dms-closed)",
    );
    expect((await h.learner(hope.id))?.paths.webrtc?.reminder).toBeUndefined();
  });

  it('export: sends the learner their own data as JSON, privately', async () => {
    await run('done');
    const callback = await run('export');
    expectPrivateMessage(callback);
    expect(callbackData(callback).embeds?.[0]?.description).toContain('```json');
    expect(callbackData(callback).embeds?.[0]?.description).toContain(`"userId": "${hope.id}"`);
  });

  it('forget: asks for confirmation with buttons and deletes nothing yet', async () => {
    await run('done');
    const callback = await run('forget');
    expectPrivateMessage(callback);
    expect(componentRows(callbackData(callback).components)[0]?.map((button) => button.custom_id)).toEqual([
      `p2|webrtc|f||${hope.id}`,
      `p2|webrtc|k||${hope.id}`,
    ]);
    expect((await h.learner(hope.id))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('done');
  });

  it('help: lists the subcommands', async () => {
    const callback = await run('help');
    expectPrivateMessage(callback);
    expect(callbackData(callback).embeds?.[0]?.description).toContain('`/webrtc next` — Show your next resource');
  });

  it('a resource that autocomplete would not offer is still refused by the core, and nothing changes', async () => {
    const callback = await run('done', { resource: 'no-such-resource' });
    expectPrivateMessage(callback);
    expect(callbackData(callback).embeds?.[0]?.color).toBe(0xed4245);
    expect((await h.learner(hope.id))?.paths.webrtc?.marks ?? {}).toEqual({});
  });
});
