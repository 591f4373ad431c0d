import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '#src/web/env.ts';
import { AppError } from '#src/web/errors.ts';
import { findSession, loadPrincipal } from './store.ts';

export const SESSION_COOKIE = 'vitals_session';
const ANONYMOUS_COOKIE = 'vitals_anon';

export function cookieOptions(publicUrl: string) {
  return { httpOnly: true, sameSite: 'Lax', secure: publicUrl.startsWith('https:'), path: '/' } as const;
}

/** Loads the signed-in principal from the session cookie, if any. */
export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  c.set('principal', undefined);
  c.set('sessionToken', undefined);
  if (token) {
    const db = c.get('database').db;
    const found = await findSession(db, token, c.get('clock')());
    const principal = found && (await loadPrincipal(db, found.accountId));
    if (found && principal) {
      c.set('principal', principal);
      c.set('sessionToken', token);
      c.set('csrfToken', found.csrfToken);
    }
  }
  if (!c.get('sessionToken')) {
    // Signed-out forms (sign-in) are protected by a token tied to an anonymous cookie.
    let anonymous = getCookie(c, ANONYMOUS_COOKIE);
    if (!anonymous) {
      anonymous = randomBytes(18).toString('base64url');
      setCookie(c, ANONYMOUS_COOKIE, anonymous, cookieOptions(c.get('config').publicUrl));
    }
    c.set('csrfToken', createHmac('sha256', c.get('config').sessionSecret).update(`csrf:${anonymous}`).digest('base64url'));
  }
  return next();
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every unsafe request carries the page's token in the `_csrf` field (or the x-csrf-token header). */
export const checkCsrf: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const contentType = c.req.header('content-type') ?? '';
  let sent = c.req.header('x-csrf-token');
  if (!sent && (contentType.startsWith('application/x-www-form-urlencoded') || contentType.startsWith('multipart/form-data'))) {
    const body = await c.req.parseBody();
    sent = typeof body._csrf === 'string' ? body._csrf : undefined;
  }
  const expected = Buffer.from(c.get('csrfToken'));
  const given = Buffer.from(sent ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError(403, 'This form has expired. Go back, reload the page and try again.');
  }
  return next();
};
