import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InteractionResponseType, type APIMessage } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { callbackData, componentRows } from '../../fakes/discord-payloads.js';
import { startDiscordHarness, type DiscordHarness, type HarnessOptions } from './discord-harness.js';
import { buttonPress, hope, slashCommand } from './interaction-payloads.js';

/** Wed 2026-11-25 09:00 UTC: the first reminder after the harness clock for "remind 09:00 UTC". */
const WEDNESDAY_9AM = Date.UTC(2026, 10, 25, 9, 0);

/** What a press does to the reminder DM it was on, as the learner sees that DM in Discord. */
describe('a press edits the reminder it was on, once', () => {
  let h: DiscordHarness;
  let tempDir: string | undefined;

  afterEach(async () => {
    await h.close();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    tempDir = undefined;
  });

  async function reminderInDm(options: HarnessOptions = {}): Promise<APIMessage> {
    h = await startDiscordHarness(options);
    const remind = slashCommand(h.fake.appId, { subcommand: 'remind', options: { time: '09:00', zone: 'UTC' } });
    // A slow core defers first; the reminder is set once the deferred reply is edited.
    if ((await h.send(remind)).body.type === InteractionResponseType.DeferredChannelMessageWithSource)
      await h.webhook(remind, 'PATCH', '/messages/@original');
    h.clock.set(WEDNESDAY_9AM);
    expect((await h.bot.reminders.tick()).sent).toBe(1);
    const [reminder] = h.fake.channels.deliveriesTo(hope.id);
    if (!reminder) throw new Error('no reminder in the DM');
    return reminder;
  }
  const buttonOf = (message: APIMessage, label: string) =>
    componentRows(message.components)
      .flat()
      .find((button) => button.label === label)?.custom_id ?? '';
  const pressOn = (message: APIMessage, customId: string) =>
    buttonPress(h.fake.appId, { customId, inGuild: false, botUserId: h.fake.botUserId, on: message });
  const shownDm = () => h.fake.channels.deliveriesTo(hope.id);

  it('Done turns the reminder into "✅ Done at …" with no buttons (type 7); the next card follows privately', async () => {
    const reminder = await reminderInDm();
    const done = pressOn(reminder, buttonOf(reminder, 'Done'));
    expect((await h.send(done)).body.type).toBe(7);

    const [edited, ...more] = shownDm();
    expect(more).toEqual([]);
    expect(edited?.id).toBe(reminder.id);
    expect(edited?.embeds[0]?.title).toBe('WebRTC Basics');
    expect(edited?.embeds[0]?.description).toBe(`✅ Done at <t:${WEDNESDAY_9AM / 1000}:t>`);
    expect(edited?.components).toEqual([]);
    expect(edited?.edited_timestamp).not.toBeNull();
    expect(h.fake.messageEdits.map((edit) => [edit.messageId, edit.via])).toEqual([[reminder.id, 'update-message']]);

    const next = await h.webhook(done, 'POST');
    expect(next.body.flags).toBe(64);
    expect(next.body.embeds?.[0]?.title).toBe('Marked done: WebRTC Basics');
    expect((await h.learner(hope.id))?.paths.webrtc?.marks['webrtc-basics']?.status).toBe('done');
  });

  it('a second press on the same reminder is answered privately ("already done") and changes nothing', async () => {
    const reminder = await reminderInDm();
    await h.send(pressOn(reminder, buttonOf(reminder, 'Done')));
    const record = await h.learner(hope.id);
    const progress = callbackData(await h.send(slashCommand(h.fake.appId, { subcommand: 'progress' })));
    const dm = structuredClone(shownDm());

    // Discord still shows the old buttons to a client that has not refreshed: the press arrives anyway.
    const again = await h.send(pressOn(reminder, buttonOf(reminder, 'Skip today')));
    expect(again.body.type).toBe(4);
    expect(callbackData(again).flags).toBe(64);
    expect(callbackData(again).embeds?.[0]?.description).toBe(
      'Already done: that message was answered before, so nothing changed.\n`/webrtc next` shows where you are.',
    );
    expect(await h.learner(hope.id)).toEqual(record);
    expect(callbackData(await h.send(slashCommand(h.fake.appId, { subcommand: 'progress' })))).toEqual(progress);
    expect(shownDm()).toEqual(dm);
    expect(h.fake.messageEdits).toHaveLength(1);
  });

  it('a slow core defers the update (type 6), then PATCH @original edits the reminder itself', async () => {
    const reminder = await reminderInDm({ deferAfterMs: 40, slowCoreMs: 200 });
    const done = pressOn(reminder, buttonOf(reminder, 'Done'));
    expect((await h.send(done)).body).toEqual({ type: 6 });
    await h.webhook(done, 'PATCH', '/messages/@original');

    expect(h.fake.messageEdits.map((edit) => [edit.messageId, edit.via])).toEqual([
      [reminder.id, 'deferred-update-edit'],
    ]);
    expect(shownDm()[0]?.embeds[0]?.description).toMatch(/^✅ Done at <t:\d+:t>$/);
    expect(shownDm()[0]?.components).toEqual([]);
    expect((await h.webhook(done, 'POST')).body.embeds?.[0]?.title).toBe('Marked done: WebRTC Basics');
  });

  it('a press on a reminder answered before a restart (a new bot on the same store) is refused the same way', async () => {
    tempDir = mkdtempSync(join(tmpdir(), 'discord-restart-'));
    const storeUrl = `sqlite://${join(tempDir, 'bot.sqlite')}`;
    const reminder = await reminderInDm({ storeUrl });
    await h.send(pressOn(reminder, buttonOf(reminder, 'Done')));
    const record = await h.learner(hope.id);
    await h.close();

    h = await startDiscordHarness({ storeUrl });
    const again = await h.send(pressOn(reminder, buttonOf(reminder, 'Done')));
    expect(again.body.type).toBe(4);
    expect(callbackData(again).flags).toBe(64);
    expect(callbackData(again).embeds?.[0]?.description).toMatch(/^Already done: that message was answered before/);
    expect(h.fake.messageEdits).toEqual([]);
    expect(await h.learner(hope.id)).toEqual(record);
  });
});
