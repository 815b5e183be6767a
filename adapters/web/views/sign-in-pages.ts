import { html } from 'hono/html';
import { DASHBOARD_PATH } from '../../../src/dashboard/dashboard-settings.js';
import type { SignInRefusal } from '../../../src/dashboard/dashboard-sessions.js';
import { messagePage, type Html } from './page-layout.js';

const RUN_AGAIN =
  'Run the dashboard command again in your community’s chat (for example /webrtc-admin dashboard on Discord, /webrtc dashboard on Slack) for a new link.';

/**
 * The page a link opens. Opening it changes nothing (chat apps fetch links to show previews); only the button
 * uses the link up and signs in.
 */
export function continuePage(token: string): Html {
  return messagePage(
    'Sign in to the dashboard',
    ['This link signs you in to your community’s dashboard. It works once.'],
    html`<form method="post" action="${DASHBOARD_PATH}/sign-in">
      <input type="hidden" name="token" value="${token}" />
      <button type="submit">Continue</button>
    </form>`,
  );
}

const REFUSALS: Record<SignInRefusal, { title: string; line: string }> = {
  used: { title: 'This link was already used', line: 'Each sign-in link works once.' },
  expired: { title: 'This link has expired', line: 'Sign-in links work for 10 minutes.' },
  forged: {
    title: 'This link is not valid',
    line: 'It was not made by this bot, or the bot’s DASHBOARD_SECRET changed since.',
  },
  malformed: { title: 'This link is incomplete', line: 'Part of it is missing or changed; copy the whole link.' },
};

/** Why a link did not sign in, and what to do. */
export function refusedLinkPage(reason: SignInRefusal): Html {
  const refusal = REFUSALS[reason];
  return messagePage(refusal.title, [refusal.line, RUN_AGAIN]);
}

export function signedOutPage(): Html {
  return messagePage('Signed out', ['You are signed out of the dashboard.', RUN_AGAIN]);
}

/** A page that needs a session, opened without one (or after it ended). */
export function signInNeededPage(): Html {
  return messagePage('Please sign in', [
    'Your session ended, or you have not signed in on this browser yet.',
    RUN_AGAIN,
  ]);
}

export function crossSiteRefusedPage(): Html {
  return messagePage('Refused: this form did not come from the dashboard', [
    'Nothing was changed. Reload the dashboard page and send the form from there.',
  ]);
}

export function notFoundPage(): Html {
  return messagePage('Not found', ['There is no such page in your community’s dashboard.']);
}

export function failurePage(): Html {
  return messagePage('Something went wrong', [
    'The dashboard could not answer just now; nothing you sent was lost. Try again in a moment.',
  ]);
}
