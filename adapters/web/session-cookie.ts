import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DASHBOARD_PATH } from '../../src/dashboard/dashboard-settings.js';
import { SESSION_MS } from '../../src/dashboard/dashboard-sessions.js';

const COOKIE = 'pathbot_dashboard';

/**
 * HttpOnly (no script reads it), SameSite=Lax (not sent on another site's form posts), Secure when the
 * dashboard is served over https, only under /dashboard, and no longer than the session.
 */
export function setSessionCookie(context: Context, sessionId: string, secure: boolean): void {
  setCookie(context, COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: DASHBOARD_PATH,
    maxAge: SESSION_MS / 1000,
  });
}

export function sessionIdOf(context: Context): string | undefined {
  return getCookie(context, COOKIE);
}

export function clearSessionCookie(context: Context, secure: boolean): void {
  deleteCookie(context, COOKIE, { path: DASHBOARD_PATH, secure, httpOnly: true, sameSite: 'Lax' });
}
