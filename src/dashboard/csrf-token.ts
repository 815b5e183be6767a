import { createHmac, timingSafeEqual } from 'node:crypto';

const PURPOSE = 'pathbot-dashboard-csrf.v1.';

/**
 * The token every dashboard form carries: an HMAC of the session id, so it is bound to that session,
 * needs no storage, and a page from another site (which cannot read our cookie or pages) cannot know it.
 */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return createHmac('sha256', secret)
    .update(PURPOSE + sessionId)
    .digest('base64url');
}

/** True when `token` is this session's form token (compared in constant time). */
export function isCsrfTokenValid(secret: string, sessionId: string, token: unknown): boolean {
  if (typeof token !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secret, sessionId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
