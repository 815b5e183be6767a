import { newLearnerRecord } from '../../../src/model/learner.js';
import { addressed } from '../../fixtures/addressed.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeLearnerId } from '../../../src/model/learner-id.js';
import { buttonPressRequest, postSigned } from './signed-slack-requests.js';
import { BOT_TOKEN, buttonIds, SIGNING_SECRET, startSlackHarness, type SlackHarness } from './slack-harness.js';

const ada = { platform: 'slack' as const, workspace: 'T111', id: 'U111' };
const homeOpened = {
  type: 'app_home_opened',
  user: 'U111',
  channel: 'D111',
  tab: 'home',
  event_ts: '1515449522000016',
};
/**
 * Before looking for something that must not happen: a read-only command from someone else, answered in
 * full, goes through the same server after it (a barrier that keeps pace with a busy machine, unlike a sleep).
 */
const settle = (h: SlackHarness) => h.command('progress', { userId: 'U-barrier', teamId: 'T-barrier' });

describe('Slack events, App Home and direct messages', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('publishes the overview when the Home tab opens, then refreshes it after each change', async () => {
    expect(await h.event(homeOpened, { eventId: 'EvHome1' })).toBe(200);
    const first = await h.slack.waitFor(() => h.slack.callsTo('views.publish')[0]);
    expect(first.token).toBe(BOT_TOKEN);
    expect(first.args.user_id).toBe('U111');
    const view = first.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    expect(JSON.stringify(view.blocks)).toContain('WebRTC: 0 of 240 min done');
    expect(JSON.stringify(view.blocks)).toContain('*Reminder*');

    await h.command('done');
    const second = await h.slack.waitFor(() => h.slack.callsTo('views.publish')[1]);
    expect(JSON.stringify(second.args.view)).toContain('WebRTC: 30 of 240 min done');

    await h.command('progress'); // reads only: no republish
    await settle(h);
    expect(h.slack.callsTo('views.publish')).toHaveLength(2);
  });

  it('does not publish for the Messages tab, nor refresh for learners who never opened Home', async () => {
    await h.event({ ...homeOpened, tab: 'messages' }, { eventId: 'EvMessages' });
    await h.command('done');
    await settle(h);
    expect(h.slack.callsTo('views.publish')).toEqual([]);
  });

  it('a button pressed in the Home tab answers in the DM and refreshes Home', async () => {
    await h.event(homeOpened, { eventId: 'EvHome2' });
    const published = await h.slack.waitFor(() => h.slack.callsTo('views.publish')[0]);
    const doneId = buttonIds(published.args.view as Record<string, unknown>)[0];
    expect(doneId).toBe('p2|webrtc|d|~jVGnxVkS|U111');

    await h.event({ type: 'noop' }, { eventId: 'EvIgnored' }); // an event nobody listens to is simply acked
    const answer = await postSigned(
      h.url,
      buttonPressRequest({ actionId: doneId!, value: 'webrtc-basics', responseUrl: '', fromHome: true }),
      { secret: SIGNING_SECRET },
    );
    expect(answer.status).toBe(200);
    const dm = await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage')[0]);
    expect(dm.args.channel).toBe('U111');
    expect(String(dm.args.text)).toContain('Marked done: WebRTC Basics');
    const refreshed = await h.slack.waitFor(() => h.slack.callsTo('views.publish')[1]);
    expect(JSON.stringify(refreshed.args.view)).toContain('WebRTC: 30 of 240 min done');
  });

  it('a Home press whose answer Slack refuses is logged with context, and the apology goes in its place', async () => {
    const [doneId] = buttonIds(await h.command('next'));
    h.slack.queue('chat.postMessage', { body: { ok: false, error: 'invalid_blocks' } });
    const press = buttonPressRequest({
      actionId: doneId!,
      value: 'webrtc-basics',
      responseUrl: '',
      fromHome: true,
    });
    expect((await postSigned(h.url, press, { secret: SIGNING_SECRET })).status).toBe(200);
    const apology = await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage')[1]);
    expect(apology.args).toMatchObject({
      channel: 'U111',
      text: 'Sorry, something went wrong on our side. Please try again in a moment.',
    });
    const failure = h.log.lines.find((line) => line.message === 'Slack button press failed');
    expect(failure?.context).toMatchObject({ action: 'done', user: 'U111', stage: 'delivering the answer' });
    expect(String(failure?.context.error)).toContain('invalid_blocks');
  });

  it('a retried event (x-slack-retry-num) takes effect once', async () => {
    expect(await h.event(homeOpened, { eventId: 'EvRetry' })).toBe(200);
    expect(await h.event(homeOpened, { eventId: 'EvRetry', retryNum: 1 })).toBe(200);
    expect(await h.event(homeOpened, { eventId: 'EvRetry', retryNum: 2 })).toBe(200);
    await settle(h);
    expect(h.slack.callsTo('views.publish')).toHaveLength(1);
    expect(await h.event(homeOpened, { eventId: 'EvOther' })).toBe(200);
    await h.slack.waitFor(() => h.slack.callsTo('views.publish')[1]);
  });

  it("app_uninstalled deletes that workspace's learners and no one else's", async () => {
    await h.command('done');
    await h.command('done', { teamId: 'T222', userId: 'U222' });
    expect(await h.event({ type: 'app_uninstalled' }, { eventId: 'EvUninstall' })).toBe(200);
    await h.slack.waitFor(() => h.log.lines.find((line) => line.message === 'forgot a Slack workspace'));
    expect(await h.store.learners.get(encodeLearnerId(ada))).toBeUndefined();
    expect(
      (await h.store.learners.get(encodeLearnerId({ platform: 'slack', workspace: 'T222', id: 'U222' })))?.paths.webrtc
        ?.marks['webrtc-basics']?.status,
    ).toBe('done');
  });

  it('tokens_revoked for the bot token deletes the workspace; for user tokens only, nothing', async () => {
    await h.command('done');
    await h.event({ type: 'tokens_revoked', tokens: { oauth: ['U111'] } }, { eventId: 'EvUserTokens' });
    await settle(h);
    expect((await h.store.learners.get(encodeLearnerId(ada)))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe(
      'done',
    );
    await h.event({ type: 'tokens_revoked', tokens: { bot: ['UBOTFAKE'] } }, { eventId: 'EvBotToken' });
    await h.slack.waitFor(() => h.log.lines.find((line) => line.message === 'forgot a Slack workspace'));
    expect(await h.store.learners.get(encodeLearnerId(ada))).toBeUndefined();
  });

  it.each([
    ['app_uninstalled', { type: 'app_uninstalled' }],
    ['tokens_revoked', { type: 'tokens_revoked', tokens: { bot: ['UBOTFAKE'] } }],
  ])(
    "%s whose first handling fails is done by Slack's retry; a redelivery after that is ignored",
    async (type, event) => {
      for (const id of ['U111', 'U222', 'U333']) await h.command('done', { userId: id });
      // Fault injection in a collaborator: the store fails while the second learner is being deleted.
      const update = h.store.learners.update.bind(h.store.learners);
      let deletions = 0;
      h.store.learners.update = async (key, change) => {
        if (change(newLearnerRecord('someone', 0)).next === null && (deletions += 1) === 2)
          throw new Error('disk I/O error');
        return update(key, change);
      };
      const eventId = `EvFail-${type}`;
      expect(await h.event(event, { eventId })).toBe(200);
      const failed = await h.slack.waitFor(() => h.log.lines.find((line) => line.message === 'Slack listener failed'));
      expect(failed.context).toMatchObject({ event: type, eventId, workspace: 'T111' });
      expect(String(failed.context.error)).toContain('disk I/O error');
      const left = async () => {
        const keys = ['U111', 'U222', 'U333'].map((id) => encodeLearnerId({ ...ada, id }));
        return (await Promise.all(keys.map((key) => h.store.learners.get(key)))).filter(Boolean).length;
      };
      expect(await left()).toBe(2);

      // Slack retries (its ack came late, or a process restarted before the work was done).
      expect(await h.event(event, { eventId, retryNum: 1 })).toBe(200);
      await h.slack.waitFor(() => h.log.lines.find((line) => line.message === 'forgot a Slack workspace'));
      expect(await left()).toBe(0);
      expect(await h.event(event, { eventId, retryNum: 2 })).toBe(200);
      await settle(h);
      expect(h.log.lines.filter((line) => line.message === 'forgot a Slack workspace')).toHaveLength(1);
      expect(
        h.log.lines.find((line) => line.message === 'ignored a Slack event already handled')?.context,
      ).toMatchObject({
        eventId,
      });
    },
  );

  it("the messenger startSlack returns DMs a learner at their user id, honours 429 and reports who can't be reached", async () => {
    const reply = addressed(
      {
        visibility: 'private',
        title: 'Time to learn',
        buttons: [{ label: 'Done', style: 'success', action: { id: 'done', value: 'webrtc-basics' } }],
      },
      'U111',
    );
    h.slack.queue('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '1' },
      body: { ok: false, error: 'ratelimited' },
    });
    expect(await h.running.messenger.send({ user: ada }, reply, 'k1')).toEqual({ status: 'sent' });
    const calls = h.slack.callsTo('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(990);
    expect(calls[1]!.args.channel).toBe('U111');
    expect(JSON.stringify(calls[1]!.args.blocks)).toContain('p2|webrtc|d|~jVGnxVkS|U111');

    h.slack.queue('chat.postMessage', { body: { ok: false, error: 'account_inactive' } });
    expect(await h.running.messenger.send({ user: { ...ada, id: 'U404' } }, reply, 'k2')).toEqual({
      status: 'undeliverable',
      reason: 'account_inactive',
    });
  });
});
