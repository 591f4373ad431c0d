import type { Context } from 'hono';
import type { AppEnv } from './env.ts';

/**
 * The address a request came from, for rate limiting only: never stored with speak-up data.
 * Behind a reverse proxy (TRUST_PROXY=1) it is the last X-Forwarded-For entry: the one our own proxy added.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('config').trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
