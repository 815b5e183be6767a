import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSlashCommands } from '../../../adapters/discord/build-slash-commands.js';
import { deploySlashCommands } from '../../../adapters/discord/deploy-slash-commands.js';
import { FakeDiscord } from '../../fakes/fake-discord.js';
import { commandsPut } from '../../fakes/fake-discord-requests.js';
import { createTestBot } from '../../fakes/test-bot.js';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../../..');
const GUILD = '556525343595298817';

describe('deploying the slash commands', () => {
  let fake: FakeDiscord;
  let rest: REST;

  beforeEach(async () => {
    fake = await FakeDiscord.start();
    rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
  });
  afterEach(async () => {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    await fake.close();
  });

  it('overwrites the guild commands when a guild is given', async () => {
    const { bot, store } = await createTestBot();
    const result = await deploySlashCommands({ rest, appId: fake.appId, guildId: GUILD, paths: bot.paths });
    await store.close();

    expect(result).toEqual({ scope: 'guild', names: ['webrtc', 'webrtc-admin'] });
    const put = fake.requests.find(commandsPut);
    expect(put?.route).toBe(`/applications/${fake.appId}/guilds/${GUILD}/commands`);
    expect(put?.authorization).toBe(`Bot ${fake.token}`);
    expect(put?.body).toEqual(buildSlashCommands(bot.paths));
    const learnerCommands = bot.paths[0]!.commands.filter((command) => !command.adminOnly).map(
      (command) => command.name,
    );
    expect(learnerCommands).toEqual(
      expect.arrayContaining([
        'next',
        'done',
        'skip',
        'undo',
        'progress',
        'path',
        'leaderboard',
        'remind',
        'export',
        'forget',
        'help',
      ]),
    );
    const webrtc = put?.body[0];
    const optionNames = webrtc && 'options' in webrtc ? webrtc.options?.map((option) => option.name) : undefined;
    expect(optionNames).toEqual(learnerCommands);
    expect(put?.body[1]).toMatchObject({ name: 'webrtc-admin', default_member_permissions: '32', contexts: [0] });
  });

  it('overwrites the global commands otherwise', async () => {
    const { bot, store } = await createTestBot();
    expect(await deploySlashCommands({ rest, appId: fake.appId, paths: bot.paths })).toEqual({
      scope: 'global',
      names: ['webrtc', 'webrtc-admin'],
    });
    await store.close();
    expect(fake.requests.map((r) => `${r.method} ${r.route}`)).toEqual([`PUT /applications/${fake.appId}/commands`]);
  });

  it('`npm run discord:deploy` registers /webrtc from the curriculum, and says where', async () => {
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: fake.token,
      DISCORD_APP_ID: fake.appId,
      DISCORD_GUILD_ID: GUILD,
      DISCORD_API_URL: fake.apiUrl,
      STORE_URL: 'memory://',
      LOG_LEVEL: 'silent',
    };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'adapters/discord/deploy-commands.ts'], {
      cwd: ROOT,
      env,
      timeout: 20_000,
    });
    expect(stdout.trim()).toBe(`Registered /webrtc, /webrtc-admin in server ${GUILD} (available now).`);
    expect(fake.requests.find(commandsPut)?.body[0]?.name).toBe('webrtc');
  });

  it('`npm run discord:deploy` with a wrong token fails with a message naming DISCORD_TOKEN, not the token', async () => {
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DISCORD_TOKEN: 'wrong-token-do-not-print',
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      LOG_LEVEL: 'silent',
    };
    const failure = await run(process.execPath, ['--import', 'tsx', 'adapters/discord/deploy-commands.ts'], {
      cwd: ROOT,
      env,
      timeout: 20_000,
    }).then(
      () => undefined,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('Discord refused DISCORD_TOKEN (401)');
    expect(`${failure?.stderr}${failure?.stdout}`).not.toContain('wrong-token-do-not-print');
  });
});
