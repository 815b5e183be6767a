import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackHarness, visibleText, type SlackHarness } from './slack-harness.js';

/** Bidi overrides and isolates, marks, zero-width spaces and joiners, a BOM: Unicode category Cf. */
const INVISIBLE = ['\u202E', '\u202A', '\u2066', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B', '\u200D', '\uFEFF'];
const FORMAT_CHARACTER = /\p{Cf}/u;

describe('Slack: names and echoed text lose invisible format characters, through the real Bolt app', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('a display name with a right-to-left override shows plainly on the public leaderboard', async () => {
    await h.command('done', { userId: 'U222', userName: `\u202Eecarg${INVISIBLE.join('')}` });
    const board = await h.command('leaderboard');
    expect(board.response_type).toBe('in_channel');
    expect(visibleText(board)).toContain('ecarg');
    expect(visibleText(board)).not.toMatch(FORMAT_CHARACTER);
  });

  it("the name from the learner's Slack profile (a command typed in the DM) shows plainly too", async () => {
    await h.command('done', { userId: 'U333', userName: 'lin' });
    h.slack.users.set('U333', {
      id: 'U333',
      name: 'lin',
      profile: { display_name: `\u2066Lin\u200B \u202EChen\u2069` },
    });
    const event = {
      type: 'message',
      channel: 'D333',
      user: 'U333',
      text: 'done',
      ts: '1700000000.000001',
      event_ts: '1700000000.000001',
      channel_type: 'im',
    };
    expect(await h.event(event, { eventId: 'EvProfileName' })).toBe(200);
    await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage').find((call) => call.args.channel === 'D333'));
    const board = await h.command('leaderboard');
    expect(visibleText(board)).toContain('Lin Chen');
    expect(visibleText(board)).not.toMatch(FORMAT_CHARACTER);
  });

  it.each([
    ['an unknown resource', `done \u202Eevil${INVISIBLE.join('')}name`, 'evilname'],
    ['an unknown subcommand', `\u202Edno${'\u200B'}ne`, 'dnone'],
    ['words a command takes none of', `progress \u202Eplease\u200D now`, 'please now'],
  ])('%s is echoed without them', async (_, text, echoed) => {
    const answer = await h.command(text);
    expect(answer.response_type).toBe('ephemeral');
    expect(visibleText(answer)).toContain(echoed);
    expect(visibleText(answer)).not.toMatch(FORMAT_CHARACTER);
  });
});
