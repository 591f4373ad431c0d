import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { account } from '#src/db/schema.ts';

export async function findAccountByOidcSubject(db: Db, issuer: string, subject: string) {
  const [row] = await db
    .select()
    .from(account)
    .where(and(eq(account.oidcIssuer, issuer), eq(account.oidcSubject, subject)));
  return row;
}

/**
 * Links an active, not yet linked account to an OpenID Connect identity. Returns false when the
 * account changed in the meantime (linked, or deactivated), so two sign-ins cannot both link it.
 */
export async function linkAccountToOidc(db: Db, accountId: number, issuer: string, subject: string): Promise<boolean> {
  const rows = await db
    .update(account)
    .set({ oidcIssuer: issuer, oidcSubject: subject })
    .where(and(eq(account.id, accountId), eq(account.isActive, true), isNull(account.oidcSubject)))
    .returning({ id: account.id });
  return rows.length > 0;
}
