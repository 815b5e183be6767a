import { describe, expect, it } from 'vitest';
import { csrfTokenFor, isCsrfTokenValid } from '../../src/dashboard/csrf-token.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const SESSION = 'k3Jc1mYbY0dX0mZ8m0Jk1m2c3d4e5f6g7h8i9j0kLmN';

describe('CSRF tokens', () => {
  it("accepts the session's own token", () => {
    expect(isCsrfTokenValid(SECRET, SESSION, csrfTokenFor(SECRET, SESSION))).toBe(true);
  });

  it("refuses another session's token, one made with another secret, and anything that is not one", () => {
    expect(isCsrfTokenValid(SECRET, SESSION, csrfTokenFor(SECRET, `${SESSION}x`))).toBe(false);
    expect(isCsrfTokenValid(SECRET, SESSION, csrfTokenFor(`${SECRET}x`, SESSION))).toBe(false);
    for (const token of [undefined, '', 'abc', 42, ['x'], csrfTokenFor(SECRET, SESSION).slice(1)])
      expect(isCsrfTokenValid(SECRET, SESSION, token)).toBe(false);
  });

  it('is the same for the same session every time (no storage needed), and differs between sessions', () => {
    expect(csrfTokenFor(SECRET, SESSION)).toBe(csrfTokenFor(SECRET, SESSION));
    expect(csrfTokenFor(SECRET, SESSION)).not.toBe(csrfTokenFor(SECRET, `${SESSION}x`));
  });
});
