import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { LearnerId, WorkspaceId } from '../model/learner-id.js';
import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import { verifySignInToken, type TokenRefusal } from './sign-in-token.js';

/** Twelve hours: a working day at the dashboard without signing in again, and no longer. */
export const SESSION_MS = 12 * 60 * 60_000;
// Held a minute past the link's expiry, so a used link can never be claimed afresh while it still verifies.
const CLAIM_MARGIN_MS = 60_000;
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/** A signed-in admin: the one community they may see. */
export interface DashboardSession {
  community: WorkspaceId;
  admin: LearnerId;
  /** The channel they asked from, if not a DM. */
  channel?: string;
  expiresAt: number;
}

/** Why a link did not sign anyone in. */
export type SignInRefusal = TokenRefusal | 'used';

export type SignInResult =
  { ok: true; sessionId: string; session: DashboardSession } | { ok: false; reason: SignInRefusal };

const sessionSchema = z.object({
  v: z.literal(1),
  community: z.string(),
  admin: z.string(),
  channel: z.string().optional(),
  expiresAt: z.number().int(),
});

/** Dashboard sessions, kept in the store's records (with expiry), so every instance knows every session. */
export interface DashboardSessions {
  /** Uses the link up (once, across every instance: a store claim) and opens a session for it. */
  redeem(token: string): Promise<SignInResult>;
  find(sessionId: string | undefined): Promise<DashboardSession | undefined>;
  end(sessionId: string | undefined): Promise<void>;
}

export function createDashboardSessions(deps: { store: Store; clock: Clock; secret: string }): DashboardSessions {
  const { store, clock, secret } = deps;
  return {
    async redeem(token) {
      const now = clock.now();
      const check = verifySignInToken(secret, token, now);
      if (!check.ok) return check;
      const { claims } = check;
      const ttl = claims.expiresAt - now + CLAIM_MARGIN_MS;
      if (!(await store.claims.claim(`dashboard-sign-in:${claims.nonce}`, ttl))) return { ok: false, reason: 'used' };
      const sessionId = randomBytes(32).toString('base64url');
      const session: DashboardSession = {
        community: claims.community,
        admin: claims.admin,
        ...(claims.channel !== undefined && { channel: claims.channel }),
        expiresAt: now + SESSION_MS,
      };
      await store.records.set(sessionKey(sessionId), { v: 1, ...session }, SESSION_MS);
      return { ok: true, sessionId, session };
    },
    async find(sessionId) {
      if (!sessionId || !SESSION_ID.test(sessionId)) return undefined;
      const parsed = sessionSchema.safeParse(await store.records.get(sessionKey(sessionId)));
      if (!parsed.success || parsed.data.expiresAt <= clock.now()) return undefined;
      const { v: _version, ...session } = parsed.data;
      return session as DashboardSession;
    },
    async end(sessionId) {
      if (sessionId && SESSION_ID.test(sessionId)) await store.records.delete(sessionKey(sessionId));
    },
  };
}

/** Only a hash of the id is stored: whoever reads the store cannot take over a session. */
function sessionKey(sessionId: string): string {
  return `dashboard-session:${createHash('sha256').update(sessionId).digest('base64url')}`;
}
