import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  SIGN_IN_TOKEN_MS,
  signSignInToken,
  verifySignInToken,
  type SignInClaims,
} from '../../src/dashboard/sign-in-token.js';
import type { LearnerId, WorkspaceId } from '../../src/model/learner-id.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const NOW = Date.UTC(2026, 10, 24, 10, 0);
const claims: SignInClaims = {
  community: 'discord:556525343595298817' as WorkspaceId,
  admin: 'discord:556525343595298817:1001' as LearnerId,
  expiresAt: NOW + SIGN_IN_TOKEN_MS,
  nonce: 'n0nce-0123456789abcdef',
  channel: '1100000000000000001',
};

describe('sign-in tokens', () => {
  it('verifies what it signed, with every claim', () => {
    expect(verifySignInToken(SECRET, signSignInToken(SECRET, claims), NOW)).toEqual({ ok: true, claims });
  });

  it('is refused as expired from its expiry on, not a millisecond before', () => {
    const token = signSignInToken(SECRET, claims);
    expect(verifySignInToken(SECRET, token, claims.expiresAt - 1).ok).toBe(true);
    expect(verifySignInToken(SECRET, token, claims.expiresAt)).toEqual({ ok: false, reason: 'expired' });
  });

  it('is refused as forged when signed with another secret or when its payload was changed', () => {
    expect(verifySignInToken(SECRET, signSignInToken(`${SECRET}-other`, claims), NOW)).toEqual({
      ok: false,
      reason: 'forged',
    });
    const [, mac] = signSignInToken(SECRET, claims).split('.');
    const otherCommunity = signSignInToken(SECRET, { ...claims, community: 'discord:1' as WorkspaceId }).split('.')[0];
    expect(verifySignInToken(SECRET, `${otherCommunity}.${mac}`, NOW)).toEqual({ ok: false, reason: 'forged' });
  });

  it('is refused as malformed when it is not two base64url parts, or is signed but not in the shape we sign', () => {
    for (const token of ['', 'abc', 'a.b.c', 'a b.c', '.x', 'x.', `${'a'.repeat(3000)}.b`])
      expect(verifySignInToken(SECRET, token, NOW), token.slice(0, 20)).toEqual({ ok: false, reason: 'malformed' });
    const payload = Buffer.from(JSON.stringify({ c: 'discord:1', exp: NOW + 1000 })).toString('base64url');
    const mac = createHmac('sha256', SECRET).update(`pathbot-dashboard-sign-in.v1.${payload}`).digest('base64url');
    expect(verifySignInToken(SECRET, `${payload}.${mac}`, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('an HMAC of the bare payload (without the purpose) is not a valid signature', () => {
    const [payload] = signSignInToken(SECRET, claims).split('.');
    const bare = createHmac('sha256', SECRET).update(payload!).digest('base64url');
    expect(verifySignInToken(SECRET, `${payload}.${bare}`, NOW)).toEqual({ ok: false, reason: 'forged' });
  });
});
