import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { account, orgUnit, roleGrant, session, signInFailure } from '#src/db/schema.ts';
import type { Grant, Principal, Role } from './permissions.ts';

export const SESSION_HOURS = 12;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function findAccountByEmail(db: Db, email: string) {
  const [row] = await db.select().from(account).where(eq(account.email, normaliseEmail(email)));
  return row;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function loadPrincipal(db: Db, accountId: number): Promise<Principal | undefined> {
  const [row] = await db.select().from(account).where(and(eq(account.id, accountId), eq(account.isActive, true)));
  if (!row) return undefined;
  const grants: Grant[] = await db
    .select({ role: roleGrant.role, unitId: roleGrant.unitId })
    .from(roleGrant)
    .where(eq(roleGrant.accountId, accountId));
  return { accountId: row.id, displayName: row.displayName, email: row.email, personId: row.personId, grants };
}

export interface SessionRecord {
  accountId: number;
  csrfToken: string;
}

/** Returns the cookie token; only its hash is stored. */
export async function createSession(db: Db, accountId: number, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(session).values({
    tokenHash: hashToken(token),
    accountId,
    csrfToken: randomBytes(24).toString('base64url'),
    createdAt: now,
    expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000),
  });
  return token;
}

export async function findSession(db: Db, token: string, now: Date): Promise<SessionRecord | undefined> {
  const [row] = await db
    .select({ accountId: session.accountId, csrfToken: session.csrfToken })
    .from(session)
    .where(and(eq(session.tokenHash, hashToken(token)), gt(session.expiresAt, now)));
  return row;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, hashToken(token)));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(session).where(lt(session.expiresAt, now));
}

export async function countRecentFailures(db: Db, key: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(signInFailure)
    .where(and(eq(signInFailure.key, key), gt(signInFailure.at, since)));
  return row?.n ?? 0;
}

export async function recordFailures(db: Db, keys: string[], at: Date): Promise<void> {
  await db.insert(signInFailure).values(keys.map((key) => ({ key, at })));
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInFailure).where(eq(signInFailure.key, key));
}

export async function listAccounts(db: Db) {
  const accounts = await db.select().from(account).orderBy(asc(account.email));
  const grants = await listGrants(db);
  return accounts.map((row) => ({ ...row, grants: grants.filter((grant) => grant.accountId === row.id) }));
}

export async function findAccount(db: Db, accountId: number) {
  const [row] = await db.select().from(account).where(eq(account.id, accountId));
  return row;
}

export async function listGrants(db: Db, accountId?: number) {
  return db
    .select({
      id: roleGrant.id,
      accountId: roleGrant.accountId,
      role: roleGrant.role,
      unitId: roleGrant.unitId,
      unitName: orgUnit.name,
    })
    .from(roleGrant)
    .innerJoin(orgUnit, eq(orgUnit.id, roleGrant.unitId))
    .where(accountId === undefined ? undefined : eq(roleGrant.accountId, accountId))
    .orderBy(asc(roleGrant.role), asc(orgUnit.name));
}

export interface NewAccount {
  email: string;
  displayName: string;
  passwordHash: string | null;
  personId?: number | null;
  isDemo?: boolean;
  oidcIssuer?: string | null;
  oidcSubject?: string | null;
}

export async function insertAccount(db: Db, values: NewAccount): Promise<number> {
  const [row] = await db
    .insert(account)
    .values({ ...values, email: normaliseEmail(values.email) })
    .returning({ id: account.id });
  if (!row) throw new Error('The account was not created');
  return row.id;
}

export async function setAccountActive(db: Db, accountId: number, isActive: boolean): Promise<void> {
  await db.update(account).set({ isActive }).where(eq(account.id, accountId));
  if (!isActive) await db.delete(session).where(eq(session.accountId, accountId));
}

export async function insertGrant(db: Db, values: { accountId: number; role: Role; unitId: number; grantedBy: number | null }) {
  const rows = await db.insert(roleGrant).values(values).onConflictDoNothing().returning({ id: roleGrant.id });
  return rows.length > 0;
}

export async function deleteGrant(db: Db, grantId: number) {
  const [row] = await db.delete(roleGrant).where(eq(roleGrant.id, grantId)).returning();
  return row;
}

export async function countAccounts(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(account);
  return row?.n ?? 0;
}
