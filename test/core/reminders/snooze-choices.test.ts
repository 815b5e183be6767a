import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { encodeLearnerId } from '../../../src/model/learner-id.js';
import { createRecordingMessenger } from '../../fakes/recording-messenger.js';
import { createTestBot, type TestBot } from '../../fakes/test-bot.js';
import { reminderBot, tickUntil, HOUR, DAY } from '../../fixtures/reminder-bot.js';
import { learner, press, run, say } from '../../fixtures/learners.js';
import { eventually } from '../../support/eventually.js';

/** Wed 25 Nov 2026, 09:00 UTC. */
const NINE = Date.UTC(2026, 10, 25, 9, 0);
const ana = learner('ana', 'Ana');
let t: TestBot;
let recorder: ReturnType<typeof createRecordingMessenger>;

beforeEach(async () => {
  ({ t, recorder } = await reminderBot(NINE - HOUR));
  await say(t.bot, ana, 'remind 09:00 UTC');
});

const sent = () => recorder.deliveries.map((entry) => new Date(entry.at).toISOString());

describe('snooze choices', () => {
  it('Snooze… on a reminder offers 1 hour, 3 hours, this evening and tomorrow, each with its local time', async () => {
    await tickUntil({ t, recorder }, NINE);
    const snooze = recorder.deliveries[0]!.reply.buttons![1]!;
    expect(snooze.label).toBe('Snooze…');
    const menu = await press(t.bot, ana, snooze.action.id);
    expect(menu.text).toBe('Remind you again when?');
    expect(menu.buttons?.map((button) => button.label)).toEqual([
      '1 hour (10:00)',
      '3 hours (12:00)',
      'This evening (19:00)',
      'Tomorrow (Thu 09:00)',
    ]);
    // Typed, as on Discord, the same choices are suggested with the same times.
    const suggested = await t.bot.autocomplete({
      path: 'webrtc',
      command: 'snooze',
      option: 'until',
      partial: '',
      user: ana,
    });
    expect(suggested.map((choice) => choice.name)).toEqual(menu.buttons?.map((button) => button.label));
    const evening = menu.buttons![2]!;
    expect((await press(t.bot, ana, evening.action.id)).text).toBe(
      "Snoozed. I'll remind you again at **Wed 19:00 UTC**.",
    );
    await tickUntil({ t, recorder }, NINE + 11 * HOUR);
    expect(sent()).toEqual(['2026-11-25T09:00:00.000Z', '2026-11-25T19:00:00.000Z']);
  });

  it('this evening is offered only while it is ahead, in the learner’s zone; pressed later, it says so', async () => {
    t.clock.set(Date.UTC(2026, 10, 25, 18, 30));
    await say(t.bot, ana, 'remind 09:00 Europe/Berlin'); // 19:30 in Berlin
    const menu = await say(t.bot, ana, 'snooze');
    expect(menu.buttons?.map((button) => button.label)).toEqual([
      '1 hour (20:30)',
      '3 hours (22:30)',
      'Tomorrow (Thu 09:00)',
    ]);
    const late = await press(t.bot, ana, 'snooze-evening');
    expect(late.tone).toBe('error');
    expect(late.text).toBe(
      "It's already past 19:00, so this evening is over.\nSnooze for 1 hour, 3 hours or until tomorrow: `/webrtc snooze`.",
    );
  });

  it('3 hours comes once, three hours later', async () => {
    await tickUntil({ t, recorder }, NINE);
    expect((await say(t.bot, ana, 'snooze 3 hours')).text).toBe("Snoozed. I'll remind you again at **Wed 12:00 UTC**.");
    await tickUntil({ t, recorder }, NINE + 4 * HOUR);
    expect(sent()).toEqual(['2026-11-25T09:00:00.000Z', '2026-11-25T12:00:00.000Z']);
  });

  it('tomorrow passes over the rest of today and brings one reminder at the usual time', async () => {
    await tickUntil({ t, recorder }, NINE);
    await press(t.bot, ana, 'snooze'); // an old "Snooze 1 hour" button: still an hour
    expect((await press(t.bot, ana, 'snooze-tomorrow')).text).toBe(
      "Snoozed. I'll remind you again at **Thu 09:00 UTC**.",
    );
    await tickUntil({ t, recorder }, NINE + DAY + HOUR);
    expect(sent()).toEqual(['2026-11-25T09:00:00.000Z', '2026-11-26T09:00:00.000Z']);
  });

  it('tomorrow on a day off still comes, once, and the next study day’s reminder after it', async () => {
    await say(t.bot, ana, 'remind mon,wed,fri');
    await tickUntil({ t, recorder }, NINE);
    await say(t.bot, ana, 'snooze tomorrow');
    await tickUntil({ t, recorder }, NINE + 2 * DAY + HOUR);
    expect(sent()).toEqual(['2026-11-25T09:00:00.000Z', '2026-11-26T09:00:00.000Z', '2026-11-27T09:00:00.000Z']);
  });

  it('is refused with reminders off, while paused, and for a choice it does not offer, changing nothing', async () => {
    const stored = () => t.store.learners.get(encodeLearnerId(ana));
    const bad = await say(t.bot, ana, 'snooze funday');
    expect(bad.text).toBe(
      '"funday" isn\'t a snooze I offer.\nChoose `1 hour`, `3 hours`, `this evening` or `tomorrow`, like `/webrtc snooze this evening`.',
    );
    await say(t.bot, ana, 'pause 3d');
    const before = await stored();
    const paused = await say(t.bot, ana, 'snooze this evening');
    expect(paused.text).toBe(
      "You're paused until **Sat 28 Nov**, so there's nothing to snooze.\n`/webrtc resume` ends the pause early.",
    );
    expect(await stored()).toEqual(before);
    await say(t.bot, ana, 'resume');
    await say(t.bot, ana, 'remind off');
    expect((await press(t.bot, ana, 'snooze-3h')).text).toBe(
      'Reminders are off. `/webrtc remind 09:00` turns them on.',
    );
  });
});

