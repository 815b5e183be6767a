import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlack, type RunningSlack } from '../../../adapters/slack/start-slack.js';
import { encodeLearnerId } from '../../../src/model/learner-id.js';
import { startFakeSlackSocket, type FakeSlackSocket } from '../../fakes/fake-slack-socket.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { createTestBot, type TestBot } from '../../fakes/test-bot.js';
import { recordingLogger } from './recording-logger.js';

const APP_TOKEN = 'xapp-1-A111-test-app-token';

describe('Slack in Socket Mode (SLACK_APP_TOKEN set), against a loopback socket', () => {
  let slack: FakeSlack;
  let socket: FakeSlackSocket;
  let testBot: TestBot;
  let running: RunningSlack;

  beforeEach(async () => {
    slack = await startFakeSlack();
    socket = await startFakeSlackSocket();
    slack.socketUrl = socket.url;
    testBot = await createTestBot();
    running = await startSlack({
      bot: testBot.bot,
      store: testBot.store,
      logger: recordingLogger(),
      options: {
        botToken: 'xoxb-socket-test',
        signingSecret: '',
        appToken: APP_TOKEN,
        apiUrl: slack.apiUrl,
        port: 0,
        adminUserIds: [],
        workspaceMessagesPerMinute: 600,
      },
    });
    await socket.connected();
  });
  afterEach(async () => {
    await running.stop();
    await socket.close();
    await slack.close();
    await testBot.store.close();
  });

  it('opens the connection with the app token and listens on no port', async () => {
    expect(running.port).toBeUndefined();
    expect(slack.callsTo('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
  });

  it('health() follows the socket: "socket" while connected, not ok once it is lost', async () => {
    await slack.waitFor(() => running.health().ok);
    expect(running.health()).toEqual({ ok: true, state: 'socket' });
    socket.drop();
    await slack.waitFor(() => !running.health().ok);
    expect(running.health()).toEqual({ ok: false, state: 'socket-disconnected' });
  });

  it('acknowledges a slash command envelope, then answers on the response_url', async () => {
    socket.deliver({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        token: 'verification_token',
        team_id: 'T111',
        team_domain: 'test',
        channel_id: 'C111',
        channel_name: 'learning',
        user_id: 'U111',
        user_name: 'ada',
        command: '/webrtc',
        text: 'done',
        api_app_id: 'A111',
        response_url: slack.responseUrl('socket-1'),
        trigger_id: '1.2.3',
      },
    });
    await slack.waitFor(() => socket.acks.find((ack) => ack.envelope_id === 'env-1'));
    const answer = await slack.waitFor(() => slack.responses.find((post) => post.id === 'socket-1'));
    expect(answer.body).toMatchObject({ response_type: 'ephemeral' });
    expect(String(answer.body.text)).toContain('Marked done: WebRTC Basics');
    expect(
      (await testBot.store.learners.get(encodeLearnerId({ platform: 'slack', workspace: 'T111', id: 'U111' })))?.paths
        .webrtc?.marks['webrtc-basics']?.status,
    ).toBe('done');
  });

  it('a redelivered event takes effect once', async () => {
    const envelope = (id: string, retry: number) => ({
      envelope_id: id,
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: retry,
      retry_reason: retry ? 'timeout' : '',
      payload: {
        team_id: 'T111',
        api_app_id: 'A111',
        type: 'event_callback',
        event_id: 'EvSocket1',
        event_time: 1,
        event: { type: 'app_home_opened', user: 'U111', channel: 'D111', tab: 'home', event_ts: '1.1' },
        authorizations: [
          { enterprise_id: null, team_id: 'T111', user_id: 'UBOTFAKE', is_bot: true, is_enterprise_install: false },
        ],
      },
    });
    socket.deliver(envelope('env-a', 0));
    socket.deliver(envelope('env-b', 1));
    await slack.waitFor(
      () =>
        socket.acks.some((ack) => ack.envelope_id === 'env-b') &&
        socket.acks.some((ack) => ack.envelope_id === 'env-a'),
    );
    await slack.waitFor(() => slack.callsTo('views.publish')[0]);
    // A later, different event, as a barrier: once its publish is in, a duplicate of the first would be too.
    const later = envelope('env-c', 0);
    socket.deliver({ ...later, payload: { ...later.payload, event_id: 'EvSocket2' } });
    await slack.waitFor(() => slack.callsTo('views.publish')[1]);
    expect(slack.callsTo('views.publish')).toHaveLength(2);
  });
});
