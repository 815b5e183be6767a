import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeLearnerId } from '../../../src/model/learner-id.js';
import { buttonPressRequest, postSigned } from './signed-slack-requests.js';
import {
  BOT_TOKEN,
  buttonIds,
  SIGNING_SECRET,
  startSlackHarness,
  visibleText,
  type SlackHarness,
} from './slack-harness.js';

const ada = { platform: 'slack' as const, workspace: 'T111', id: 'U111' };

describe('Slack /webrtc through the real Bolt app (HTTP mode, signed requests, loopback Slack)', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('shows usage for /webrtc alone and for /webrtc help, privately', async () => {
    for (const text of ['', 'help']) {
      const answer = await h.command(text);
      expect(answer.response_type).toBe('ephemeral');
      expect(answer.text).toMatch(/^WebRTC learning path — 7 resources, 240 min/);
      expect(visibleText(answer)).toContain('`/webrtc remind [HH:MM [time zone] [days] | nudge off | off]`');
    }
  });

  it('suggests the closest subcommand for a typo and changes nothing', async () => {
    const answer = await h.command('dne');
    expect(answer.response_type).toBe('ephemeral');
    expect(visibleText(answer)).toContain('Did you mean `/webrtc done`?');
    expect(await h.store.learners.get(encodeLearnerId(ada))).toBeUndefined();
  });

  it('next, done, skip and undo walk the path and record progress', async () => {
    const next = await h.command('next');
    expect(next.response_type).toBe('ephemeral');
    expect(next.text).toContain('WebRTC Basics\nArticle · 30 min · Phase 1, 1 of 2');
    expect(buttonIds(next)).toEqual(['p2|webrtc|d|~jVGnxVkS|U111', 'p2|webrtc|s|~jVGnxVkS|U111']);

    const done = await h.command('done');
    expect(done.text).toContain('Marked done: WebRTC Basics');
    expect(done.text).toContain('Up next: WebRTC vs WebSockets\nArticle · 25 min · Phase 1, 2 of 2');
    expect((await h.store.learners.get(encodeLearnerId(ada)))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe(
      'done',
    );

    const skip = await h.command('skip');
    expect(visibleText(skip)).toContain('WebRTC vs WebSockets');
    expect(
      (await h.store.learners.get(encodeLearnerId(ada)))?.paths.webrtc?.marks['webrtc-vs-websockets']?.status,
    ).toBe('skipped');

    const undo = await h.command('undo');
    expect(undo.response_type).toBe('ephemeral');
    expect(visibleText(undo)).toContain('WebRTC vs WebSockets');
    expect(
      (await h.store.learners.get(encodeLearnerId(ada)))?.paths.webrtc?.marks['webrtc-vs-websockets'],
    ).toBeUndefined();
  });

  it('progress and path answer privately with bars and marks', async () => {
    await h.command('done');
    const progress = await h.command('progress');
    expect(progress.response_type).toBe('ephemeral');
    expect(visibleText(progress)).toContain('*210 min* to go.');
    expect(visibleText(progress)).toContain('`▓░░░░░░░░░ 13%`  30 of 240 min done (1 of 7 resources)');

    const path = await h.command('path');
    expect(path.response_type).toBe('ephemeral');
    expect(path.text).toMatch(/^The WebRTC path — 7 resources, 240 min/);
  });

  it('posts the leaderboard in the channel without notifying anyone', async () => {
    await h.command('done', { userId: 'U222', userName: 'here' });
    await h.command('done', { userId: 'U333', userName: 'grace' });
    const board = await h.command('leaderboard');
    expect(board.response_type).toBe('in_channel');
    expect(board.text).toMatch(/^WebRTC leaderboard — all time/);
    const everything = visibleText(board);
    expect(everything).toContain('grace');
    expect(everything).not.toMatch(/<!|<@|@here|@channel|@everyone/);
  });

  it('refuses a leaderboard in a DM privately', async () => {
    const answer = await h.command('leaderboard', { channelId: 'D111', channelName: 'directmessage' });
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('Leaderboards belong to channels.');
  });

  it("remind defaults to the learner's Slack time zone from users.info", async () => {
    h.slack.users.set('U111', { id: 'U111', name: 'ada', tz: 'America/New_York', is_admin: false });
    const answer = await h.command('remind 09:00');
    expect(answer.text).toContain('every day at 09:00 America/New_York');
    expect(h.slack.callsTo('users.info')[0]?.args.user).toBe('U111');
    expect((await h.store.learners.get(encodeLearnerId(ada)))?.paths.webrtc?.reminder).toMatchObject({
      time: '09:00',
      zone: 'America/New_York',
      enabled: true,
    });

    const off = await h.command('remind off');
    expect(off.response_type).toBe('ephemeral');
    expect((await h.store.learners.get(encodeLearnerId(ada)))?.paths.webrtc?.reminder?.enabled).toBe(false);
  });

  it('export returns the learner data; forget asks, and the confirm button deletes it', async () => {
    await h.command('done');
    const exported = await h.command('export');
    expect(exported.response_type).toBe('ephemeral');
    expect(visibleText(exported)).toContain('webrtc-basics');

    const forget = await h.command('forget');
    expect(buttonIds(forget)).toEqual(['p2|webrtc|f||U111', 'p2|webrtc|k||U111']);
    const confirmed = await h.press('p2|webrtc|f||U111', 'forget-confirm');
    expect(confirmed.response_type).toBe('ephemeral');
    expect(confirmed.replace_original).toBe(false);
    expect(confirmed.text).toContain('everything I stored about you is deleted');
    expect(await h.store.learners.get(encodeLearnerId(ada))).toBeUndefined();
  });

  it('a Done button marks the resource for its owner; anyone else gets "isn\'t yours" and nothing changes', async () => {
    const next = await h.command('next');
    const [doneId] = buttonIds(next);

    const before = await h.store.learners.get(encodeLearnerId(ada));
    const stranger = await h.press(doneId!, 'webrtc-basics', { userId: 'U999', userName: 'mallory' });
    expect(stranger.response_type).toBe('ephemeral');
    expect(stranger.text).toContain("This one isn't yours");
    expect(await h.store.learners.get(encodeLearnerId(ada))).toEqual(before);
    expect(await h.store.learners.get(encodeLearnerId({ ...ada, id: 'U999' }))).toBeUndefined();

    const owner = await h.press(doneId!, 'webrtc-basics');
    expect(owner.text).toContain('Marked done: WebRTC Basics');
    expect((await h.store.learners.get(encodeLearnerId(ada)))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe(
      'done',
    );
  });

  it('acknowledges a button it did not make at once and does nothing with it', async () => {
    const answer = await postSigned(
      h.url,
      buttonPressRequest({ actionId: 'a', value: 'click_me_123', responseUrl: h.slack.responseUrl('foreign') }),
      { secret: SIGNING_SECRET },
    );
    expect(answer.status).toBe(200);
    await h.command('next'); // a request sent after it has been answered in full
    expect(h.slack.responses.map((post) => post.id)).not.toContain('foreign');
  });

  it('answers an unexpected failure with a short private apology and logs it with context', async () => {
    // Fault injection in a collaborator (the store), not in the adapter under test.
    h.store.learners.update = async () => {
      throw new Error('disk I/O error');
    };
    const answer = await h.command('done');
    expect(answer).toMatchObject({
      response_type: 'ephemeral',
      text: 'Sorry, something went wrong on our side. Please try again in a moment.',
    });
    expect(h.log.lines.find((line) => line.message === 'Slack command failed')?.context).toMatchObject({
      command: 'done',
      workspace: 'T111',
      user: 'U111',
    });
  });

  it('answers a button whose work fails unexpectedly with the apology, and logs it with context', async () => {
    const [doneId] = buttonIds(await h.command('next'));
    h.store.learners.update = async () => {
      throw new Error('disk I/O error');
    };
    const answer = await h.press(doneId!, 'webrtc-basics');
    expect(answer).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Sorry, something went wrong on our side. Please try again in a moment.',
    });
    expect(h.log.lines.find((line) => line.message === 'Slack button press failed')?.context).toMatchObject({
      kind: 'button',
      path: 'webrtc',
      action: 'done',
      workspace: 'T111',
      user: 'U111',
    });
  });

  it('never logs the bot token or the signing secret', async () => {
    await h.command('next');
    await h.command('remind 09:00');
    const logged = JSON.stringify(h.log.lines);
    expect(logged).not.toContain(BOT_TOKEN);
    expect(logged).not.toContain(SIGNING_SECRET);
  });
});
