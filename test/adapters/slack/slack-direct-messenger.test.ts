import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPostAttempts } from '../../../adapters/slack/post-attempts.js';
import { createSlackDirectMessenger } from '../../../adapters/slack/slack-direct-messenger.js';
import { workspaceSendBudgets } from '../../../adapters/slack/workspace-send-budgets.js';
import type { UserRef } from '../../../src/model/invocation.js';
import type { AddressedReply } from '../../../src/model/reply.js';
import { addressed } from '../../fixtures/addressed.js';
import type { FakeAnswer } from '../../fakes/fake-slack.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { createTestBot, type TestBot } from '../../fakes/test-bot.js';
import { recordingLogger } from './recording-logger.js';

const learner: UserRef = { platform: 'slack', workspace: 'T111', id: 'U111' };
/**
 * The client's timeout in the tests of a late answer (one that comes after the client gave up). Other tests
 * use a generous one, so a busy machine's slow answer is not taken for a lost one.
 */
const CLIENT_TIMEOUT_MS = 1_000;
const GENEROUS_TIMEOUT_MS = 15_000;
const reminder: AddressedReply = addressed(
  {
    visibility: 'private',
    title: 'Time to learn: WebRTC Basics',
    text: '30 min · _Focus:_ peer connections',
    buttons: [{ label: 'Done', style: 'success', action: { id: 'done', value: 'webrtc-basics' } }],
  },
  'U111',
);

