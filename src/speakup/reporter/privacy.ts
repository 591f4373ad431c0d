import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '#src/web/env.ts';

/**
 * Every reporter page loads from this site only (no font host or any other third party could learn
 * that someone opened it), sends no referrer anywhere, and is never stored by the browser or a proxy.
 */
export const REPORTER_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "base-uri 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self'",
  "manifest-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "worker-src 'self'",
].join('; ');

export const reporterPrivacyHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
  c.res.headers.set('Referrer-Policy', 'no-referrer');
  c.res.headers.set('Content-Security-Policy', REPORTER_CONTENT_SECURITY_POLICY);
};
