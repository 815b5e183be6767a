import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackOptions } from '../../../adapters/slack/start-slack.js';
import type { Bot } from '../../../src/bot.js';
import { StartUpError } from '../../../src/ops/start-up-error.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { createTestBot, type TestBot } from '../../fakes/test-bot.js';
import { recordingLogger } from './recording-logger.js';
import { SIGNING_SECRET, testSlackOptions } from './slack-harness.js';
import { postSigned, slashCommandRequest } from './signed-slack-requests.js';

// Every test starts Slack against its own fake and bot.
let slack: FakeSlack;
let testBot: TestBot;
beforeEach(async () => {
  slack = await startFakeSlack();
  testBot = await createTestBot();
});
afterEach(async () => {
  await slack.close();
  await testBot.store.close();
});

describe('startSlack with a bot token Slack refuses', () => {
  it('fails with a start-up error naming SLACK_BOT_TOKEN and what to do, never the token, before listening', async () => {
    const token = 'xoxb-refused-do-not-print';
    slack.refusedTokens.add(token);
    const logger = recordingLogger();
    const starting = startSlack({
      bot: testBot.bot,
      store: testBot.store,
      logger,
      options: {
        botToken: token,
        signingSecret: 'secret',
        apiUrl: slack.apiUrl,
        port: 0,
        host: '127.0.0.1',
        adminUserIds: [],
        workspaceMessagesPerMinute: 60,
      },
    });
    const error = await starting.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(StartUpError);
    expect((error as Error).message).toBe(
      "Slack refused SLACK_BOT_TOKEN (auth.test: invalid_auth); copy the Bot User OAuth Token again from your app's OAuth & Permissions page.",
    );
    expect(slack.calls.map((call) => `${call.method} ${call.token}`)).toEqual([`auth.test ${token}`]);
    expect(JSON.stringify(logger.lines)).not.toContain(token);
  });
});

describe('startSlack in HTTP mode: routes beside /slack/events, health and a drained stop', () => {
  const options = (extra: Partial<SlackOptions> = {}): SlackOptions => testSlackOptions(slack.apiUrl, extra);

  it('serves an extra GET route on the same port, reports "http", and "stopped" after stop', async () => {
    const running = await startSlack({
      bot: testBot.bot,
      store: testBot.store,
      logger: recordingLogger(),
      options: options({
        httpRoutes: [{ path: '/healthz', listener: (_request, response) => response.end('{"status":"ok"}') }],
      }),
    });
    const base = `http://127.0.0.1:${running.port}`;
    const health = await fetch(`${base}/healthz`);
    expect({ status: health.status, body: await health.text() }).toEqual({ status: 200, body: '{"status":"ok"}' });
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    expect(running.health()).toEqual({ ok: true, state: 'http' });
    await running.stop();
    expect(running.health()).toEqual({ ok: false, state: 'stopped' });
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it('stop() waits for an answer still being worked on after its acknowledgement', async () => {
    const slowBot: Bot = {
      ...testBot.bot,
      handle: async (invocation) => (
        await new Promise((resolve) => setTimeout(resolve, 400)),
        testBot.bot.handle(invocation)
      ),
    };
    const running = await startSlack({
      bot: slowBot,
      store: testBot.store,
      logger: recordingLogger(),
      options: options(),
    });
    const url = `http://127.0.0.1:${running.port}/slack/events`;
    const ack = await postSigned(url, slashCommandRequest({ text: 'done', responseUrl: slack.responseUrl('slow') }), {
      secret: SIGNING_SECRET,
    });
    expect(ack.status).toBe(200);
    expect(slack.responses).toEqual([]);
    await running.stop();
    expect(slack.responses.map((post) => post.id)).toEqual(['slow']);
    expect(String(slack.responses[0]!.body.text)).toContain('Marked done: WebRTC Basics');
  });
});
