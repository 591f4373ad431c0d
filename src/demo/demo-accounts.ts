import { eq, inArray } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { account, session } from '#src/db/schema.ts';
import { hashPassword } from '#src/auth/password.ts';
import { ROLES, type Role } from '#src/auth/permissions.ts';
import { insertAccount, insertGrant } from '#src/auth/store.ts';

export const DEMO_PASSWORD = 'vitals-demo';
export const DEMO_DOMAIN = 'vitals.demo';

export const demoEmail = (role: Role) => `${role}@${DEMO_DOMAIN}`;

export interface DemoAccountPlan {
  trustUnitId: number;
  managerUnitId: number;
  /** The person each account belongs to, so each home page shows a real job. */
  personFor: (role: Role) => { personId: number | null; name: string };
}

/** One account per role; the staff account has no grant, the manager manages one hub, the rest hold the trust. */
export async function createDemoAccounts(db: Db, plan: DemoAccountPlan): Promise<void> {
  for (const role of ROLES) {
    const { personId, name } = plan.personFor(role);
    const accountId = await insertAccount(db, {
      email: demoEmail(role),
      displayName: name,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      personId,
      isDemo: true,
    });
    if (role === 'staff') continue;
    await insertGrant(db, { accountId, role, unitId: role === 'manager' ? plan.managerUnitId : plan.trustUnitId, grantedBy: null });
  }
}

/** Demo accounts work only in demo mode: outside it they are deactivated (and their sessions ended). */
export async function setDemoAccountsActive(db: Db, isActive: boolean): Promise<void> {
  await db.update(account).set({ isActive }).where(eq(account.isDemo, true));
  if (!isActive) await db.delete(session).where(inArray(session.accountId, db.select({ id: account.id }).from(account).where(eq(account.isDemo, true))));
}
