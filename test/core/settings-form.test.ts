import { beforeEach, describe, expect, it } from 'vitest';
import { COMMON_TIME_ZONES } from '../../src/forms/common-time-zones.js';
import { encodeLearnerId } from '../../src/model/learner-id.js';
import type { UserRef } from '../../src/model/invocation.js';
import type { SettingsErrors, SettingsValues } from '../../src/model/settings-form.js';
import { withFallbackTimes } from '../../src/model/time-token.js';
import type { TestBot } from '../fakes/test-bot.js';
import { GENERAL, learner, press, say } from '../fixtures/learners.js';
import { MONDAY, reminderBot } from '../fixtures/reminder-bot.js';

const ana = learner('ana', 'Ana');
const bo = learner('bo', 'Bo');
let t: TestBot;

beforeEach(async () => {
  ({ t } = await reminderBot(MONDAY));
});

const form = (user: UserRef) => t.bot.settingsForm({ path: 'webrtc', user, channel: GENERAL });
const submit = (user: UserRef, values: Partial<SettingsValues>) =>
  t.bot.submitSettings({
    path: 'webrtc',
    user,
    channel: GENERAL,
    values: { time: '09:00', zone: '', days: ['1', '3', '5'], plan: '', nudge: true, ...values },
  });
/** Errors as the learner's zone reads them (Slack's plain-text field errors): times become their fallback. */
const plainErrors = (errors: SettingsErrors) =>
  Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, withFallbackTimes(message)]));
const stored = async (user: UserRef) => (await t.store.learners.get(encodeLearnerId(user)))?.paths.webrtc;

