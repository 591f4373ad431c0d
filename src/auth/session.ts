import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '#src/web/env.ts';
import { recordAudit } from './audit.ts';
import { cookieOptions, SESSION_COOKIE } from './middleware.ts';
import { createSession, deleteSession, SESSION_HOURS } from './store.ts';

/** Signs the account in on this browser: a new session (never a reused one) and an audit entry. */
export async function startSession(c: Context<AppEnv>, accountId: number, method: 'password' | 'oidc'): Promise<void> {
  const db = c.get('database').db;
  const now = c.get('clock')();
  const previous = c.get('sessionToken');
  if (previous) await deleteSession(db, previous);
  const token = await createSession(db, accountId, now);
  setCookie(c, SESSION_COOKIE, token, { ...cookieOptions(c.get('config').publicUrl), maxAge: SESSION_HOURS * 3600 });
  await recordAudit(db, { actorAccountId: accountId, action: 'sign-in', detail: { method } }, now);
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const token = c.get('sessionToken');
  const principal = c.get('principal');
  if (token) await deleteSession(c.get('database').db, token);
  if (principal) await recordAudit(c.get('database').db, { actorAccountId: principal.accountId, action: 'sign-out' }, c.get('clock')());
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
