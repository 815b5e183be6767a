import type { AddressedButton, AddressedReply, Reply } from './reply.js';

/** The fields of the settings form, named as the platforms' inputs are (block ids, custom ids). */
export type SettingsField = 'time' | 'zone' | 'days' | 'plan' | 'nudge';

/** What a learner submitted, as text and choices straight from the platform's inputs; the core checks every part. */
export interface SettingsValues {
  /** "09:00" from Slack's time picker; on Discord what was typed, which may carry a zone ("9am America/Bogota"). */
  time: string;
  /** The zone picked in the select; empty when none was. */
  zone: string;
  /** The weekdays ticked, "0" (Sunday) to "6". */
  days: readonly string[];
  /** A finish date "YYYY-MM-DD" (Slack's date picker), or on Discord the text form of `plan`; empty keeps the plan. */
  plan: string;
  nudge: boolean;
}

/** One choice in a select or checkbox group: what the learner sees and what is submitted. */
export interface FormChoice {
  label: string;
  value: string;
}

/** The settings form, platform-neutral: its current values and choices; each adapter renders it as a modal. */
export interface SettingsForm {
  /** The learning path's command ("webrtc"). */
  path: string;
  /**
   * The id a submission comes back with (Discord's modal custom_id): the `settings-save` action for the learner the
   * form was opened for, addressed by the core as a button is (action-id.ts, button-owner.ts).
   */
  submitId: string;
  title: string;
  /** Current values: the reminder's (or the defaults a first reminder gets) and the plan's finish date. */
  values: { time: string; zone: string; days: readonly number[]; plan: string; nudge: boolean };
  /** Common zones first, then the learner's own and the platform's, if not among them. */
  zones: readonly FormChoice[];
  /** Monday first, as people list a week. */
  days: readonly FormChoice[];
  /** The learner's today "YYYY-MM-DD": no plan may finish before it. */
  today: string;
  /** What the plan is now, in a line ("20 min a study day"), when there is one. */
  planNote?: string;
  /** Every resource is done: there is nothing to plan, so the plan field is left out. */
  finished: boolean;
}

/** A submitted form: whose and for which path, and what was filled in. */
export interface SettingsSubmission {
  path: string;
  values: SettingsValues;
}

/** Errors by field, in the Reply's Markdown subset (times as tokens). */
export type SettingsErrors = Partial<Record<SettingsField, string>>;

/** A submission as the core checked it: errors by field (nothing changed), or the saved settings' reply. */
export type SettingsCheck = { kind: 'invalid'; errors: SettingsErrors } | { kind: 'answered'; reply: Reply };

/**
 * The answer to a submission as it leaves the core: errors by field with a button that opens the form again (for
 * platforms that show errors outside the form), or the saved settings' reply, addressed.
 */
export type SettingsOutcome =
  { kind: 'invalid'; errors: SettingsErrors; reopen: AddressedButton } | { kind: 'answered'; reply: AddressedReply };