describe('the settings form', () => {
  it('opens for bare `remind` and `plan` only, with a first reminder’s values in the platform’s zone', async () => {
    const invocation = { path: 'webrtc', user: { ...ana, timeZone: 'Asia/Kolkata' }, channel: GENERAL, args: {} };
    expect(await t.bot.formFor({ ...invocation, command: 'next' })).toBeUndefined();
    expect(await t.bot.formFor({ ...invocation, command: 'remind', args: { time: '09:00' } })).toBeUndefined();
    const opened = await t.bot.formFor({ ...invocation, command: 'remind' });
    expect(opened?.values).toEqual({
      time: '09:00',
      zone: 'Asia/Kolkata',
      days: [0, 1, 2, 3, 4, 5, 6],
      plan: '',
      nudge: true,
    });
    expect(opened?.zones.map((zone) => zone.value)).toEqual(COMMON_TIME_ZONES);
    expect(opened?.days.map((day) => day.label)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(opened?.today).toBe('2026-11-30');
    expect((await t.bot.formFor({ ...invocation, command: 'plan' }))?.path).toBe('webrtc');
  });

  it('shows the reminder and plan as they are, the learner’s own zone after the common ones', async () => {
    await say(t.bot, ana, 'remind 07:30 America/Bogota mon,wed nudge off');
    await say(t.bot, ana, 'plan by 2027-03-01');
    const current = await form(ana);
    expect(current.values).toEqual({
      time: '07:30',
      zone: 'America/Bogota',
      days: [1, 3],
      plan: '2027-03-01',
      nudge: false,
    });
    expect(current.zones.at(-1)).toEqual({ label: 'America/Bogota', value: 'America/Bogota' });
    expect(current.planNote).toMatch(/^\d+ min on Mon, Wed$/);
  });

  it('a valid submission sets what the text command sets', async () => {
    await say(t.bot, bo, 'remind 07:30 Europe/Berlin mon,wed,fri nudge off');
    const outcome = await submit(ana, { time: '07:30', zone: 'Europe/Berlin', nudge: false });
    expect(outcome.kind).toBe('answered');
    expect(outcome.kind === 'answered' && outcome.reply.title).toBe('Reminder set');
    expect((await stored(ana))?.reminder).toEqual((await stored(bo))?.reminder);
    expect((await say(t.bot, ana, 'remind')).text).toBe((await say(t.bot, bo, 'remind')).text);
  });

  it('a zone typed with the time wins over the select; a finish date makes the plan on the days just ticked', async () => {
    const outcome = await submit(ana, { time: '9am America/Bogota', zone: 'Europe/Berlin', plan: '2027-01-15' });
    expect(outcome.kind === 'answered' && outcome.reply.text).toContain('**09:00 America/Bogota**');
    await say(t.bot, bo, 'remind 09:00 America/Bogota mon,wed,fri');
    await say(t.bot, bo, 'plan by 2027-01-15');
    expect((await stored(ana))?.plan).toEqual((await stored(bo))?.plan);
  });

  it('refuses bad values on their fields and changes nothing', async () => {
    await say(t.bot, ana, 'remind 08:00 UTC');
    const before = await t.store.learners.get(encodeLearnerId(ana));
    const outcome = await submit(ana, { time: '25:99', zone: 'Mars/Olympus', days: [], plan: 'someday' });
    expect(outcome).toEqual({
      kind: 'invalid',
      errors: {
        time: expect.stringMatching(/.+/) as string,
        zone: expect.stringContaining('Mars/Olympus') as string,
        days: 'Tick at least one day.',
        plan: expect.stringContaining('someday') as string,
      },
      // The form's own button, addressed to Ana, opens it again (Discord shows the errors outside the form).
      reopen: {
        label: 'Change reminder',
        style: 'primary',
        action: { id: 'settings', value: '' },
        actionId: 'p2|webrtc|o||ana',
      },
    });
    expect(await t.store.learners.get(encodeLearnerId(ana))).toEqual(before);
  });

  it('a finish date no sane load meets is refused on the plan field, and the reminder stays as it was', async () => {
    await say(t.bot, ana, 'remind 08:00 UTC');
    const before = await t.store.learners.get(encodeLearnerId(ana));
    const outcome = await submit(ana, { time: '10:00', plan: '2026-12-01' });
    expect(outcome.kind === 'invalid' && outcome.errors.plan).toContain('⟦time 1796126400 date|Tue 1 Dec⟧');
    expect(outcome.kind === 'invalid' && plainErrors(outcome.errors)).toEqual({
      plan: 'Finishing by Tue 1 Dec would take more than 3 hours a study day. The earliest reasonable date is Wed 2 Dec (180 min a study day): /webrtc plan by 2026-12-02.',
    });
    expect(await t.store.learners.get(encodeLearnerId(ana))).toEqual(before);
    expect((await submit(ana, { time: '10:00', plan: '2026-11-01' })).kind).toBe('invalid');
    // The form opens again with what was refused; once saved, with what was saved.
    expect((await form(ana)).values).toMatchObject({ time: '10:00', plan: '2026-11-01' });
    expect((await submit(ana, { time: '10:30' })).kind).toBe('answered');
    expect((await form(ana)).values).toMatchObject({ time: '10:30', plan: '' });
  });

  it('Change reminder leaves the message it was on pressable: Done on that reminder still counts, once', async () => {
    await say(t.bot, ana, 'remind 07:30 UTC');
    const onReminder = (actionId: string, value = '') =>
      t.bot.handleAction({
        path: 'webrtc',
        actionId,
        value,
        ownerId: ana.id,
        user: ana,
        channel: { id: 'D', isDirect: true },
        messageId: 'reminder-1',
      });
    expect((await onReminder('settings')).text).toContain('**07:30 UTC**');
    const done = await onReminder('done', 'webrtc-basics');
    expect(done.title).toBe('Marked done: WebRTC Basics');
    expect(done.pressedCard?.text).toContain('✅ Done at');
    expect((await onReminder('skip', 'webrtc-basics')).text).toContain(
      'Already done: that message was answered before',
    );
    expect((await stored(ana))?.marks['webrtc-basics']?.status).toBe('done');
  });

  it('Change reminder where there are no forms (the console) shows the reminder and how to change it', async () => {
    await say(t.bot, ana, 'remind 07:30 UTC weekdays');
    const reply = await press(t.bot, ana, 'settings');
    expect(reply.text).toBe((await say(t.bot, ana, 'remind')).text);
    expect(reply.text).toContain('**07:30 UTC** on **weekdays**');
  });
});
