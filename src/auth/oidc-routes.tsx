import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '#src/web/env.ts';
import { notFound } from '#src/web/errors.ts';
import { logger } from '#src/web/logger.ts';
import { renderPage } from '#src/web/render.tsx';
import { safeNextPath } from './forms.ts';
import { requires } from './guard.ts';
import { cookieOptions } from './middleware.ts';
import { buildOidcSignIn, completeOidcSignIn, OIDC_CALLBACK_PATH, oidcConfiguration, oidcRedirectUri } from './oidc.ts';
import { attemptOidcSignIn, recordOidcFailure } from './oidc-sign-in.ts';
import { openPendingSignIn, PENDING_SIGN_IN_MINUTES, sealPendingSignIn } from './oidc-state.ts';
import { OIDC_DEACTIVATED_TITLE, OidcDeactivatedPage, OidcFailedPage, oidcFailedTitle, OidcNotSetUpPage, oidcNotSetUpTitle } from './oidc-views.tsx';
import { PUBLIC } from './permissions.ts';
import { startSession } from './session.ts';

/** Holds the PKCE verifier, state, nonce and next path between the redirect and the callback. */
export const PENDING_COOKIE = 'vitals_oidc';
/** Sent only to the two OpenID Connect routes. */
const PENDING_COOKIE_PATH = '/sign-in/oidc';

function showFailure(c: Context<AppEnv>, label: string, status: ContentfulStatusCode) {
  return renderPage(c, oidcFailedTitle(label), <OidcFailedPage label={label} />, { status });
}

/** openid-client's errors keep the detail an operator needs in `code`, `cause` and the provider's `error`. */
function whyItFailed(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error };
  return {
    error,
    code: 'code' in error ? error.code : undefined,
    cause: error.cause instanceof Error ? error.cause.message : undefined,
    providerError: 'error' in error ? error.error : undefined,
  };
}

export const oidcRoutes = new Hono<AppEnv>()
  .get('/sign-in/oidc', requires(PUBLIC), async (c) => {
    const config = c.get('config');
    const settings = config.oidc;
    if (!settings) throw notFound();
    let configuration;
    try {
      configuration = await oidcConfiguration(settings);
    } catch (error) {
      // The provider is down or misconfigured: an operator must look, the user can only retry.
      logger.error('OpenID Connect discovery failed', { requestId: c.get('requestId'), issuer: settings.issuer, error });
      return showFailure(c, settings.label, 502);
    }
    const next = safeNextPath(c.req.query('next'));
    const { url, pending } = await buildOidcSignIn(configuration, settings, oidcRedirectUri(config.publicUrl), next);
    setCookie(c, PENDING_COOKIE, sealPendingSignIn(config.sessionSecret, pending, c.get('clock')()), {
      ...cookieOptions(config.publicUrl),
      path: PENDING_COOKIE_PATH,
      maxAge: PENDING_SIGN_IN_MINUTES * 60,
    });
    return c.redirect(url.href, 302);
  })
  .get(OIDC_CALLBACK_PATH, requires(PUBLIC), async (c) => {
    const config = c.get('config');
    const settings = config.oidc;
    if (!settings) throw notFound();
    const db = c.get('database').db;
    const now = c.get('clock')();
    const pending = openPendingSignIn(config.sessionSecret, getCookie(c, PENDING_COOKIE), now);
    deleteCookie(c, PENDING_COOKIE, { ...cookieOptions(config.publicUrl), path: PENDING_COOKIE_PATH });
    if (!pending) {
      await recordOidcFailure(db, null, 'expired', now);
      return showFailure(c, settings.label, 400);
    }

    let identity;
    try {
      // The address the provider redirected to, as the user's browser saw it (not as a proxy rewrote it).
      const callbackUrl = new URL(`${oidcRedirectUri(config.publicUrl)}${new URL(c.req.url).search}`);
      identity = await completeOidcSignIn(await oidcConfiguration(settings), callbackUrl, pending);
      if (!identity) throw new Error('The ID token has no subject');
    } catch (error) {
      logger.warn('OpenID Connect sign-in did not complete', { requestId: c.get('requestId'), ...whyItFailed(error) });
      await recordOidcFailure(db, null, 'provider-error', now);
      return showFailure(c, settings.label, 400);
    }

    const outcome = await attemptOidcSignIn(db, identity, now);
    if (outcome.kind === 'not-set-up') {
      return renderPage(c, oidcNotSetUpTitle(settings.label), <OidcNotSetUpPage label={settings.label} email={identity.email} />, { status: 403 });
    }
    if (outcome.kind === 'deactivated') {
      return renderPage(c, OIDC_DEACTIVATED_TITLE, <OidcDeactivatedPage />, { status: 403 });
    }
    await startSession(c, outcome.accountId, 'oidc');
    return c.redirect(safeNextPath(pending.next), 302);
  });
