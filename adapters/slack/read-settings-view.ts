import type { ViewOutput } from '@slack/bolt';
import type { SettingsField, SettingsValues } from '../../src/model/settings-form.js';
import { FIELD_ACTION_ID, type SettingsMetadata } from './settings-modal.js';

type ViewValue = ViewOutput['state']['values'][string][string];

/** A submitted settings modal -> the form's values, as typed; the core checks them (as it checks typed text). */
export function readSettingsView(view: ViewOutput): SettingsValues {
  const value = (field: SettingsField): ViewValue | undefined => view.state.values[field]?.[FIELD_ACTION_ID];
  return {
    time: value('time')?.selected_time ?? '',
    zone: value('zone')?.selected_option?.value ?? '',
    days: (value('days')?.selected_options ?? []).map((selected) => selected.value),
    plan: value('plan')?.selected_date ?? '',
    nudge: (value('nudge')?.selected_options ?? []).length > 0,
  };
}

/** The view's own metadata (written by settingsModal); undefined when it is not that shape. */
export function readSettingsMetadata(view: ViewOutput): SettingsMetadata | undefined {
  try {
    const parsed = JSON.parse(view.private_metadata) as Partial<SettingsMetadata>;
    if (typeof parsed.path !== 'string' || typeof parsed.channel?.id !== 'string') return undefined;
    return { path: parsed.path, channel: { id: parsed.channel.id, isDirect: parsed.channel.isDirect === true } };
  } catch {
    return undefined;
  }
}
