import { describe, expect, it } from 'vitest';
import type { OidcConfig } from '#src/config.ts';
import { isLoopbackHost, oidcConfiguration, oidcRedirectUri } from './oidc.ts';

const settings = (issuer: string): OidcConfig => ({ issuer, clientId: 'vitals', clientSecret: 'secret', label: 'NHS account', scopes: 'openid email profile' });

describe('OpenID Connect discovery', () => {
  it('allows plain http only for a provider on this machine', () => {
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost(new URL('http://[::1]:8080').hostname)).toBe(true);
    expect(isLoopbackHost('login.microsoftonline.com')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
  });

  it('refuses an http issuer elsewhere before any request, and tries again next time', async () => {
    const plain = settings('http://idp.example.test/tenant');
    const first = oidcConfiguration(plain);
    await expect(first).rejects.toThrow(/must use https/);
    const second = oidcConfiguration(plain);
    expect(second).not.toBe(first);
    await expect(second).rejects.toThrow(/must use https/);
  });

  it('sends the provider back to the callback at the public address', () => {
    expect(oidcRedirectUri('https://vitals.trust.nhs.uk')).toBe('https://vitals.trust.nhs.uk/sign-in/oidc/callback');
  });
});
