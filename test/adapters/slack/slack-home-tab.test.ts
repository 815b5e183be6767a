import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonIds, startSlackHarness, visibleText, type SlackHarness } from './slack-harness.js';

const homeOpened = {
  type: 'app_home_opened',
  user: 'U111',
  channel: 'D111',
  tab: 'home',
  event_ts: '1515449522.000016',
};

describe('the Slack Home tab and display names (through the real Bolt app)', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
    h.slack.users.set('U111', { id: 'U111', name: 'ada', tz: 'Europe/Berlin', profile: { display_name: 'Ada L.' } });
    h.slack.users.set('U222', { id: 'U222', name: 'grace', profile: { display_name: '', real_name: 'Grace Hopper' } });
  });
  afterEach(async () => {
    await h.close();
  });
  const published = (index: number) =>
    h.slack
      .waitFor(() => h.slack.callsTo('views.publish')[index])
      .then((call) => call.args.view as Record<string, unknown>);

  it('shows the next resource with Done and Skip, progress per phase, the reminder with Change, and the leaderboard place', async () => {
    await h.command('done', { userName: 'ada' });
    await h.command('done', { userId: 'U222', userName: 'grace' });
    await h.command('done', { userId: 'U222', userName: 'grace' });
    await h.event(homeOpened, { eventId: 'EvHomeTab1' });
    const view = await published(0);
    const text = visibleText(view);
    expect(text).toContain('Phase 1');
    expect(text).toContain('30 of 55 min');
    expect(text).toContain('Phase 3');
    expect(text).toContain(':trophy: Leaderboard: #2 of 2 in <#C111>');
    expect(buttonIds(view)).toEqual(['p2|webrtc|d|~cuL4Ukdx|U111', 'p2|webrtc|s|~cuL4Ukdx|U111', 'p2|webrtc|o||U111']);
    expect((view.blocks as unknown[]).length).toBeLessThanOrEqual(100);
  });

  it('Change reminder on the Home tab opens the settings form; saving it refreshes Home with the new reminder', async () => {
    await h.event(homeOpened, { eventId: 'EvHomeTab2' });
    const home = await published(0);
    const change = buttonIds(home).find((id) => id.includes('|o|'))!;
    const form = await h.openForm('', { pressActionId: change, fromHome: true });
    expect(JSON.stringify(form.blocks)).toContain(
      '"initial_option":{"text":{"type":"plain_text","text":"Europe/Berlin"}',
    );
    const ack = await h.submitForm(form, { time: '06:45', days: ['1', '2', '3', '4', '5'] });
    expect(ack.response_action).toBe('update');
    const refreshed = await published(1);
    expect(visibleText(refreshed)).toContain('weekdays at 06:45 Europe/Berlin');
  });

  it('leaderboards show the profile’s display name (else the real name), not the slash command’s user_name', async () => {
    await h.command('done', { userName: 'ada' });
    await h.command('done', { userId: 'U222', userName: 'grace' });
    const board = visibleText(await h.command('leaderboard'));
    expect(board).toContain('Ada L.');
    expect(board).toContain('Grace Hopper');
    expect(board).not.toContain('ada');
    // A press carries only the username: it keeps the name the profile gave.
    const next = await h.command('next');
    await h.press(buttonIds(next)[0]!, '');
    expect(visibleText(await h.command('leaderboard'))).toContain('Ada L.');
  });
});
