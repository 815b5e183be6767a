import type { Button } from '../model/reply.js';

/** Opens the settings form (reminder time, zone, days, plan, nudge) where the platform has forms. */
export const CHANGE_REMINDER_BUTTON: Button = {
  label: 'Change reminder',
  style: 'secondary',
  action: { id: 'settings', value: '' },
};
