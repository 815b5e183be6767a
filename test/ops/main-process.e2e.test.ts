import { testLearnerRows } from '../fakes/test-bot.js';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/infra/open-store.js';
import { minuteOf } from '../../src/reminders/minute-of.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { createRecordingMessenger } from '../fakes/recording-messenger.js';
import { createTestBot } from '../fakes/test-bot.js';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { createRedisServerProcess } from '../fakes/redis-server-process.js';
import { REDIS_URL } from '../fakes/store-backends.js';
import { MALFORMED_SLACK_REQUESTS } from '../adapters/slack/malformed-slack-requests.js';
import { postSigned, slashCommandRequest } from '../adapters/slack/signed-slack-requests.js';
import { exitWithin, startNodeProcess, type NodeProcess } from './node-process.js';

const SIGNING_SECRET = 'process-test-signing-secret-5f2b9c';
const BOT_TOKEN = 'xoxb-process-test-token-7d41e0';

describe('the real entry point in production mode', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function startBot(env: Record<string, string>): NodeProcess {
    const bot = startNodeProcess('src/main.ts', { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
    cleanups.push(() => bot.kill());
    return bot;
  }

  it(
    'Slack over HTTP: /healthz on the Slack port answers 200 with the state of everything; SIGTERM exits 0 after draining',
    { timeout: 40_000 },
    async () => {
      const slack: FakeSlack = await startFakeSlack();
      cleanups.push(() => slack.close());
      const bot = startBot({
        STORE_URL: 'memory://',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      });
      const port = Number((await bot.waitForLog('health endpoint listening', { path: '/healthz' })).port);
      const started = await bot.waitForLog('Slack adapter started');
      expect(started.port).toBe(port);

      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({
        status: 'ok',
        store: { ok: true, backend: 'memory' },
        adapters: { slack: { ok: true, state: 'http' } },
      });
      // The same port still takes Slack's requests.
      const ack = await postSigned(
        `http://127.0.0.1:${port}/slack/events`,
        slashCommandRequest({ text: 'done', responseUrl: slack.responseUrl('done-1') }),
        { secret: SIGNING_SECRET },
      );
      expect(ack.status).toBe(200);
      await slack.waitFor(() => slack.responses.find((post) => post.id === 'done-1'));

      bot.child.kill('SIGTERM');
      const exit = await exitWithin(bot, 10_000);
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(bot.logs().map((line) => line.message)).toEqual(
        expect.arrayContaining(['shutting down', 'shut down cleanly']),
      );
      expect(bot.logs().find((line) => line.message === 'shutting down')).toMatchObject({ signal: 'SIGTERM' });
      expect(bot.output()).not.toContain(BOT_TOKEN);
      expect(bot.output()).not.toContain(SIGNING_SECRET);
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    },
  );

  it(
    'Slack over HTTP: after each signed request no Slack client sends (a null body, …) the process answers 4xx and goes on serving',
    { timeout: 60_000 },
    async () => {
      const slack: FakeSlack = await startFakeSlack();
      cleanups.push(() => slack.close());
      const bot = startBot({
        STORE_URL: 'memory://',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      });
      const port = Number((await bot.waitForLog('Slack adapter started')).port);
      const url = `http://127.0.0.1:${port}/slack/events`;
      for (const [index, [name, request, status]] of MALFORMED_SLACK_REQUESTS.entries()) {
        const answer = await postSigned(url, request(), { secret: SIGNING_SECRET });
        expect({ name, status: answer.status }).toEqual({ name, status });
        const id = `after-${index}`;
        const next = slashCommandRequest({ text: 'next', responseUrl: slack.responseUrl(id) });
        expect((await postSigned(url, next, { secret: SIGNING_SECRET })).status).toBe(200);
        await slack.waitFor(() => slack.responses.find((post) => post.id === id));
      }
      expect(bot.child.exitCode).toBeNull();
      expect(bot.logs().filter((line) => line.message.includes('keeps serving'))).toEqual([]);
    },
  );

  // A private redis-server, so it can be stopped; REDIS_URL says this machine has Redis at all.
  it.skipIf(!REDIS_URL)(
    'Discord only, on Redis: its own /healthz server says 200, then 503 while Redis is down, and SIGTERM still exits 0 (needs Redis: a redis-server on PATH, or REDIS_URL)',
    { timeout: 40_000 },
    async () => {
      const redis = await createRedisServerProcess();
      await redis.start();
      // kill() waits for an exit; a second call after the one below would wait forever.
      let redisRunning = true;
      cleanups.push(() => (redisRunning ? redis.kill() : undefined));
      const discord = await FakeDiscord.start();
      cleanups.push(() => discord.close());
      const bot = startBot({
        STORE_URL: redis.url,
        STORE_NAMESPACE: 'healthz-test',
        DISCORD_TOKEN: discord.token,
        DISCORD_APP_ID: discord.appId,
        DISCORD_API_URL: discord.apiUrl,
      });
      const port = Number((await bot.waitForLog('health endpoint listening', { path: '/healthz' })).port);
      await bot.waitForLog('reminder catch-up after start');
      const url = `http://127.0.0.1:${port}/healthz`;

      const up = await fetch(url);
      expect(up.status).toBe(200);
      expect(await up.json()).toEqual({
        status: 'ok',
        store: { ok: true, backend: 'redis' },
        adapters: { discord: { ok: true, state: 'ready' } },
      });
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(404);

      await redis.kill();
      redisRunning = false;
      const down = await fetch(url);
      expect(down.status).toBe(503);
      const body = (await down.json()) as { status: string; store: { ok: boolean; backend: string } };
      expect(body).toMatchObject({
        status: 'unavailable',
        store: { ok: false, backend: 'redis' },
        adapters: { discord: { ok: true, state: 'ready' } },
      });
      expect(JSON.stringify(body)).not.toContain(discord.token);

      bot.child.kill('SIGTERM');
      expect(await exitWithin(bot, 10_000)).toMatchObject({ code: 0, signal: null });
      expect(bot.logs().map((line) => line.message)).toContain('shut down cleanly');
      expect(bot.output()).not.toContain(discord.token);
    },
  );

  it(
    'SIGTERM during a reminder send: the send finishes and is recorded before the store closes',
    { timeout: 40_000 },
    async () => {
      const file = `sqlite://${join(await mkdtemp(join(tmpdir(), 'pathbot-shutdown-')), 'bot.sqlite')}`;
      // A Slack learner whose 09:00-style reminder fell due five minutes ago, while the bot was down.
      const dueAt = Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000;
      const before = await createTestBot({ storeUrl: file, now: dueAt - 60 * 60_000 });
      before.bot.registerMessenger(createRecordingMessenger(() => before.clock.now(), 'slack').messenger);
      const ada = { platform: 'slack' as const, workspace: 'T111', id: 'U111', displayName: 'Ada' };
      const time = new Date(dueAt).toISOString().slice(11, 16);
      await before.bot.handle({
        path: 'webrtc',
        command: 'remind',
        args: { time, zone: 'UTC' },
        user: ada,
        channel: { id: 'C111' },
      });
      await before.store.close();

      const slack = await startFakeSlack();
      cleanups.push(() => slack.close());
      slack.queue('chat.postMessage', { body: { ok: true, channel: 'U111', ts: '1.1' }, delayMs: 1_500 });
      const bot = startBot({
        STORE_URL: file,
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
      });
      // The start-up catch-up sends it; Slack takes 1.5 s to answer, and the bot is told to stop meanwhile.
      await slack
        .waitFor(() => slack.callsTo('chat.postMessage')[0], 15_000)
        .catch((error: Error) => {
          throw new Error(`${error.message}; the bot wrote:\n${bot.output()}`);
        });
      bot.child.kill('SIGTERM');
      const exit = await exitWithin(bot, 10_000);
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.elapsedMs).toBeGreaterThan(1_000);
      expect(slack.callsTo('chat.postMessage')).toHaveLength(1);

      const after = await openStore(file, before.logger, { learnerRows: await testLearnerRows() });
      const record = await after.learners.get(encodeLearnerId({ platform: 'slack', workspace: 'T111', id: 'U111' }));
      expect(record?.paths.webrtc?.reminder?.nextAt).toBe(dueAt + 24 * 60 * 60_000);
      expect(await after.learners.due(minuteOf(dueAt))).toEqual([]);
      await after.close();
    },
  );
});
