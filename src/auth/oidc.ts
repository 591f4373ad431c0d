import * as client from 'openid-client';
import type { OidcConfig } from '#src/config.ts';
import { identityFromClaims, type OidcIdentity } from './oidc-identity.ts';
import type { PendingOidcSignIn } from './oidc-state.ts';

export const OIDC_CALLBACK_PATH = '/sign-in/oidc/callback';

export function oidcRedirectUri(publicUrl: string): string {
  return `${publicUrl}${OIDC_CALLBACK_PATH}`;
}

/** Plain http is allowed only for a provider on this machine (development and tests). */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

async function discover(settings: OidcConfig): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  const isPlainHttp = issuer.protocol === 'http:';
  if (isPlainHttp && !isLoopbackHost(issuer.hostname)) {
    throw new Error('OIDC_ISSUER must use https: plain http is allowed only for localhost and 127.0.0.1');
  }
  const secret = settings.clientSecret;
  return client.discovery(
    issuer,
    settings.clientId,
    secret === undefined ? undefined : { client_secret: secret },
    secret === undefined ? client.None() : client.ClientSecretPost(secret),
    isPlainHttp ? { execute: [client.allowInsecureRequests] } : undefined,
  );
}

const discovered = new WeakMap<OidcConfig, Promise<client.Configuration>>();

/**
 * The provider's metadata, fetched on first use and kept for the life of the app (its signing
 * keys are refetched by openid-client when they rotate). A failed discovery is retried next time.
 */
export function oidcConfiguration(settings: OidcConfig): Promise<client.Configuration> {
  const cached = discovered.get(settings);
  if (cached) return cached;
  const found = discover(settings);
  discovered.set(settings, found);
  found.catch(() => {
    if (discovered.get(settings) === found) discovered.delete(settings);
  });
  return found;
}

/** Where to send the browser, and what the callback must check: PKCE (S256), state and nonce. */
export async function buildOidcSignIn(
  configuration: client.Configuration,
  settings: OidcConfig,
  redirectUri: string,
  next: string,
): Promise<{ url: URL; pending: PendingOidcSignIn }> {
  const pending: PendingOidcSignIn = {
    codeVerifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
    next,
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: redirectUri,
    scope: settings.scopes,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url, pending };
}

/**
 * Checks the provider's answer at the callback URL (state and issuer, then, after exchanging the
 * code with the PKCE verifier, the ID token's signature, issuer, audience, expiry and nonce) and
 * returns who signed in. When the ID token carries no usable email address (some providers keep
 * it for UserInfo), the UserInfo claims are read too, checked to be about the same subject.
 * Throws on anything unexpected.
 */
export async function completeOidcSignIn(
  configuration: client.Configuration,
  callbackUrl: URL,
  pending: PendingOidcSignIn,
): Promise<OidcIdentity | undefined> {
  const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: pending.state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error('The provider returned no ID token');
  const identity = identityFromClaims(claims.iss, claims);
  if (!identity || identity.email !== undefined) return identity;
  const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
  return identityFromClaims(claims.iss, { ...userInfo, ...claims });
}