describe('a snooze across a restart', () => {
  it('is sent exactly once when the process dies while sending it, and the next one comes as usual', async () => {
    const file = `sqlite://${join(await mkdtemp(join(tmpdir(), 'pathbot-')), 'bot.sqlite')}`;
    const first = await createTestBot({ storeUrl: file, now: NINE });
    const platformKeys = new Set<string>();
    const before = createRecordingMessenger(() => first.clock.now(), 'console', platformKeys);
    first.bot.registerMessenger(before.messenger);
    await say(first.bot, ana, 'remind 08:00 UTC');
    await say(first.bot, ana, 'snooze this evening');
    // The snooze reaches the platform, and the process dies before it hears back.
    first.clock.set(Date.UTC(2026, 10, 25, 19, 0));
    before.setBehaviour(() => 'deliver-then-hang');
    void first.bot.reminders.tick();
    await eventually(() => expect(before.deliveries).toHaveLength(1));
    await first.store.close();

    const second = await createTestBot({ storeUrl: file, now: Date.UTC(2026, 10, 25, 19, 6) });
    const after = createRecordingMessenger(() => second.clock.now(), 'console', platformKeys);
    second.bot.registerMessenger(after.messenger);
    await second.bot.reminders.tick();
    await second.bot.reminders.tick();
    expect(after.deliveries).toEqual([]);
    const record = await second.store.learners.get(encodeLearnerId(ana));
    expect(record?.paths.webrtc?.reminder?.snoozeAt).toBeNull();
    second.clock.set(Date.UTC(2026, 10, 26, 8, 0));
    expect((await second.bot.reminders.tick()).sent).toBe(1);
    expect([...before.deliveries, ...after.deliveries].map((entry) => entry.key)).toEqual([
      expect.stringContaining('@snooze@'),
      expect.stringContaining('@2026-11-26'),
    ]);
    await run(second.bot, ana, 'next');
    await second.store.close();
  });
});
