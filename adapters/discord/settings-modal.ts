import { ComponentType, TextInputStyle } from 'discord.js';
import type {
  APICheckboxGroupComponent,
  APIComponentInLabel,
  APILabelComponent,
  APIModalInteractionResponseCallbackData,
  APIStringSelectComponent,
} from 'discord.js';
import type { SettingsField, SettingsForm } from '../../src/model/settings-form.js';
import {
  CHECKBOX_GROUP_OPTIONS_MAX,
  LABEL_DESCRIPTION_MAX,
  MODAL_COMPONENTS_MAX,
  MODAL_TITLE_MAX,
  SELECT_OPTION_LABEL_MAX,
  SELECT_OPTIONS_MAX,
} from './discord-modal-limits.js';
import { truncateText } from './truncate-text.js';

/** Long enough for "9:30 pm America/Argentina/Buenos_Aires" and a plan like "by 2027-01-15". */
const TYPED_MAX = 60;

/**
 * The settings form as a Discord modal: a time field (the text form too, so a zone typed after the time is
 * accepted), a zone select with the common zones first, day checkboxes, the finish date (the text form of `plan`
 * too; left out once every resource is done) and the nudge checkbox. The custom id carries the path and the
 * owner (addressed by the core: `form.submitId`), so the submission acts for the learner the form was opened for.
 */
export function settingsModal(form: SettingsForm): APIModalInteractionResponseCallbackData {
  const components: APILabelComponent[] = [
    label('Reminder time', 'Like 09:00, 9am or 18:30; a zone typed after it wins', {
      type: ComponentType.TextInput,
      custom_id: 'time',
      style: TextInputStyle.Short,
      value: form.values.time,
      max_length: TYPED_MAX,
      required: true,
    }),
    label('Time zone', undefined, zoneSelect(form)),
    label('Days', undefined, daysGroup(form)),
    ...(form.finished
      ? []
      : [
          label(
            'Finish by',
            form.planNote
              ? `Your plan: ${form.planNote}. A date like 2027-01-15, "20 min" or "off"; empty keeps it.`
              : 'A date like 2027-01-15, or minutes a study day like "20 min"; optional',
            {
              type: ComponentType.TextInput,
              custom_id: 'plan' satisfies SettingsField,
              style: TextInputStyle.Short,
              ...(form.values.plan && { value: form.values.plan }),
              max_length: TYPED_MAX,
              required: false,
            },
          ),
        ]),
    label('Streak nudge', 'An evening nudge when your streak is at risk', {
      type: ComponentType.Checkbox,
      custom_id: 'nudge',
      default: form.values.nudge,
    }),
  ];
  return {
    custom_id: form.submitId,
    title: truncateText(`${form.title} reminder`, MODAL_TITLE_MAX),
    components: components.slice(0, MODAL_COMPONENTS_MAX),
  };
}

function zoneSelect(form: SettingsForm): APIStringSelectComponent {
  return {
    type: ComponentType.StringSelect,
    custom_id: 'zone' satisfies SettingsField,
    options: form.zones.slice(0, SELECT_OPTIONS_MAX).map((zone) => ({
      label: truncateText(zone.label, SELECT_OPTION_LABEL_MAX),
      value: zone.value,
      ...(zone.value === form.values.zone && { default: true }),
    })),
    min_values: 0,
    max_values: 1,
    required: false,
  };
}

function daysGroup(form: SettingsForm): APICheckboxGroupComponent {
  return {
    type: ComponentType.CheckboxGroup,
    custom_id: 'days' satisfies SettingsField,
    options: form.days.slice(0, CHECKBOX_GROUP_OPTIONS_MAX).map((day) => ({
      label: day.label,
      value: day.value,
      ...(form.values.days.includes(Number(day.value)) && { default: true }),
    })),
    min_values: 0,
    required: false,
  };
}

function label(text: string, description: string | undefined, component: APIComponentInLabel): APILabelComponent {
  return {
    type: ComponentType.Label,
    label: text,
    ...(description && { description: truncateText(description, LABEL_DESCRIPTION_MAX) }),
    component,
  };
}
