import type { Db } from '#src/db/client.ts';
import { recordAudit } from './audit.ts';
import { UNUSABLE_HASH, verifyPassword } from './password.ts';
import { clearFailures, countRecentFailures, findAccountByEmail, normaliseEmail, recordFailures } from './store.ts';

export const LOCKOUT_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_CLIENT = 30;

export type SignInOutcome = { kind: 'ok'; accountId: number } | { kind: 'invalid' } | { kind: 'locked' };

/** Checks a password sign-in, slowing guessing per email and per client address. */
export async function attemptPasswordSignIn(db: Db, email: string, password: string, client: string, now: Date): Promise<SignInOutcome> {
  const emailKey = `email:${normaliseEmail(email)}`;
  const clientKey = `client:${client}`;
  const since = new Date(now.getTime() - LOCKOUT_MINUTES * 60_000);
  const [emailFailures, clientFailures] = await Promise.all([
    countRecentFailures(db, emailKey, since),
    countRecentFailures(db, clientKey, since),
  ]);
  if (emailFailures >= MAX_FAILURES_PER_EMAIL || clientFailures >= MAX_FAILURES_PER_CLIENT) return { kind: 'locked' };

  const found = await findAccountByEmail(db, email);
  const isValid = await verifyPassword(password, found?.passwordHash ?? UNUSABLE_HASH);
  if (!found || !found.isActive || !found.passwordHash || !isValid) {
    await recordFailures(db, [emailKey, clientKey], now);
    await recordAudit(db, { actorAccountId: found?.id ?? null, action: 'sign-in.failed', detail: { method: 'password' } }, now);
    return { kind: 'invalid' };
  }
  await clearFailures(db, emailKey);
  return { kind: 'ok', accountId: found.id };
}
