import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ACTION_ID, MAX_BUTTON_TEXT, MAX_BUTTON_VALUE } from '../../../adapters/slack/slack-limits.js';
import { encodeLearnerId } from '../../../src/model/learner-id.js';
import { makePath } from '../../fixtures/make-path.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';

/** The longest command name and resource id the curriculum rules allow (32 and 48 characters). */
const longest = makePath('a'.repeat(32), [
  { title: 'Start', resources: ['Interactiveconnectivityestablishmentinmuchgreaterdepth', 'Short'] },
]);
const longestId = longest.resources[0]!.id;
/**
 * Slack documents no maximum for user and team ids ("treat them as opaque strings"; today's are 9 to 11
 * characters): these are three times as long. https://api.slack.com/changelog/2016-08-11-user-id-format-changes
 */
const USER_ID = `W${'Z'.repeat(31)}`;
const TEAM_ID = `T${'9'.repeat(31)}`;
const NINE = Date.UTC(2026, 10, 25, 9, 0);

interface ButtonElement {
  type: string;
  action_id: string;
  value: string;
  text: { text: string };
}

function buttons(message: Record<string, unknown>): ButtonElement[] {
  const blocks = (message.blocks ?? []) as Array<{ type: string; elements?: ButtonElement[] }>;
  return blocks.flatMap((block) => (block.type === 'actions' ? (block.elements ?? []) : []));
}

function expectWithinSlackLimits(elements: ButtonElement[]): void {
  for (const element of elements) {
    expect(element.action_id.length, element.action_id).toBeLessThanOrEqual(MAX_ACTION_ID);
    expect(element.value.length).toBeLessThanOrEqual(MAX_BUTTON_VALUE);
    expect(element.text.text.length).toBeLessThanOrEqual(MAX_BUTTON_TEXT);
  }
}

describe('Slack buttons at the longest path, resource id, user and team id, through the real Bolt app', () => {
  let h: SlackHarness;
  const user = { platform: 'slack' as const, workspace: TEAM_ID, id: USER_ID };
  const fields = { command: `/${longest.command}`, userId: USER_ID, teamId: TEAM_ID };
  beforeEach(async () => {
    h = await startSlackHarness({}, { paths: [longest], now: NINE - 3_600_000 });
  });
  afterEach(async () => {
    await h.close();
  });

  it('the fixture really is the longest the curriculum allows', () => {
    expect(longest.command).toHaveLength(32);
    expect(longestId).toHaveLength(48);
  });

  it('Done and Skip under the next resource fit, and pressing Done marks that resource', async () => {
    const next = await h.command('next', fields);
    const elements = buttons(next);
    expect(elements.map((element) => element.text.text)).toEqual(['Done', 'Skip']);
    expectWithinSlackLimits(elements);
    const done = await h.press(elements[0]!.action_id, elements[0]!.value, fields);
    expect(done.text).toContain('Marked done');
    expect((await h.store.learners.get(encodeLearnerId(user)))?.paths[longest.command]?.marks[longestId]?.status).toBe(
      'done',
    );
  });

  it('Delete everything and Keep my data under forget fit, and Keep my data keeps it', async () => {
    await h.command('next', fields);
    const elements = buttons(await h.command('forget', fields));
    expect(elements.map((element) => element.text.text)).toEqual(['Delete everything', 'Keep my data']);
    expectWithinSlackLimits(elements);
    const kept = await h.press(elements[1]!.action_id, elements[1]!.value, fields);
    expect(kept.text).toContain('Nothing was deleted.');
  });

  it("the reminder DM's Done, Snooze… and Skip today fit, Snooze… offers its choices (they fit too), and Done marks the 48-character resource", async () => {
    await h.command('remind 09:00 UTC', fields);
    h.clock.set(NINE);
    expect(await h.bot.reminders.tick()).toMatchObject({ sent: 1, failed: 0 });
    const [dm] = h.slack.callsTo('chat.postMessage');
    expect(dm?.args.channel).toBe(USER_ID);
    const elements = buttons(dm!.args);
    expect(elements.map((element) => element.text.text)).toEqual(['Done', 'Snooze…', 'Skip today', 'Change reminder']);
    expectWithinSlackLimits(elements);
    // The menu takes the reminder's place (an edit of the pressed message).
    const menu = await h.pressInPlace(elements[1]!.action_id, elements[1]!.value, { ...fields, channelId: 'DLONG' });
    const choices = buttons(menu);
    expect(choices.map((element) => element.text.text)).toEqual([
      '1 hour (10:00)',
      '3 hours (12:00)',
      'This evening (19:00)',
      'Tomorrow (Thu 09:00)',
    ]);
    expectWithinSlackLimits(choices);
    const evening = await h.press(choices[2]!.action_id, choices[2]!.value, { ...fields, channelId: 'DLONG' });
    expect(evening.text).toBe("Snoozed. I'll remind you again at Wed 19:00 UTC.");
    // Each reader sees 19:00 UTC in their own zone; clients that cannot format it read the learner's zone.
    const seven = Date.UTC(2026, 10, 25, 19, 0) / 1000;
    expect(JSON.stringify(evening.blocks)).toContain(
      `Snoozed. I'll remind you again at *<!date^${seven}^{date_short_pretty} at {time}|Wed 19:00 UTC>*.`,
    );
    // The snooze settled that message: Done is pressed on another copy of the reminder.
    const done = await h.press(elements[0]!.action_id, elements[0]!.value, {
      ...fields,
      channelId: 'DLONG',
      messageTs: '333.444',
    });
    expect(done.text).toContain('Marked done');
    expect((await h.store.learners.get(encodeLearnerId(user)))?.paths[longest.command]?.marks[longestId]?.status).toBe(
      'done',
    );
  });
});
