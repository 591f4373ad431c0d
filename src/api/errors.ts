import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** The JSON API answers every error as `{ "error": "…" }`, never with an HTML page. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

export function apiError(c: Context, status: ContentfulStatusCode, message: string) {
  return c.json({ error: message }, status);
}
