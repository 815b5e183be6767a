import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeLearnerId } from '../../../src/model/learner-id.js';
import { FAKE_BOT_USER_ID, type FakeSlackCall } from '../../fakes/fake-slack.js';
import { buttonIds, startSlackHarness, visibleText, type SlackHarness } from './slack-harness.js';

const ada = { platform: 'slack' as const, workspace: 'T111', id: 'U111' };
const DM = 'D111';
let sequence = 0;

/** A message event as Slack sends it for the app's Messages tab (message.im). */
function typed(text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const ts = `1700000000.${String((sequence += 1)).padStart(6, '0')}`;
  return { type: 'message', channel: DM, user: 'U111', text, ts, event_ts: ts, channel_type: 'im', ...extra };
}

describe("Slack DMs: commands typed in the app's Messages tab, through the real Bolt app", () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
    h.slack.users.set('U111', { id: 'U111', name: 'ada', profile: { display_name: 'Ada L.' } });
  });
  afterEach(async () => {
    await h.close();
  });

  const postsTo = (channel: string) =>
    h.slack.callsTo('chat.postMessage').filter((call) => call.args.channel === channel);
  /** Types `text` in the DM and returns the bot's answer there (the next post to the DM). */
  async function say(text: string, extra: Record<string, unknown> = {}): Promise<FakeSlackCall> {
    const before = postsTo(DM).length;
    expect(await h.event(typed(text, extra), { eventId: `EvDm${(sequence += 1)}` })).toBe(200);
    return h.slack.waitFor(() => postsTo(DM)[before]);
  }

  it('next, done and progress work without the slash, answered in the DM, as after /webrtc', async () => {
    const next = await say('next');
    expect(next.args.text).toContain('WebRTC Basics\nArticle · 30 min · Phase 1, 1 of 2');
    // The same Done and Skip buttons as after /webrtc next, for this learner.
    expect(buttonIds(next.args)).toEqual(buttonIds(await h.command('next')));
    expect(buttonIds(next.args)).toHaveLength(2);

    const done = await say('Done');
    expect(done.args.text).toContain('Marked done: WebRTC Basics');
    const record = await h.store.learners.get(encodeLearnerId(ada));
    expect(record?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('done');
    // A DM carries no name: the learner's is read from their profile, as everyone else will see it.
    expect(record?.name).toBe('Ada L.');

    const progress = await say('  progress ');
    expect(visibleText(progress.args)).toContain('30 of 240 min done (1 of 7 resources)');
    const help = await say('help');
    expect(visibleText(help.args)).toContain('`/webrtc remind [HH:MM [time zone] [days] | nudge off | off]`');
    // The path may be named first, as after the slash.
    expect((await say('webrtc next')).args.text).toContain('WebRTC vs WebSockets');
  });

  it('anything that is not a command gets a short help line and changes nothing', async () => {
    const answer = await say('hello! what can you do?');
    expect(answer.args.text).toBe(
      'Here I understand /webrtc commands without the slash: next, done, progress or help for the rest.',
    );
    expect(await h.store.learners.get(encodeLearnerId(ada))).toBeUndefined();
    // A command with a bad argument is still a command: its own clear error.
    expect((await say('done no-such-resource')).args.text).toContain('no-such-resource');
  });

  it('answers in the thread the learner wrote in', async () => {
    const answer = await say('progress', { thread_ts: '1699999999.000100' });
    expect(answer.args.thread_ts).toBe('1699999999.000100');
  });

  it('ignores its own posts, other bots, edits, other subtypes and channels: it never answers itself', async () => {
    const ignored = [
      typed('next', { user: FAKE_BOT_USER_ID, bot_id: 'BBOTFAKE', app_id: 'A111' }),
      typed('next', { subtype: 'bot_message', bot_id: 'BOTHER', user: undefined }),
      typed('next', { bot_id: 'BOTHER', bot_profile: { id: 'BOTHER', name: 'other' } }),
      typed('next', { subtype: 'message_changed', message: { text: 'next', user: 'U111' } }),
      typed('next', { subtype: 'file_share' }),
      typed('next', { channel: 'C111', channel_type: 'channel' }),
      typed('next', { channel: 'G111', channel_type: 'group' }),
    ];
    for (const [index, event] of ignored.entries()) {
      expect(await h.event(event, { eventId: `EvIgnored${index}` })).toBe(200);
    }
    // A barrier: a message typed after all of them, answered in full.
    await say('progress');
    expect(postsTo(DM)).toHaveLength(1);
    expect(h.slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('a retried message event runs its command once', async () => {
    const event = typed('done');
    expect(await h.event(event, { eventId: 'EvDoneOnce' })).toBe(200);
    await h.slack.waitFor(() => postsTo(DM)[0]);
    expect(await h.event(event, { eventId: 'EvDoneOnce', retryNum: 1 })).toBe(200);
    await say('progress');
    expect(postsTo(DM)).toHaveLength(2);
    const marks = (await h.store.learners.get(encodeLearnerId(ada)))?.paths.webrtc?.marks ?? {};
    expect(Object.keys(marks)).toEqual(['webrtc-basics']);
  });

  it('an unexpected failure is answered in the DM with the apology and logged with context', async () => {
    // Fault injection in a collaborator (the store), not in the adapter under test.
    h.store.learners.update = async () => {
      throw new Error('disk I/O error');
    };
    const answer = await say('done');
    expect(answer.args.text).toBe('Sorry, something went wrong on our side. Please try again in a moment.');
    const failure = h.log.lines.find((line) => line.message === 'Slack direct message failed');
    expect(failure?.context).toMatchObject({ command: 'done', workspace: 'T111', user: 'U111', channel: DM });
    expect(String(failure?.context.error)).toContain('disk I/O error');
  });
});
