import type { types } from '@slack/bolt';
import type { ChannelRef } from '../../src/model/invocation.js';
import type { FormChoice, SettingsField, SettingsForm } from '../../src/model/settings-form.js';
import {
  MAX_CHECKBOX_OPTIONS,
  MAX_OPTION_TEXT,
  MAX_PRIVATE_METADATA,
  MAX_SELECT_OPTIONS,
  MAX_VIEW_BLOCKS,
  MAX_VIEW_TITLE,
} from './slack-view-limits.js';

/** The view_submission listener finds the settings form by this callback id. */
export const SETTINGS_CALLBACK_ID = 'pathbot-settings';
/** Every input of the form has this action id; its block id names the field. */
export const FIELD_ACTION_ID = 'value';
const NUDGE_VALUE = 'on';

/** What a submitted settings view says about itself: the path, and where it was opened (a leaderboard channel?). */
export interface SettingsMetadata {
  path: string;
  channel: ChannelRef;
}

/**
 * The settings form as a Slack modal: the native time picker, a zone select (common zones first, preset to the
 * learner's zone, which for a first reminder is their Slack `tz`), weekday checkboxes, the plan's finish date
 * (a date picker; left out once every resource is done) and the nudge toggle. Block ids name the fields, so a
 * `response_action: "errors"` lands on the right one.
 */
export function settingsModal(form: SettingsForm, metadata: SettingsMetadata): types.ModalView {
  const zones = form.zones.slice(0, MAX_SELECT_OPTIONS).map(option);
  const days = form.days.slice(0, MAX_CHECKBOX_OPTIONS).map(option);
  const nudge = option({ label: 'Nudge me in the evening when my streak is at risk', value: NUDGE_VALUE });
  const blocks: types.KnownBlock[] = [
    input('time', 'Reminder time', {
      type: 'timepicker',
      action_id: FIELD_ACTION_ID,
      initial_time: form.values.time,
    }),
    input('zone', 'Time zone', {
      type: 'static_select',
      action_id: FIELD_ACTION_ID,
      options: zones,
      ...picked(zones, [form.values.zone], (initial) => ({ initial_option: initial[0]! })),
    }),
    input('days', 'Days', {
      type: 'checkboxes',
      action_id: FIELD_ACTION_ID,
      options: days,
      ...picked(days, form.values.days.map(String), (initial) => ({ initial_options: initial })),
    }),
    ...(form.finished
      ? []
      : [
          {
            ...input('plan', 'Finish by', {
              type: 'datepicker',
              action_id: FIELD_ACTION_ID,
              ...(form.values.plan && { initial_date: form.values.plan }),
            }),
            optional: true,
            hint: plain(
              form.planNote
                ? `Your plan: ${form.planNote}. A date works out the minutes a study day again; empty keeps the plan.`
                : 'Optional: a date to finish the path by works out the minutes a study day.',
            ),
          },
        ]),
    {
      ...input('nudge', 'Streak nudge', {
        type: 'checkboxes',
        action_id: FIELD_ACTION_ID,
        options: [nudge],
        ...(form.values.nudge && { initial_options: [nudge] }),
      }),
      optional: true,
    },
  ];
  return {
    type: 'modal',
    callback_id: SETTINGS_CALLBACK_ID,
    title: plain(`${form.title} reminder`.slice(0, MAX_VIEW_TITLE).trimEnd()),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: JSON.stringify(metadata).slice(0, MAX_PRIVATE_METADATA),
    blocks: blocks.slice(0, MAX_VIEW_BLOCKS),
  };
}

/** The options of `options` whose values are `values`, as Slack wants them: the very same objects, or none at all. */
function picked<T>(
  options: types.PlainTextOption[],
  values: readonly string[],
  as: (initial: types.PlainTextOption[]) => T,
): T | Record<string, never> {
  const initial = options.filter((candidate) => values.includes(candidate.value!));
  return initial.length > 0 ? as(initial) : {};
}

function input(field: SettingsField, label: string, element: types.InputBlock['element']): types.InputBlock {
  return { type: 'input', block_id: field, label: plain(label), element };
}

function option(choice: FormChoice): types.PlainTextOption {
  return { text: plain(choice.label.slice(0, MAX_OPTION_TEXT)), value: choice.value };
}

function plain(text: string): types.PlainTextElement {
  return { type: 'plain_text', text };
}
