import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callbackData } from '../../fakes/discord-payloads.js';
import { expectPrivateMessage, startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import {
  ADMINISTRATOR_PERMISSIONS,
  CHANNEL_ID,
  GUILD_ID,
  MANAGER_PERMISSIONS,
  hope,
  mason,
  slashCommand,
} from './interaction-payloads.js';

/** What the adapter makes of an interaction before the core sees it: learner, channel, args, admin. */
describe('Discord interactions as core invocations', () => {
  let h: DiscordHarness;
  const run = (subcommand: string, options: Record<string, string> = {}, user = hope) =>
    h.send(slashCommand(h.fake.appId, { subcommand, options, user }));

  beforeEach(async () => {
    h = await startDiscordHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('hands the core the guild learner, the channel, string args and isAdmin from Manage Server', async () => {
    await run('remind', { time: '21:30', zone: 'Asia/Kathmandu' }, { ...mason, permissions: MANAGER_PERMISSIONS });
    await run('next', {}, hope);
    expect(h.seen.invocations).toEqual([
      {
        path: 'webrtc',
        command: 'remind',
        args: { time: '21:30', zone: 'Asia/Kathmandu' },
        user: { platform: 'discord', workspace: GUILD_ID, id: mason.id, displayName: 'mason' },
        channel: { id: CHANNEL_ID, isDirect: false },
        isAdmin: true,
      },
      {
        path: 'webrtc',
        command: 'next',
        args: {},
        user: { platform: 'discord', workspace: GUILD_ID, id: hope.id, displayName: 'Hope' },
        channel: { id: CHANNEL_ID, isDirect: false },
        isAdmin: false,
      },
    ]);
  });

  it('treats Administrator as Manage Server', async () => {
    await run('help', {}, { ...mason, permissions: ADMINISTRATOR_PERMISSIONS });
    expect(h.seen.invocations[0]?.isAdmin).toBe(true);
  });

  it('a command Discord still has registered but the bot no longer knows gets a private note, not the core', async () => {
    const callback = await h.send(slashCommand(h.fake.appId, { command: 'rust', subcommand: 'next' }));
    expectPrivateMessage(callback);
    expect(callbackData(callback).embeds?.[0]?.description).toContain('This command is no longer available');
    expect(h.seen.invocations).toEqual([]);
  });

  it('in a DM with the bot: a separate "dm" learner, never an admin, never on a board', async () => {
    const dm = slashCommand(h.fake.appId, { subcommand: 'done', user: hope, inGuild: false });
    expectPrivateMessage(await h.send(dm));
    expect(h.seen.invocations[0]).toMatchObject({
      user: { workspace: 'dm', id: hope.id },
      channel: { isDirect: true },
      isAdmin: false,
    });
    expect((await h.learner(hope.id, 'dm'))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('done');
    expect((await h.learner(hope.id, 'dm'))?.boards).toEqual([]);
  });
});
