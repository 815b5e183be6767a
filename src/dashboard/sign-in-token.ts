import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { LearnerId, WorkspaceId } from '../model/learner-id.js';

/** What a one-time sign-in link says: which admin may open which community's dashboard, until when. */
export interface SignInClaims {
  community: WorkspaceId;
  admin: LearnerId;
  /** Epoch ms after which the link is refused. */
  expiresAt: number;
  /** Random and unique per link: the key that uses the link up, once. */
  nonce: string;
  /** The channel the admin asked from, the settings page's first choice for the digest. */
  channel?: string;
}

/** Why a link was refused, in words the refusal page picks its text by. */
export type TokenRefusal = 'malformed' | 'forged' | 'expired';

export type TokenCheck = { ok: true; claims: SignInClaims } | { ok: false; reason: TokenRefusal };

/** Ten minutes, as the issue asks: long enough to switch to a browser, short enough that an old chat message is dead. */
export const SIGN_IN_TOKEN_MS = 10 * 60_000;

// Signing a purpose with the payload keeps this HMAC from ever being valid as any other value signed with the secret.
const PURPOSE = 'pathbot-dashboard-sign-in.v1.';
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const MAX_TOKEN_LENGTH = 2_000;

const payloadSchema = z.strictObject({
  c: z.string().min(1).max(300),
  a: z.string().min(1).max(600),
  exp: z.number().int().positive(),
  n: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  ch: z.string().min(1).max(200).optional(),
});

/** `<payload>.<signature>`, both base64url: the payload is JSON, the signature HMAC-SHA256 over it. */
export function signSignInToken(secret: string, claims: SignInClaims): string {
  const payload = Buffer.from(
    JSON.stringify({
      c: claims.community,
      a: claims.admin,
      exp: claims.expiresAt,
      n: claims.nonce,
      ...(claims.channel !== undefined && { ch: claims.channel }),
    }),
  ).toString('base64url');
  return `${payload}.${signature(secret, payload).toString('base64url')}`;
}

/** The claims of a token this secret signed and that has not expired at `now`; why not, otherwise. */
export function verifySignInToken(secret: string, token: string, now: number): TokenCheck {
  const parts = token.length <= MAX_TOKEN_LENGTH ? token.split('.') : [];
  const [payload, mac] = parts;
  if (parts.length !== 2 || !payload || !mac || !BASE64URL.test(payload) || !BASE64URL.test(mac))
    return { ok: false, reason: 'malformed' };
  const expected = signature(secret, payload);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  const parsed = payloadSchema.safeParse(parseJson(Buffer.from(payload, 'base64url').toString('utf8')));
  // Signed by us but not in the shape we sign: a link from another version of the bot.
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const { c, a, exp, n, ch } = parsed.data;
  if (now >= exp) return { ok: false, reason: 'expired' };
  return {
    ok: true,
    claims: {
      community: c as WorkspaceId,
      admin: a as LearnerId,
      expiresAt: exp,
      nonce: n,
      ...(ch !== undefined && { channel: ch }),
    },
  };
}

function signature(secret: string, payload: string): Buffer {
  return createHmac('sha256', secret)
    .update(PURPOSE + payload)
    .digest();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
