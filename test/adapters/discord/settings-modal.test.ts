import { describe, expect, it } from 'vitest';
import { settingsModal } from '../../../adapters/discord/settings-modal.js';
import { sampleSettingsForm } from '../../fixtures/settings-form.js';

const form = sampleSettingsForm('p2|webrtc|v||42@7', false);

describe('settingsModal for Discord (exact modal JSON)', () => {
  it('renders labels with a time input, a zone select, day checkboxes, the plan and the nudge checkbox', () => {
    expect(settingsModal(form)).toEqual({
      custom_id: 'p2|webrtc|v||42@7',
      title: 'WebRTC reminder',
      components: [
        {
          type: 18,
          label: 'Reminder time',
          description: 'Like 09:00, 9am or 18:30; a zone typed after it wins',
          component: { type: 4, custom_id: 'time', style: 1, value: '07:30', max_length: 60, required: true },
        },
        {
          type: 18,
          label: 'Time zone',
          component: {
            type: 3,
            custom_id: 'zone',
            options: [
              { label: 'UTC', value: 'UTC' },
              { label: 'Europe/Berlin', value: 'Europe/Berlin', default: true },
            ],
            min_values: 0,
            max_values: 1,
            required: false,
          },
        },
        {
          type: 18,
          label: 'Days',
          component: {
            type: 22,
            custom_id: 'days',
            options: [
              { label: 'Mon', value: '1', default: true },
              { label: 'Wed', value: '3', default: true },
              { label: 'Sun', value: '0' },
            ],
            min_values: 0,
            required: false,
          },
        },
        {
          type: 18,
          label: 'Finish by',
          description: 'Your plan: 20 min on Mon, Wed. A date like 2027-01-15, "20 min" or "off"; empty keeps it.',
          component: { type: 4, custom_id: 'plan', style: 1, value: '2027-01-15', max_length: 60, required: false },
        },
        {
          type: 18,
          label: 'Streak nudge',
          description: 'An evening nudge when your streak is at risk',
          component: { type: 23, custom_id: 'nudge', default: false },
        },
      ],
    });
  });

  it('leaves the plan out once finished, and keeps to 25 zones and 45 title characters', () => {
    const zones = Array.from({ length: 40 }, (_, index) => ({ label: `Zone ${index}`, value: `Z/${index}` }));
    const modal = settingsModal({
      ...form,
      finished: true,
      zones,
      title: 'Real-time communication in browsers, end to end',
    });
    expect(modal.title).toHaveLength(45);
    expect(modal.components).toHaveLength(4);
    const [time, zone] = modal.components as unknown as Array<{ component: { value?: string; options?: unknown[] } }>;
    expect(time?.component.value).toBe('07:30');
    expect(zone?.component.options).toHaveLength(25);
  });
});