describe('Slack DirectMessenger', () => {
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

  /** The messenger as startSlack builds it: a client that never retries by itself, attempts kept in the store. */
  function messenger(perMinute = 600, log = recordingLogger(), timeoutMs = GENEROUS_TIMEOUT_MS) {
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: slack.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: timeoutMs,
    });
    const budgetFor = workspaceSendBudgets(testBot.store.sendBudgets, { limit: perMinute, windowMs: 60_000, burst: 1 });
    const attempts = createPostAttempts(testBot.store.records);
    return createSlackDirectMessenger({
      client,
      budgetFor,
      attempts,
      now: Date.now,
      logger: log,
    });
  }

  it('needs nothing opened and posts to the user id with Block Kit and buttons for that learner', async () => {
    const dm = messenger();
    expect(await dm.open(learner)).toEqual({});
    expect(await dm.send({ user: learner }, reminder, 'r1')).toEqual({ status: 'sent' });
    const [call] = slack.callsTo('chat.postMessage');
    expect(call?.token).toBe('xoxb-test');
    expect(call?.args.channel).toBe('U111');
    expect(call?.args.text).toBe('Time to learn: WebRTC Basics\n30 min · Focus: peer connections');
    expect(JSON.stringify(call?.args.blocks)).toContain('"action_id":"p2|webrtc|d|~jVGnxVkS|U111"');
  });

  it('sends the buttons as the core addressed them, path included', async () => {
    const rust = addressed({ ...reminder, buttons: reminder.buttons! }, 'U111', 'rust');
    await messenger().send({ user: learner }, rust, 'r1');
    expect(JSON.stringify(slack.callsTo('chat.postMessage')[0]?.args.blocks)).toContain(
      '"action_id":"p2|rust|d|~jVGnxVkS|U111"',
    );
  });

  it('posts the weekly digest in a channel with the same pacing, notifying no one', async () => {
    const digest: AddressedReply = {
      visibility: 'public',
      title: 'WebRTC — the week in review',
      text: '**1.** @everyone Ana <!channel> — 2 resources, 55 min',
    };
    expect(
      await messenger().postToChannel!({ workspace: 'T111', channelId: 'C42' }, digest, 'digest@2026-W49'),
    ).toEqual({ status: 'sent' });
    const [call] = slack.callsTo('chat.postMessage');
    expect(call?.args.channel).toBe('C42');
    expect(JSON.stringify(call?.args)).not.toMatch(/<!channel>|<!everyone>|<!here>/);
    expect(call?.args.text).toContain('WebRTC — the week in review');
  });

  it('honours 429 Retry-After before trying again, and holds the next send of that workspace too', async () => {
    const dm = messenger();
    slack.queue('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    expect(await dm.send({ user: learner }, reminder, 'r1')).toEqual({ status: 'sent' });
    expect(await dm.send({ user: { ...learner, id: 'U222' } }, reminder, 'r2')).toEqual({ status: 'sent' });
    const calls = slack.callsTo('chat.postMessage');
    expect(calls).toHaveLength(3);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(990);
    expect(calls[2]!.args.channel).toBe('U222');
  });

  it('paces sends per workspace with the configured rate', async () => {
    const dm = messenger(300); // one every 200 ms
    const started = Date.now();
    await Promise.all(['U1', 'U2', 'U3'].map((id, i) => dm.send({ user: { ...learner, id } }, reminder, `k${i}`)));
    // Measured from before the first send: a request's arrival can be late on a busy machine, never early,
    // so the third, allowed 400 ms after the first, cannot arrive sooner than that after the start.
    const times = slack.callsTo('chat.postMessage').map((call) => call.at);
    expect(times).toHaveLength(3);
    expect(times[2]! - started).toBeGreaterThanOrEqual(395);
  });

  it.each(['user_not_found', 'channel_not_found', 'account_inactive', 'cannot_dm_bot', 'user_disabled'])(
    'reports %s as undeliverable instead of throwing',
    async (error) => {
      slack.queue('chat.postMessage', { body: { ok: false, error } });
      expect(await messenger().send({ user: learner }, reminder, 'r1')).toEqual({
        status: 'undeliverable',
        reason: error,
      });
    },
  );

  it('throws on a transient failure so the reminder job can retry', async () => {
    slack.queue('chat.postMessage', { body: { ok: false, error: 'internal_error' } });
    await expect(messenger().send({ user: learner }, reminder, 'r1')).rejects.toThrow(/internal_error/);
    slack.queue('chat.postMessage', { status: 503, body: 'unavailable' });
    await expect(messenger().send({ user: learner }, reminder, 'r2')).rejects.toThrow();
  });

  it('marks each post with its idempotency key in the message metadata', async () => {
    await messenger().send({ user: learner }, reminder, 'U111:webrtc@2026-11-25');
    await messenger().postToChannel!({ workspace: 'T111', channelId: 'C42' }, reminder, 'digest@2026-W48');
    expect(slack.callsTo('chat.postMessage').map((call) => call.args.metadata)).toEqual([
      { event_type: 'pathbot_reminder', event_payload: { idempotency_key: 'U111:webrtc@2026-11-25' } },
      { event_type: 'pathbot_digest', event_payload: { idempotency_key: 'digest@2026-W48' } },
    ]);
  });

  /** Faults after which Slack has the message but the bot cannot know: the send throws, and must not repeat it. */
  const acceptedButUnanswered: Array<[string, FakeAnswer]> = [
    ['answers after the client timed out', { delayMs: CLIENT_TIMEOUT_MS * 3 }],
    ['answers 500 after accepting', { status: 500, body: 'internal server error', accept: true }],
    ['drops the connection after accepting', { drop: true, accept: true }],
  ];

  it.each(acceptedButUnanswered)(
    'when Slack %s, the retry finds the message in the DM history and does not post it again',
    async (_, fault) => {
      const log = recordingLogger();
      const dm = messenger(600, log, CLIENT_TIMEOUT_MS);
      slack.queue('chat.postMessage', fault);
      await expect(dm.send({ user: learner }, reminder, 'r1')).rejects.toThrow();
      expect(slack.messagesIn('U111')).toHaveLength(1);

      expect(await dm.send({ user: learner }, reminder, 'r1')).toEqual({ status: 'sent' });
      expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
      expect(slack.messagesIn('U111')).toHaveLength(1);
      expect(slack.callsTo('conversations.open')[0]?.args.users).toBe('U111');
      expect(slack.callsTo('conversations.history')[0]?.args).toMatchObject({
        channel: 'D111',
        include_all_metadata: 'true',
        limit: '15',
      });
      expect(log.lines.map((line) => line.message)).toContain(
        'an earlier try of this Slack message did arrive; not posting it again',
      );
      // Another message is posted at once, without a look at the history.
      expect(await dm.send({ user: learner }, reminder, 'r2')).toEqual({ status: 'sent' });
      expect(slack.messagesIn('U111')).toHaveLength(2);
      expect(slack.callsTo('conversations.history')).toHaveLength(1);
    },
  );

  it('another instance (or a restart) taking the send over knows it was tried, from the store', async () => {
    slack.queue('chat.postMessage', { drop: true, accept: true });
    await expect(messenger().send({ user: learner }, reminder, 'r1')).rejects.toThrow();
    const other = messenger();
    expect(await other.send({ user: learner }, reminder, 'r1')).toEqual({ status: 'sent' });
    expect(slack.messagesIn('U111')).toHaveLength(1);
  });

  it('posts again after a failure Slack did not keep the message for, once', async () => {
    slack.queue('chat.postMessage', { status: 500, body: 'internal server error' });
    const dm = messenger();
    await expect(dm.send({ user: learner }, reminder, 'r1')).rejects.toThrow();
    expect(slack.messagesIn('U111')).toHaveLength(0);
    expect(await dm.send({ user: learner }, reminder, 'r1')).toEqual({ status: 'sent' });
    expect(await dm.send({ user: learner }, reminder, 'r1')).toEqual({ status: 'sent' });
    expect(slack.messagesIn('U111')).toHaveLength(1);
  });

  it('posts nothing while the history cannot be read for a passing reason, and posts once it can', async () => {
    slack.queue('chat.postMessage', { status: 500, body: 'internal server error' });
    slack.queue(
      'conversations.history',
      { status: 503, body: 'unavailable' },
      { body: { ok: false, error: 'ratelimited' } },
    );
    const dm = messenger();
    await expect(dm.send({ user: learner }, reminder, 'r1')).rejects.toThrow();
    await expect(dm.send({ user: learner }, reminder, 'r1')).rejects.toThrow();
    await expect(dm.send({ user: learner }, reminder, 'r1')).rejects.toThrow(/ratelimited/);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(await dm.send({ user: learner }, reminder, 'r1')).toEqual({ status: 'sent' });
    expect(slack.messagesIn('U111')).toHaveLength(1);
  });

  it('a 429 is tried again without a look at the history: Slack took nothing', async () => {
    slack.queue('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '0' },
      body: { ok: false, error: 'ratelimited' },
    });
    expect(await messenger().send({ user: learner }, reminder, 'r1')).toEqual({ status: 'sent' });
    expect(slack.callsTo('conversations.history')).toEqual([]);
    expect(slack.messagesIn('U111')).toHaveLength(1);
  });

  it('the weekly digest is looked for in its channel before it is posted again', async () => {
    const channel = { workspace: 'T111', channelId: 'C42' };
    const dm = messenger(600, recordingLogger(), CLIENT_TIMEOUT_MS);
    slack.queue('chat.postMessage', { delayMs: CLIENT_TIMEOUT_MS * 3 });
    await expect(dm.postToChannel!(channel, reminder, 'digest@2026-W48')).rejects.toThrow();
    expect(await dm.postToChannel!(channel, reminder, 'digest@2026-W48')).toEqual({ status: 'sent' });
    expect(slack.messagesIn('C42')).toHaveLength(1);
    expect(slack.callsTo('conversations.history')[0]?.args.channel).toBe('C42');
    expect(slack.callsTo('conversations.open')).toEqual([]);
  });

  it('where Slack will not show the history (not in the channel), it warns and posts again rather than never', async () => {
    slack.unreadableChannels.add('C42');
    const log = recordingLogger();
    const dm = messenger(600, log);
    slack.queue('chat.postMessage', { status: 500, body: 'internal server error', accept: true });
    await expect(dm.postToChannel!({ workspace: 'T111', channelId: 'C42' }, reminder, 'd1')).rejects.toThrow();
    expect(await dm.postToChannel!({ workspace: 'T111', channelId: 'C42' }, reminder, 'd1')).toEqual({
      status: 'sent',
    });
    expect(log.lines.find((line) => line.message.startsWith('cannot look for an earlier try'))?.context).toMatchObject({
      reason: 'not_in_channel',
    });
    expect(slack.messagesIn('C42')).toHaveLength(2);
  });
});
