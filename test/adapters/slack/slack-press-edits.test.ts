import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeSlackMessage } from '../../fakes/fake-slack-messages.js';
import { buttonIds, startSlackHarness, type SlackHarness } from './slack-harness.js';

/** Wed 2026-11-25 09:00 UTC: the first reminder after the harness clock for "remind 09:00 UTC". */
const NINE = Date.UTC(2026, 10, 25, 9, 0);
const ALREADY_DONE =
  'Already done: that message was answered before, so nothing changed.\n`/webrtc next` shows where you are.';

/** What a press does to the reminder DM it was on, as the learner sees that DM in Slack. */
describe('a press edits the Slack reminder it was on, once', () => {
  let h: SlackHarness | undefined;
  let tempDir: string | undefined;

  afterEach(async () => {
    await h?.close();
    h = undefined;
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    tempDir = undefined;
  });

  async function reminderInDm(storeUrl?: string): Promise<{ harness: SlackHarness; reminder: FakeSlackMessage }> {
    const harness = (h = await startSlackHarness({}, storeUrl ? { storeUrl } : {}));
    await harness.command('remind 09:00 UTC');
    harness.clock.set(NINE);
    expect((await harness.bot.reminders.tick()).sent).toBe(1);
    const [reminder] = harness.slack.messagesIn('U111');
    if (!reminder) throw new Error('no reminder in the DM');
    return { harness, reminder };
  }
  const dm = (reminder: FakeSlackMessage) => ({ channel: 'D111', ts: reminder.ts });
  /** The reminder's buttons as Slack keeps them: what a press sends back. */
  const buttonsOf = (reminder: FakeSlackMessage) =>
    (reminder.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).flatMap((block) =>
      block.type === 'actions' ? (block.elements ?? []) : [],
    );
  const pressButton = (harness: SlackHarness, reminder: FakeSlackMessage, index: number) => {
    const pressed = buttonsOf(reminder)[index];
    if (!pressed) throw new Error(`the reminder has no button ${index}`);
    return harness.pressOn(dm(reminder), pressed.action_id, pressed.value);
  };

  it('Done edits the reminder with chat.update: "✅ Done at …", no buttons left; the next card comes privately', async () => {
    const { harness, reminder } = await reminderInDm();
    // Done, Snooze…, Skip today and Change reminder (which opens the settings form).
    expect(buttonIds({ blocks: reminder.blocks })).toEqual([
      expect.stringMatching(/^p2\|webrtc\|d\|/),
      expect.stringMatching(/^p2\|webrtc\|m\|/),
      expect.stringMatching(/^p2\|webrtc\|t\|/),
      'p2|webrtc|o||U111',
    ]);
    const answer = await pressButton(harness, reminder, 0);

    const [update, ...more] = harness.slack.callsTo('chat.update');
    expect(more).toEqual([]);
    expect(update?.args).toMatchObject({ channel: 'D111', ts: reminder.ts });
    const [edited] = harness.slack.messagesIn('U111');
    expect(edited?.text).toBe('WebRTC Basics\n✅ Done at 09:00');
    expect(edited?.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: ':white_check_mark: WebRTC Basics', emoji: true } },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `✅ Done at <!date^${NINE / 1000}^{time}|09:00>` },
      },
    ]);
    expect(edited?.edited).toBeDefined();
    expect(harness.slack.edits.map((edit) => edit.via)).toEqual(['chat.update']);

    expect(answer.response_type).toBe('ephemeral');
    expect(answer.replace_original).toBe(false);
    expect(answer.text).toContain('Marked done: WebRTC Basics');
  });

  it('a second press on the same reminder is answered privately ("already done") and changes nothing', async () => {
    const { harness, reminder } = await reminderInDm();
    await pressButton(harness, reminder, 0);
    const exported = await harness.command('export');
    const progress = await harness.command('progress');
    const shown = structuredClone(harness.slack.messagesIn('U111'));

    // A client that has not refreshed still shows Skip today: the press arrives anyway.
    const again = await pressButton(harness, reminder, 2);
    expect(again.response_type).toBe('ephemeral');
    expect(again.text).toBe(ALREADY_DONE.replace(/`/g, ''));
    expect(harness.slack.callsTo('chat.update')).toHaveLength(1);
    expect(harness.slack.messagesIn('U111')).toEqual(shown);
    expect(await harness.command('export')).toEqual(exported);
    expect(await harness.command('progress')).toEqual(progress);
  });

  it('a press on a reminder answered before a restart (a new bot on the same store) is refused the same way', async () => {
    tempDir = mkdtempSync(join(tmpdir(), 'slack-restart-'));
    const storeUrl = `sqlite://${join(tempDir, 'bot.sqlite')}`;
    const { harness, reminder } = await reminderInDm(storeUrl);
    await pressButton(harness, reminder, 0);
    const before = await harness.command('export');
    await harness.close();

    const restarted = (h = await startSlackHarness({}, { storeUrl, now: NINE }));
    const again = await pressButton(restarted, reminder, 0);
    expect(again.text).toBe(ALREADY_DONE.replace(/`/g, ''));
    expect(restarted.slack.callsTo('chat.update')).toEqual([]);
    expect(await restarted.command('export')).toEqual(before);
  });
});
