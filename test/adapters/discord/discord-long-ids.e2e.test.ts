import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callbackData, componentRows } from '../../fakes/discord-payloads.js';
import { makePath } from '../../fixtures/make-path.js';
import { startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { buttonPress, slashCommand, type Person } from './interaction-payloads.js';

/** The largest snowflake: 20 digits, for the learner and for their server. */
const SNOWFLAKE_MAX = '18446744073709551615';
/** The longest command name (32) and resource id (48) the curriculum allows. */
const path = makePath('a'.repeat(32), [
  { title: 'Start', resources: ['Interactiveconnectivityestablishmentinmuchgreaterdepth', 'Short'] },
]);
const longestId = path.resources[0]!.id;
const WEDNESDAY_9AM = Date.UTC(2026, 10, 25, 9, 0);

describe('the longest ids still make buttons Discord accepts', () => {
  let h: DiscordHarness;
  const far: Person = { id: SNOWFLAKE_MAX, username: 'far', nick: 'Far' };
  const where = { user: far, guildId: SNOWFLAKE_MAX };

  beforeEach(async () => {
    h = await startDiscordHarness({ paths: [path] });
  });
  afterEach(async () => {
    await h.close();
  });

  it('a reminder for a 48-character resource is sent, Snooze… offers its choices in place, and its Done button marks that resource from the DM', async () => {
    expect(longestId).toHaveLength(48);
    await h.send(
      slashCommand(h.fake.appId, {
        ...where,
        command: path.command,
        subcommand: 'remind',
        options: { time: '09:00', zone: 'UTC' },
      }),
    );
    h.clock.set(WEDNESDAY_9AM);
    expect((await h.bot.reminders.tick()).sent).toBe(1);

    const address = (await h.learner(SNOWFLAKE_MAX, SNOWFLAKE_MAX))?.dmAddress;
    const [reminder] = h.fake.channelMessages.get(address ?? '') ?? [];
    const buttons = componentRows(reminder?.components).flat();
    expect(buttons.map((button) => button.label)).toEqual(['Done', 'Snooze…', 'Skip today', 'Change reminder']);
    for (const button of buttons) expect(button.custom_id?.length).toBeLessThanOrEqual(100);

    const interaction = (customId: string) =>
      buttonPress(h.fake.appId, { user: far, customId, inGuild: false, botUserId: h.fake.botUserId });
    const press = (customId: string) => h.send(interaction(customId));
    const menu = await press(buttons[1]!.custom_id!);
    expect(menu.body.type).toBe(7);
    const choices = componentRows(callbackData(menu).components).flat();
    expect(choices.map((button) => button.label)).toEqual([
      '1 hour (10:00)',
      '3 hours (12:00)',
      'This evening (19:00)',
      'Tomorrow (Thu 09:00)',
    ]);
    for (const button of choices) expect(button.custom_id?.length).toBeLessThanOrEqual(100);
    // The choice settles the menu in place; the confirmation follows as a private message.
    const choice = interaction(choices[2]!.custom_id!);
    const snoozed = await h.send(choice);
    expect(callbackData(snoozed).embeds?.[0]?.description).toBe(`😴 Snoozed at <t:${WEDNESDAY_9AM / 1000}:t>`);
    expect(callbackData(snoozed).components).toEqual([]);
    const confirmation = await h.webhook(choice, 'POST');
    // 19:00 UTC in each reader's own zone, and how far off it is.
    const seven = Date.UTC(2026, 10, 25, 19, 0) / 1000;
    expect(confirmation.body.embeds?.[0]?.description).toBe(
      `Snoozed. I'll remind you again at **<t:${seven}:f> (<t:${seven}:R>)**.`,
    );
    const saved = await h.learner(SNOWFLAKE_MAX, SNOWFLAKE_MAX);
    expect(saved?.paths[path.command]?.reminder?.snoozeAt).toBe(Date.UTC(2026, 10, 25, 19, 0));

    const done = interaction(buttons[0]!.custom_id!);
    const callback = await h.send(done);
    expect(callback.body.type).toBe(7);
    expect(callbackData(callback).embeds?.[0]?.title).toBe(path.resources[0]!.title);
    expect((await h.webhook(done, 'POST')).body.embeds?.[0]?.title).toBe(`Marked done: ${path.resources[0]!.title}`);
    const record = await h.learner(SNOWFLAKE_MAX, SNOWFLAKE_MAX);
    expect(record?.paths[path.command]?.marks[longestId]?.status).toBe('done');
  });
});
