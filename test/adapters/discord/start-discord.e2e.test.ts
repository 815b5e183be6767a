import { encodeLearnerId } from '../../../src/model/learner-id.js';
import { LimitedCollection, type User } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startDiscord, type DiscordAdapter } from '../../../adapters/discord/start-discord.js';
import { FakeDiscord } from '../../fakes/fake-discord.js';
import { createTestBot, type TestBot } from '../../fakes/test-bot.js';
import { createRecordingLogger } from './recording-logger.js';
import { hope } from './interaction-payloads.js';
import { eventually } from '../../support/eventually.js';

describe('startDiscord', () => {
  let fake: FakeDiscord | undefined;
  let testBot: TestBot | undefined;
  let adapter: DiscordAdapter | undefined;

  afterEach(async () => {
    await adapter?.stop();
    await fake?.close();
    await testBot?.store.close();
    adapter = fake = testBot = undefined;
  });

  async function begin(options: { heartbeatIntervalMs?: number } = {}) {
    fake = await FakeDiscord.start(options);
    testBot = await createTestBot();
    return { fake, testBot, log: createRecordingLogger() };
  }

  it('connects with the Guilds intent only, no mentions anywhere, and bounded caches', async () => {
    const { fake, testBot, log } = await begin();
    adapter = await startDiscord({
      bot: testBot.bot,
      logger: log,
      budgets: testBot.store.sendBudgets,
      options: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl },
    });

    expect(fake.gateway.identifies).toEqual([{ token: fake.token, intents: 1, shard: [0, 1] }]);
    expect(adapter.client.isReady()).toBe(true);
    expect(adapter.client.options.allowedMentions).toEqual({ parse: [] });
    const users = adapter.client.users.cache;
    expect(users).toBeInstanceOf(LimitedCollection);
    expect((users as LimitedCollection<string, User>).maxSize).toBe(1000);
    expect(adapter.client.options.sweepers).toMatchObject({
      users: { interval: 3600 },
      guildMembers: { interval: 3600 },
    });
    const connected = log.entries.find((entry) => entry.message === 'discord connected');
    // A memory store belongs to this process, and so does its send budget.
    expect(connected?.context.sendBudget).toBe('this process');
    expect(connected?.context.invite).toBe(
      `https://discord.com/oauth2/authorize?client_id=${fake.appId}&scope=bot+applications.commands&permissions=19456`,
    );
  });

  it('registers its DirectMessenger with the bot, so reminders open a DM channel', async () => {
    const { fake, testBot, log } = await begin();
    adapter = await startDiscord({
      bot: testBot.bot,
      logger: log,
      budgets: testBot.store.sendBudgets,
      options: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl },
    });
    expect(adapter.messenger.platform).toBe('discord');

    const user = { platform: 'discord' as const, workspace: '556525343595298817', id: hope.id };
    await testBot.bot.handle({
      path: 'webrtc',
      command: 'remind',
      args: { time: '07:30', zone: 'UTC' },
      user,
      channel: { id: '1' },
    });
    expect(fake.requests.find((r) => r.route === '/users/@me/channels')?.body).toEqual({ recipient_id: hope.id });

    // The stored address is what a reminder is sent to, through the client's own REST (429s waited out).
    const address = (
      await testBot.store.learners.get(
        encodeLearnerId({ platform: 'discord', workspace: '556525343595298817', id: hope.id }),
      )
    )?.dmAddress;
    expect(address).toMatch(/^\d+$/);
    fake.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 0.05);
    const reminder = { visibility: 'private' as const, title: 'Time for WebRTC', text: 'Next: **WebRTC Basics**' };
    expect(await adapter.messenger.send({ user, address }, reminder, 'reminder-1')).toEqual({ status: 'sent' });
    expect(fake.channelMessages.get(address!)).toHaveLength(1);

    fake.closedDms.add(hope.id);
    expect(await adapter.messenger.send({ user, address }, reminder, 'reminder-2')).toEqual({
      status: 'undeliverable',
      reason: 'discord-dms-closed',
    });
  });

  it('keeps the gateway alive: heartbeats are sent and acknowledged', async () => {
    const { fake, testBot, log } = await begin({ heartbeatIntervalMs: 30 });
    adapter = await startDiscord({
      bot: testBot.bot,
      logger: log,
      budgets: testBot.store.sendBudgets,
      options: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl },
    });
    await eventually(() => {
      expect(fake.gateway.heartbeats).toBeGreaterThanOrEqual(2);
      expect(adapter!.client.ws.ping).toBeGreaterThanOrEqual(0); // -1 until an acknowledgement is measured
    });
    // Acknowledged heartbeats keep the one connection it opened: no zombie-connection reconnect.
    expect(fake.gateway.openConnections).toBe(1);
    expect(adapter.health()).toEqual({ ok: true, state: 'ready' });
  });

  it('stop() closes the gateway connection', async () => {
    const { fake, testBot, log } = await begin();
    const started = await startDiscord({
      bot: testBot.bot,
      logger: log,
      budgets: testBot.store.sendBudgets,
      options: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl },
    });
    expect(fake.gateway.openConnections).toBe(1);
    await started.stop();
    await eventually(() => expect(fake.gateway.openConnections).toBe(0));
    expect(started.health()).toEqual({ ok: false, state: 'stopped' });
  });

  it('health() says ready, then what the gateway is doing while a dropped connection resumes, then stopped', async () => {
    const { fake, testBot, log } = await begin();
    const started = await startDiscord({
      bot: testBot.bot,
      logger: log,
      budgets: testBot.store.sendBudgets,
      options: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl },
    });
    expect(started.health()).toEqual({ ok: true, state: 'ready' });
    fake.gateway.dropConnections();
    const during = await eventually(() => {
      const health = started.health();
      expect(health.ok).toBe(false);
      return health;
    });
    expect(during.state).toMatch(/^(connecting|resuming|reconnecting)$/);
    await eventually(() => expect(started.health()).toEqual({ ok: true, state: 'ready' }));
    expect(fake.gateway.resumes).toEqual(['fake-session']);
    await started.stop();
    expect(started.health()).toEqual({ ok: false, state: 'stopped' });
  });

  it('connects only the shards it is given', async () => {
    const { fake, testBot, log } = await begin();
    adapter = await startDiscord({
      bot: testBot.bot,
      logger: log,
      budgets: testBot.store.sendBudgets,
      options: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl, shards: { ids: [1], count: 2 } },
    });
    expect(fake.gateway.identifies).toEqual([{ token: fake.token, intents: 1, shard: [1, 2] }]);
    expect(adapter.health()).toEqual({ ok: true, state: 'ready' });
  });

  it('a token Discord refuses stops start-up with a message naming DISCORD_TOKEN, never the token itself', async () => {
    const { fake, testBot, log } = await begin();
    const secret = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.wrong.token';
    const failure = await startDiscord({
      bot: testBot.bot,
      logger: log,
      budgets: testBot.store.sendBudgets,
      options: { token: secret, appId: fake.appId, apiUrl: fake.apiUrl },
    }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toContain('Discord refused DISCORD_TOKEN');
    expect((failure as Error).message).not.toContain(secret);
    expect(JSON.stringify(log.entries)).not.toContain(secret);
    expect(fake.requests.map((r) => r.route)).toEqual(['/gateway/bot']);
  });
});
