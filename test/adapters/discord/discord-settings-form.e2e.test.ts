import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModalData } from '../../fakes/fake-discord-modals.js';
import { componentRows } from '../../fakes/discord-payloads.js';
import { startDiscordHarness, type DiscordHarness } from './discord-harness.js';
import { buttonPress, GUILD_ID, hope, modalSubmit, slashCommand } from './interaction-payloads.js';

/** The settings form through the real discord.js client: a modal (callback type 9), submitted as Discord sends it. */
describe('the settings form on Discord', () => {
  let h: DiscordHarness;
  beforeEach(async () => {
    h = await startDiscordHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const openForm = async (subcommand = 'remind') => {
    const callback = await h.send(slashCommand(h.fake.appId, { subcommand }));
    expect(callback.body.type).toBe(9);
    return (callback.body as unknown as { data: ModalData }).data;
  };
  /** Submits the modal and returns the private answer the deferred reply was edited to. */
  const submit = async (modal: ModalData, answers: Record<string, string | string[] | boolean>) => {
    const interaction = modalSubmit(h.fake.appId, { modal, answers });
    expect((await h.send(interaction)).body).toEqual({ type: 5, data: { flags: 64 } });
    return (await h.webhook(interaction, 'PATCH', '/messages/@original')).body;
  };

  it('bare `/webrtc remind` and `/webrtc plan` open a modal with the current values, within Discord’s limits', async () => {
    const modal = await openForm();
    expect(modal.custom_id).toBe(`p2|webrtc|v||${hope.id}`);
    expect(modal.title).toBe('WebRTC reminder');
    expect(modal.components.map((label) => [label.label, label.component?.type, label.component?.custom_id])).toEqual([
      ['Reminder time', 4, 'time'],
      ['Time zone', 3, 'zone'],
      ['Days', 22, 'days'],
      ['Finish by', 4, 'plan'],
      ['Streak nudge', 23, 'nudge'],
    ]);
    expect(modal.components[0]?.component?.value).toBe('09:00');
    expect(modal.components[2]?.component?.options?.every((day) => day.default)).toBe(true);
    expect((await openForm('plan')).custom_id).toBe(modal.custom_id);
    expect(h.seen.invocations).toEqual([]);
  });

  it('a valid submission sets the reminder the text command would, and the form then shows it', async () => {
    const answer = await submit(await openForm(), {
      time: '7:30am',
      zone: ['Europe/Berlin'],
      days: ['1', '3', '5'],
      nudge: false,
      plan: 'by 2027-01-15',
    });
    expect(answer.embeds?.[0]?.title).toBe('Reminder set');
    expect(answer.embeds?.[0]?.description).toContain('on Mon, Wed, Fri at **07:30 Europe/Berlin**');
    const state = (await h.learner(hope.id))?.paths.webrtc;
    expect(state?.reminder).toMatchObject({ time: '07:30', zone: 'Europe/Berlin', days: [1, 3, 5], enabled: true });
    expect(state?.reminder?.nudge?.enabled).toBe(false);
    expect(state?.plan?.by).toBe('2027-01-15');
    const again = await openForm();
    expect(again.components[0]?.component?.value).toBe('07:30');
    expect(again.components[1]?.component?.options?.find((zone) => zone.default)?.value).toBe('Europe/Berlin');
    expect(again.components[3]?.component?.value).toBe('2027-01-15');
  });

  it('bad values get a private list of errors with what was typed, change nothing, and a button reopens the form', async () => {
    await h.send(slashCommand(h.fake.appId, { subcommand: 'remind', options: { time: '08:00', zone: 'UTC' } }));
    const before = await h.learner(hope.id);
    const answer = await submit(await openForm(), { time: '25:99', days: [], plan: 'someday' });
    expect(answer.embeds?.[0]?.title).toBe('Nothing was changed');
    const text = answer.embeds?.[0]?.description ?? '';
    expect(text).toContain('**Reminder time**');
    expect(text).toContain('**Days**: Tick at least one day.');
    expect(text).toContain('**Finish by**');
    expect(text).toContain('You typed: time "25:99", finish by "someday".');
    expect(await h.learner(hope.id)).toEqual(before);
    const button = componentRows(answer.components)[0]?.[0];
    expect(button?.custom_id).toBe(`p2|webrtc|o||${hope.id}`);
    const reopened = await h.send(
      buttonPress(h.fake.appId, { customId: button!.custom_id!, ephemeral: true, botUserId: h.fake.botUserId }),
    );
    expect(reopened.body.type).toBe(9);
    const modal = (reopened.body as unknown as { data: ModalData }).data;
    expect(modal.custom_id).toBe(`p2|webrtc|v||${hope.id}`);
    // The form comes back with what was typed, to correct it.
    expect(modal.components[0]?.component?.value).toBe('25:99');
    expect(modal.components[2]?.component?.options?.some((day) => day.default)).toBe(false);
    expect(modal.components[3]?.component?.value).toBe('someday');
  });

  it('the form of a learner in a server acts for that server’s learner', async () => {
    await submit(await openForm(), { time: '10:00' });
    expect((await h.learner(hope.id, GUILD_ID))?.paths.webrtc?.reminder?.time).toBe('10:00');
    expect(await h.learner(hope.id, 'dm')).toBeUndefined();
  });

  it('Change reminder on a reminder DM opens the form of the server’s learner the reminder was for', async () => {
    await h.send(slashCommand(h.fake.appId, { subcommand: 'remind', options: { time: '08:00', zone: 'UTC' } }));
    const press = buttonPress(h.fake.appId, {
      customId: `p2|webrtc|o||${hope.id}@${GUILD_ID}`,
      inGuild: false,
      botUserId: h.fake.botUserId,
    });
    const opened = await h.send(press);
    const modal = (opened.body as unknown as { data: ModalData }).data;
    expect(modal.custom_id).toBe(`p2|webrtc|v||${hope.id}@${GUILD_ID}`);
    expect(modal.components[0]?.component?.value).toBe('08:00');
    const interaction = modalSubmit(h.fake.appId, { modal, answers: { time: '19:15' }, inGuild: false });
    await h.send(interaction);
    await h.webhook(interaction, 'PATCH', '/messages/@original');
    expect((await h.learner(hope.id, GUILD_ID))?.paths.webrtc?.reminder?.time).toBe('19:15');
    expect(await h.learner(hope.id, 'dm')).toBeUndefined();
  });
});
