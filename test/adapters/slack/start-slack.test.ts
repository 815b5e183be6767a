import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackOptions } from '../../../adapters/slack/start-slack.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { createTestBot, type TestBot } from '../../fakes/test-bot.js';
import { recordingLogger } from './recording-logger.js';

describe('startSlack configuration errors', () => {
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

  const start = (options: Partial<SlackOptions>) =>
    startSlack({
      bot: testBot.bot,
      store: testBot.store,
      logger: recordingLogger(),
      options: { botToken: 'xoxb-x', signingSecret: 'secret', apiUrl: slack.apiUrl, port: 0, host: '127.0.0.1', adminUserIds: [], workspaceMessagesPerMinute: 60, ...options },
    });

  it('names the missing settings', async () => {
    await expect(start({ botToken: '' })).rejects.toThrow(/set SLACK_BOT_TOKEN/);
    await expect(start({ signingSecret: '' })).rejects.toThrow(/SLACK_SIGNING_SECRET .* or SLACK_APP_TOKEN/);
    await expect(start({ appToken: 'xoxb-wrong-kind' })).rejects.toThrow(/SLACK_APP_TOKEN must be an app-level token starting with xapp-/);
    expect(slack.calls).toEqual([]);
  });

  it('says when Slack refuses the bot token, before listening', async () => {
    slack.queue('auth.test', { body: { ok: false, error: 'invalid_auth' } });
    await expect(start({})).rejects.toThrow(/Slack refused SLACK_BOT_TOKEN \(auth.test\): .*invalid_auth/);
  });
});
