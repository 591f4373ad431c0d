import { describe, expect, it } from 'vitest';
import { openPendingSignIn, PENDING_SIGN_IN_MINUTES, sealPendingSignIn, type PendingOidcSignIn } from './oidc-state.ts';

const SECRET = 'a-test-session-secret-of-32-characters-or-more';
const NOW = new Date('2026-11-02T10:00:00Z');
const pending: PendingOidcSignIn = { codeVerifier: 'verifier', state: 'state', nonce: 'nonce', next: '/org/3' };
const minutesLater = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe('pending OpenID Connect sign-in cookie', () => {
  it('opens what it sealed until it expires', () => {
    const sealed = sealPendingSignIn(SECRET, pending, NOW);
    expect(openPendingSignIn(SECRET, sealed, minutesLater(PENDING_SIGN_IN_MINUTES - 1))).toEqual(pending);
    expect(openPendingSignIn(SECRET, sealed, minutesLater(PENDING_SIGN_IN_MINUTES))).toBeUndefined();
  });

  it('keeps the verifier, state and nonce unreadable', () => {
    const sealed = sealPendingSignIn(SECRET, { ...pending, codeVerifier: 'look-for-me' }, NOW);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('look-for-me');
    expect(sealPendingSignIn(SECRET, pending, NOW)).not.toBe(sealPendingSignIn(SECRET, pending, NOW));
  });

  it('refuses a changed value, another key, or nothing at all', () => {
    const sealed = sealPendingSignIn(SECRET, pending, NOW);
    const bytes = Buffer.from(sealed, 'base64url');
    for (const index of [0, 12, 28, bytes.length - 1]) {
      const altered = Buffer.from(bytes);
      altered[index] = (altered[index] ?? 0) ^ 1;
      expect(openPendingSignIn(SECRET, altered.toString('base64url'), NOW), `byte ${index}`).toBeUndefined();
    }
    expect(openPendingSignIn(`${SECRET}-rotated`, sealed, NOW)).toBeUndefined();
    expect(openPendingSignIn(SECRET, sealed.slice(0, 20), NOW)).toBeUndefined();
    expect(openPendingSignIn(SECRET, '', NOW)).toBeUndefined();
    expect(openPendingSignIn(SECRET, undefined, NOW)).toBeUndefined();
  });
});
