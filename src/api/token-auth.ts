import type { MiddlewareHandler } from 'hono';
import { loadPrincipal } from '#src/auth/store.ts';
import type { AppEnv } from '#src/web/env.ts';
import { apiError } from './errors.ts';
import { findUsableApiToken, recordApiTokenUse } from './store.ts';

/**
 * Authenticates API requests by `Authorization: Bearer <token>` only (no cookies, so no CSRF), as
 * the token's owner with the grants they hold now. Unknown, expired and revoked tokens get the
 * same answer, so the reply says nothing about which.
 */
export const authenticateApiToken: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('principal', undefined);
  c.set('sessionToken', undefined);
  c.set('csrfToken', '');
  c.header('Cache-Control', 'no-store');
  const match = /^Bearer +([A-Za-z0-9_-]+)$/.exec(c.req.header('authorization') ?? '');
  if (!match?.[1]) {
    c.header('WWW-Authenticate', 'Bearer');
    return apiError(c, 401, 'Send a personal access token in the Authorization header: "Bearer <token>". Create one at /account/tokens.');
  }
  const db = c.get('database').db;
  const now = c.get('clock')();
  const token = await findUsableApiToken(db, match[1], now);
  const principal = token && (await loadPrincipal(db, token.accountId));
  if (!token || !principal) {
    c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
    return apiError(c, 401, 'The token is not valid. It may be mistyped, expired or revoked: create a new one at /account/tokens.');
  }
  await recordApiTokenUse(db, token.id, now);
  c.set('principal', principal);
  return next();
};
