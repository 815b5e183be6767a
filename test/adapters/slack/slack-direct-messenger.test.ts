import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackDirectMessenger } from '../../../adapters/slack/slack-direct-messenger.js';
import { createTokenBucket, createWorkspaceBuckets, realSleep } from '../../../adapters/slack/token-bucket.js';
import type { UserRef } from '../../../src/model/invocation.js';
import type { Reply } from '../../../src/model/reply.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { recordingLogger } from './recording-logger.js';

const learner: UserRef = { platform: 'slack', workspace: 'T111', id: 'U111' };
const reminder: Reply = {
  visibility: 'private',
  title: 'Time to learn: WebRTC Basics',
  text: '30 min · _Focus:_ peer connections',
  buttons: [{ label: 'Done', style: 'success', action: { id: 'done', value: 'webrtc-basics' } }],
};

describe('Slack DirectMessenger', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack();
  });
  afterEach(async () => {
    await slack.close();
  });

  function messenger(perMinute = 600) {
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: slack.apiUrl,
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
    });
    const bucketFor = createWorkspaceBuckets(() =>
      createTokenBucket({ perMinute, burst: 1, now: Date.now, sleep: realSleep }),
    );
    return createSlackDirectMessenger({ client, bucketFor, defaultPath: 'webrtc', logger: recordingLogger() });
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

  it('uses the path a target names for its buttons', async () => {
    const target = { user: learner, path: 'rust' };
    await messenger().send(target, reminder, 'r1');
    expect(JSON.stringify(slack.callsTo('chat.postMessage')[0]?.args.blocks)).toContain(
      '"action_id":"p2|rust|d|~jVGnxVkS|U111"',
    );
  });

  it('posts the weekly digest in a channel with the same pacing, notifying no one', async () => {
    const digest: Reply = {
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
    await Promise.all(['U1', 'U2', 'U3'].map((id, i) => dm.send({ user: { ...learner, id } }, reminder, `k${i}`)));
    const times = slack.callsTo('chat.postMessage').map((call) => call.at);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(380);
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
});
