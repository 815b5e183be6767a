import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeLearnerId } from '../../../src/model/learner-id.js';
import { startSlackHarness, visibleText, type SlackHarness } from './slack-harness.js';

const ada = { platform: 'slack' as const, workspace: 'T111', id: 'U111' };
/** Input blocks by block id, from a view the bot opened. */
const inputs = (view: Record<string, unknown>) =>
  Object.fromEntries(
    (view.blocks as Array<{ block_id: string; element: Record<string, unknown> }>).map((block) => [
      block.block_id,
      block.element,
    ]),
  );

describe('the settings form on Slack (a modal through the real Bolt app)', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
    h.slack.users.set('U111', { id: 'U111', tz: 'America/Bogota', profile: { display_name: 'Ada L.' } });
  });
  afterEach(async () => {
    await h.close();
  });

  it('bare `/webrtc remind` opens a modal with the command’s trigger, preset to the Slack profile’s zone', async () => {
    const view = await h.openForm('remind', { triggerId: '555.trigger' });
    expect(h.slack.callsTo('views.open')[0]?.args.trigger_id).toBe('555.trigger');
    const fields = inputs(view);
    expect(fields.time).toMatchObject({ type: 'timepicker', initial_time: '09:00' });
    expect(fields.zone).toMatchObject({
      type: 'static_select',
      initial_option: { text: { type: 'plain_text', text: 'America/Bogota' }, value: 'America/Bogota' },
    });
    expect((fields.days?.initial_options as unknown[]).length).toBe(7);
    expect(fields.plan?.type).toBe('datepicker');
    expect(h.slack.responses).toEqual([]);
    // `/webrtc plan` opens the same form.
    expect(inputs(await h.openForm('plan')).plan?.type).toBe('datepicker');
  });

  it('a valid submission saves the reminder and plan and shows them in the modal; the form then shows them', async () => {
    const view = await h.openForm('remind');
    const ack = await h.submitForm(view, {
      time: '07:30',
      zone: 'Europe/Berlin',
      days: ['1', '3', '5'],
      nudge: [],
      plan: '2027-01-15',
    });
    expect(ack).toMatchObject({ response_action: 'update', view: { type: 'modal', title: { text: 'Saved' } } });
    expect(visibleText(ack.view as Record<string, unknown>)).toContain('on Mon, Wed, Fri at *07:30 Europe/Berlin*');
    const reminder = (await h.store.learners.get(encodeLearnerId(ada)))?.paths.webrtc?.reminder;
    expect(reminder).toMatchObject({ time: '07:30', zone: 'Europe/Berlin', days: [1, 3, 5], enabled: true });
    expect(reminder?.nudge?.enabled).toBe(false);
    const again = inputs(await h.openForm('remind'));
    expect(again.time?.initial_time).toBe('07:30');
    expect(again.plan?.initial_date).toBe('2027-01-15');
    expect(again.nudge?.initial_options).toBeUndefined();
    expect(visibleText(await h.command('export'))).toContain('07:30');
  });

  it('bad values come back as errors on their fields, and nothing changes', async () => {
    await h.command('remind 08:00 UTC');
    const before = await h.store.learners.get(encodeLearnerId(ada));
    const view = await h.openForm('remind');
    const ack = await h.submitForm(view, { days: [], plan: '2026-11-01' });
    expect(ack).toEqual({
      response_action: 'errors',
      errors: {
        days: 'Tick at least one day.',
        plan: 'Sun 1 Nov has already passed. Choose a finish date from today on, like /webrtc plan by 2027-01-15.',
      },
    });
    expect(await h.store.learners.get(encodeLearnerId(ada))).toEqual(before);
  });

  it('a trigger too old to open a modal is answered with an apology, and logged', async () => {
    await h.command('remind', { triggerId: 'expired.1' }).then((answer) => {
      expect(answer.text).toContain('Sorry, something went wrong');
    });
    expect(h.log.lines.some((line) => line.level === 'error' && line.message === 'Slack command failed')).toBe(true);
  });
});

describe('settings forms the Slack adapter did not open', () => {
  let h: SlackHarness;
  beforeEach(async () => {
    h = await startSlackHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('a view whose metadata is not the form’s is answered in the view and changes nothing', async () => {
    const view = await h.openForm('remind');
    const ack = await h.submitForm({ ...view, private_metadata: 'not json' }, { time: '07:00' });
    expect(ack).toMatchObject({ response_action: 'update' });
    expect(visibleText(ack.view as Record<string, unknown>)).toContain('This form is from an older version');
    expect(await h.store.learners.get(encodeLearnerId(ada))).toBeUndefined();
  });
});
