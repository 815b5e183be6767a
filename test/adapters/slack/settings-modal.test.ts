import { describe, expect, it } from 'vitest';
import { settingsModal } from '../../../adapters/slack/settings-modal.js';
import { sampleSettingsForm } from '../../fixtures/settings-form.js';

const form = sampleSettingsForm('p2|webrtc|v||U1', true);
const plain = (text: string) => ({ type: 'plain_text', text });
const option = (text: string, value = text) => ({ text: plain(text), value });

describe('settingsModal (exact Block Kit)', () => {
  it('renders every field with its current value, block ids naming the fields', () => {
    expect(settingsModal(form, { path: 'webrtc', channel: { id: 'C1', isDirect: false } })).toEqual({
      type: 'modal',
      callback_id: 'pathbot-settings',
      title: plain('WebRTC reminder'),
      submit: plain('Save'),
      close: plain('Cancel'),
      private_metadata: '{"path":"webrtc","channel":{"id":"C1","isDirect":false}}',
      blocks: [
        {
          type: 'input',
          block_id: 'time',
          label: plain('Reminder time'),
          element: { type: 'timepicker', action_id: 'value', initial_time: '07:30' },
        },
        {
          type: 'input',
          block_id: 'zone',
          label: plain('Time zone'),
          element: {
            type: 'static_select',
            action_id: 'value',
            options: [option('UTC'), option('Europe/Berlin')],
            initial_option: option('Europe/Berlin'),
          },
        },
        {
          type: 'input',
          block_id: 'days',
          label: plain('Days'),
          element: {
            type: 'checkboxes',
            action_id: 'value',
            options: [option('Mon', '1'), option('Wed', '3'), option('Sun', '0')],
            initial_options: [option('Mon', '1'), option('Wed', '3')],
          },
        },
        {
          type: 'input',
          block_id: 'plan',
          label: plain('Finish by'),
          element: { type: 'datepicker', action_id: 'value', initial_date: '2027-01-15' },
          optional: true,
          hint: plain(
            'Your plan: 20 min on Mon, Wed. A date works out the minutes a study day again; empty keeps the plan.',
          ),
        },
        {
          type: 'input',
          block_id: 'nudge',
          label: plain('Streak nudge'),
          element: {
            type: 'checkboxes',
            action_id: 'value',
            options: [option('Nudge me in the evening when my streak is at risk', 'on')],
            initial_options: [option('Nudge me in the evening when my streak is at risk', 'on')],
          },
          optional: true,
        },
      ],
    });
  });

  it('leaves out the plan once every resource is done, and presets nothing Slack would refuse', () => {
    const view = settingsModal(
      { ...form, finished: true, values: { ...form.values, zone: 'Mars/Olympus', days: [], nudge: false } },
      { path: 'webrtc', channel: { id: 'D1', isDirect: true } },
    );
    expect(view.blocks.map((block) => block.block_id)).toEqual(['time', 'zone', 'days', 'nudge']);
    for (const block of view.blocks) {
      const element = (block as unknown as { element: Record<string, unknown> }).element;
      expect(element.initial_option).toBeUndefined();
      expect(element.initial_options).toBeUndefined();
    }
  });

  it('keeps a long path title within Slack’s 24 characters and zone lists within 100 options', () => {
    const zones = Array.from({ length: 130 }, (_, index) => ({ label: `Zone ${index}`, value: `Z/${index}` }));
    const view = settingsModal(
      { ...form, title: 'Real-time communication in browsers', zones },
      { path: 'webrtc', channel: { id: 'C1' } },
    );
    expect(view.title.text).toBe('Real-time communication');
    const zone = view.blocks[1] as { element: { options: unknown[] } };
    expect(zone.element.options).toHaveLength(100);
  });
});
