import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callbackData } from '../../fakes/discord-payloads.js';
import { dmOpen } from '../../fakes/fake-discord-requests.js';
import { expectPrivateMessage, startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { FOREIGN_GUILD_ID, GUILD_ID, hope, MANAGER_PERMISSIONS, slashCommand } from './interaction-payloads.js';

/** Everything a private answer shows: its embeds' titles, descriptions and fields. */
const shown = (callback: Awaited<ReturnType<DiscordHarness['send']>>) => JSON.stringify(callbackData(callback).embeds);

/**
 * A learner who added the app to their own account (a user install) uses `/webrtc` where the app is not
 * installed: a server without it, a DM between people. Payloads as Discord documents them: no guild install
 * among `authorizing_integration_owners`, `context` 0 or 2, no `guild_id` in a DM.
 */
describe('Discord user install through the real discord.js client', () => {
  let h: DiscordHarness;
  const inForeignGuild = (subcommand: string, options: Record<string, string> = {}) =>
    h.send(
      slashCommand(h.fake.appId, {
        subcommand,
        options,
        guildId: FOREIGN_GUILD_ID,
        install: 'user',
        user: { ...hope, permissions: MANAGER_PERMISSIONS },
      }),
    );
  const inPrivateChannel = (subcommand: string, options: Record<string, string> = {}) =>
    h.send(slashCommand(h.fake.appId, { subcommand, options, inGuild: false, install: 'user' }));

  beforeEach(async () => {
    h = await startDiscordHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('next, done and progress in a foreign server and in a DM between people are one personal learner', async () => {
    const next = await inForeignGuild('next');
    expectPrivateMessage(next);
    expect(shown(next)).toContain('WebRTC Basics');
    const done = await inPrivateChannel('done');
    expect(shown(done)).toContain('Marked done: WebRTC Basics');
    expect(shown(await inForeignGuild('progress'))).toContain('✅ WebRTC Basics');
    expect((await h.learner(hope.id, 'dm'))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('done');
    // The server-installed guild keeps its own learner, and the foreign server gets none.
    expect(await h.learner(hope.id, GUILD_ID)).toBeUndefined();
    expect(await h.learner(hope.id, FOREIGN_GUILD_ID)).toBeUndefined();
    expect(h.seen.invocations.map((invocation) => [invocation.channel.isDirect, invocation.isAdmin])).toEqual([
      [true, false],
      [true, false],
      [true, false],
    ]);
  });

  it('remind in a foreign server opens a DM with the bot for the reminders and sets them', async () => {
    const answer = await inForeignGuild('remind', { time: '09:00', zone: 'Europe/Berlin' });
    expect(shown(answer)).toContain('Reminder set');
    const opened = await h.fake.waitForRequest(dmOpen);
    expect(opened.body).toEqual({ recipient_id: hope.id });
    const record = await h.learner(hope.id, 'dm');
    expect(record?.paths.webrtc?.reminder).toMatchObject({ time: '09:00', zone: 'Europe/Berlin', enabled: true });
    expect(record?.dmAddress).toBeDefined();
    expect(shown(await inPrivateChannel('remind', { time: 'off' }))).toContain('Reminders are off');
  });

  it('leaderboards stay in servers the app is installed in', async () => {
    const answer = await inForeignGuild('leaderboard');
    expect(shown(answer)).toContain('Leaderboards belong to channels.');
  });
});
