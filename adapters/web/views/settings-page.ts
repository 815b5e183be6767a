import { html } from 'hono/html';
import type { SettingsField, SettingsFormInput } from '../../../src/dashboard/settings-form.js';
import { dashboardFrame, pageUrl, type FrameContext } from './dashboard-frame.js';
import { withCode, type Html } from './page-layout.js';

/** The settings form as it is shown: the values (saved, or as typed when refused), errors, and what is scheduled. */
export interface SettingsView {
  input: SettingsFormInput;
  errors: Partial<Record<SettingsField, string>>;
  /** The channel whose digest the form shows; saving another channel moves the digest there. */
  shownChannel: string;
  /** "Mon 09:00 Europe/Berlin", when that channel has a digest on this path. */
  nextDigest?: string;
  saved: boolean;
  channelHint: string;
  /** The zone the weekly counts are filed in (DEFAULT_TIME_ZONE). */
  weekZone: string;
}

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'off'];

/** The weekly digest (channel, day, time) and the community time zone, checked as the chat commands check them. */
export function settingsPage(frame: FrameContext, view: SettingsView): Html {
  const field = (name: SettingsField, label: string, hint: string, extra: Html | string = '') => {
    const error = view.errors[name];
    return html`<label for="${name}"
      >${label} <small id="${name}-hint">${hint}</small>
      <input
        id="${name}"
        name="${name}"
        value="${view.input[name]}"
        aria-describedby="${name}-hint${error ? ` ${name}-error` : ''}"
        ${error ? html`aria-invalid="true"` : ''}
        ${extra}
      />
      ${error ? html`<span class="error" id="${name}-error" role="alert">${withCode(error)}</span>` : ''}
    </label>`;
  };
  const failed = Object.keys(view.errors).length > 0;
  return dashboardFrame(
    frame,
    'Settings',
    html`${view.saved ? html`<p class="ok" role="status">Saved. The next digest goes by it.</p>` : ''}
      ${failed ? html`<p class="alert" role="alert">Nothing was saved: fix what is marked below.</p>` : ''}
      <h2>Weekly digest of ${frame.path.title}</h2>
      <p id="digest-status">
        ${
          view.nextDigest
            ? html`Channel <code>${view.shownChannel}</code> gets the week's leaderboard next on
                <strong>${view.nextDigest}</strong>.`
            : html`Channel <code>${view.shownChannel}</code> has no weekly digest for this path.`
        }
      </p>
      <form class="settings" method="post" action="${pageUrl(frame.community, frame.path.command, 'settings')}">
        <input type="hidden" name="_csrf" value="${frame.csrf}" />
        <input type="hidden" name="shownChannel" value="${view.shownChannel}" />
        ${field('channel', 'Channel', view.channelHint)}
        ${field('day', 'Day', 'A day of the week like monday or mon, or off to stop the digest.', html`list="days"`)}
        <datalist id="days">${DAYS.map((day) => html`<option value="${day}"></option>`)}</datalist>
        ${field('time', 'Time', 'Like 09:00, 9am or 17:30, in the community time zone.')}
        ${field('zone', 'Community time zone', 'An IANA zone like Europe/Berlin or America/New_York.')}
        <button type="submit">Save</button>
      </form>
      <h2>What the community time zone changes</h2>
      <p>
        The weekly digest's day and time are read in it: for this channel as soon as you save, for digests of other
        channels from their next post on, and for every digest set with the chat command from now on. The dashboard
        shows its dates (last active, next digest) in it. A learner's own reminders stay in their own zone.
      </p>
      <p class="note">
        “This week” on the overview and the weekly leaderboards count Monday-to-Sunday weeks in the bot's
        DEFAULT_TIME_ZONE (${view.weekZone}), which learners' marks are filed under as they are made.
      </p>`,
  );
}
