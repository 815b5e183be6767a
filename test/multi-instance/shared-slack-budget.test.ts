import { webApi } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createPostAttempts } from '../../adapters/slack/post-attempts.js';
import { createSlackDirectMessenger } from '../../adapters/slack/slack-direct-messenger.js';
import { slackSendRate, workspaceSendBudgets } from '../../adapters/slack/workspace-send-budgets.js';
import type { UserRef } from '../../src/model/invocation.js';
import type { AddressedReply } from '../../src/model/reply.js';
import { recordingLogger } from '../adapters/slack/recording-logger.js';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.js';
import { REDIS_URL } from '../fakes/store-backends.js';
import { createTestBot, type TestBot } from '../fakes/test-bot.js';
import { eventuallyFound } from '../support/eventually.js';

const RETRY_AFTER_S = 1;
const reminder: AddressedReply = { visibility: 'private', title: 'Time for WebRTC', text: 'Next: **WebRTC Basics**' };
const user = (workspace: string, id: string): UserRef => ({ platform: 'slack', workspace, id });

describe.skipIf(!REDIS_URL)(
  'two instances on one Redis share each Slack workspace budget (needs Redis: a redis-server on PATH, or REDIS_URL)',
  () => {
    let slack: FakeSlack | undefined;
    let bots: TestBot[] = [];
    afterEach(async () => {
      for (const bot of bots.reverse()) await bot.store.close();
      await slack?.close();
      bots = [];
    });

    /** An instance's messenger as startSlack builds it, on its own store (its own Redis connection). */
    function messengerOf(bot: TestBot, log = recordingLogger()) {
      const client = new webApi.WebClient('xoxb-shared', {
        slackApiUrl: slack!.apiUrl,
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 0 },
      });
      const messenger = createSlackDirectMessenger({
        client,
        budgetFor: workspaceSendBudgets(bot.store.sendBudgets, slackSendRate(600)),
        attempts: createPostAttempts(bot.store.records),
        now: Date.now,
        logger: log,
      });
      return { messenger, log };
    }

    it('a 429 one instance gets holds that workspace back for the other until Retry-After; other workspaces go on', async () => {
      slack = await startFakeSlack();
      const first = await createTestBot({ storeUrl: REDIS_URL });
      const second = await createTestBot({ storeUrl: REDIS_URL, namespace: first.namespace });
      bots.push(first, second);
      const [a, b] = [messengerOf(first), messengerOf(second)];
      slack.queue('chat.postMessage', {
        status: 429,
        headers: { 'retry-after': String(RETRY_AFTER_S) },
        body: { ok: false, error: 'ratelimited' },
      });

      const retried = a.messenger.send({ user: user('T111', 'U1') }, reminder, 'k1');
      await eventuallyFound(() => a.log.lines.find((line) => line.message.includes('pausing the workspace')));
      const refused = slack.callsTo('chat.postMessage').find((call) => call.status === 429)!;
      const results = await Promise.all([
        retried,
        b.messenger.send({ user: user('T111', 'U2') }, reminder, 'k2'),
        b.messenger.send({ user: user('T222', 'U3') }, reminder, 'k3'),
      ]);

      expect(results).toEqual(Array(3).fill({ status: 'sent' }));
      const accepted = slack.callsTo('chat.postMessage').filter((call) => call.status === 200);
      const to = (id: string) => accepted.find((call) => call.args.channel === id)!;
      expect(accepted.map((call) => call.args.channel).sort()).toEqual(['U1', 'U2', 'U3']);
      // The other instance waited out the pause in T111 (Retry-After is whole seconds, counted from the answer) ...
      expect(to('U2').at - refused.at).toBeGreaterThanOrEqual(RETRY_AFTER_S * 1000 - 5);
      // ... while T222, another workspace with its own budget, was not held back.
      expect(to('U3').at).toBeLessThan(to('U2').at);
      expect(to('U3').at).toBeLessThan(to('U1').at);
    });
  },
);
