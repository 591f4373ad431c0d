import { describe, expect, it } from 'vitest';
import { decideLink, identityFromClaims, type LinkCandidate } from './oidc-identity.ts';

const ISSUER = 'https://login.microsoftonline.com/tenant/v2.0';

describe('identityFromClaims', () => {
  it('takes the subject, a lower-cased email and the name', () => {
    expect(identityFromClaims(ISSUER, { sub: 'abc', email: ' Alex.Tester@NHS.net ', name: 'Alex Tester' })).toEqual({
      issuer: ISSUER,
      subject: 'abc',
      email: 'alex.tester@nhs.net',
      name: 'Alex Tester',
    });
  });

  it('falls back to preferred_username (Entra ID) only when it looks like an email address', () => {
    expect(identityFromClaims(ISSUER, { sub: 'abc', preferred_username: 'alex@trust.nhs.uk' })?.email).toBe('alex@trust.nhs.uk');
    expect(identityFromClaims(ISSUER, { sub: 'abc', preferred_username: 'TRUST\\alex' })?.email).toBeUndefined();
  });

  it('ignores an email address the provider says is unverified', () => {
    expect(identityFromClaims(ISSUER, { sub: 'abc', email: 'alex@nhs.net', email_verified: false })?.email).toBeUndefined();
    expect(identityFromClaims(ISSUER, { sub: 'abc', email: 'alex@nhs.net', email_verified: true })?.email).toBe('alex@nhs.net');
  });

  it('needs a subject', () => {
    expect(identityFromClaims(ISSUER, { email: 'alex@nhs.net' })).toBeUndefined();
    expect(identityFromClaims(ISSUER, { sub: '  ', email: 'alex@nhs.net' })).toBeUndefined();
    expect(identityFromClaims(ISSUER, { sub: 42 })).toBeUndefined();
  });
});

describe('decideLink', () => {
  const active: LinkCandidate = { id: 1, isActive: true, oidcSubject: null };
  const linked: LinkCandidate = { id: 2, isActive: true, oidcSubject: 'abc' };

  it('signs in the account already linked to the subject', () => {
    expect(decideLink(linked, undefined)).toEqual({ kind: 'sign-in', accountId: 2 });
    expect(decideLink(linked, active)).toEqual({ kind: 'sign-in', accountId: 2 });
  });

  it('links a pre-created, active, unlinked account with the same email', () => {
    expect(decideLink(undefined, active)).toEqual({ kind: 'link', accountId: 1 });
  });

  it('refuses when no account has the email, or it is linked to another identity', () => {
    expect(decideLink(undefined, undefined)).toEqual({ kind: 'not-set-up' });
    expect(decideLink(undefined, { ...active, oidcSubject: 'someone-else' })).toEqual({ kind: 'not-set-up' });
  });

  it('refuses deactivated accounts, linked or not', () => {
    expect(decideLink({ ...linked, isActive: false }, undefined)).toEqual({ kind: 'deactivated', accountId: 2 });
    expect(decideLink(undefined, { ...active, isActive: false })).toEqual({ kind: 'deactivated', accountId: 1 });
  });
});
