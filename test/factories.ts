import type { Db } from '#src/db/client.ts';
import { hashPassword } from '#src/auth/password.ts';
import type { Role } from '#src/auth/permissions.ts';
import { insertAccount, insertGrant } from '#src/auth/store.ts';
import { assignment, orgUnit, orgUnitParent, person, protectedCharacteristic } from '#src/db/schema.ts';
import type { OrgLevel } from '#src/org/tree.ts';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;

async function insertUnit(db: Db, code: string, name: string, level: OrgLevel, parentId: number | null): Promise<number> {
  const [row] = await db.insert(orgUnit).values({ code, name, level, openedOn: '2020-01-01' }).returning({ id: orgUnit.id });
  if (!row) throw new Error('unit not inserted');
  if (parentId !== null) await db.insert(orgUnitParent).values({ unitId: row.id, parentId, validFrom: '2020-01-01' });
  return row.id;
}

let staffCounter = 0;

export async function buildPerson(db: Db, unitId: number, options: { ethnicGroup?: string; sex?: string; managerId?: number } = {}) {
  staffCounter += 1;
  const [row] = await db
    .insert(person)
    .values({ staffNumber: `T${String(staffCounter).padStart(7, '0')}`, givenName: 'Alex', familyName: `Tester${staffCounter}` })
    .returning({ id: person.id });
  if (!row) throw new Error('person not inserted');
  await db.insert(assignment).values({
    personId: row.id,
    unitId,
    jobTitle: 'Paramedic',
    staffGroup: 'Allied Health Professionals',
    band: '6',
    fte: 1,
    lineManagerId: options.managerId ?? null,
    startDate: '2021-04-01',
  });
  await db.insert(protectedCharacteristic).values({
    personId: row.id,
    ethnicity: options.ethnicGroup === 'Ethnic minority' ? 'Asian or Asian British: Indian' : 'White: British',
    ethnicGroup: options.ethnicGroup ?? 'White',
    disability: 'No',
    sex: options.sex ?? 'Female',
    ageBand: '35-44',
  });
  return row.id;
}

export async function buildAccount(db: Db, grants: { role: Role; unitId: number }[], personId: number | null = null) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  staffCounter += 1;
  const email = `user${staffCounter}@trust.test`;
  const accountId = await insertAccount(db, { email, displayName: `User ${staffCounter}`, passwordHash: await passwordHash, personId });
  for (const grant of grants) await insertGrant(db, { accountId, role: grant.role, unitId: grant.unitId, grantedBy: null });
  return { accountId, email };
}

/**
 * The smallest trust the web tests need: two hubs under one directorate, a corporate directorate,
 * a few staff, and one account per role (the manager manages the north hub).
 */
export async function buildTrust(db: Db) {
  const trust = await insertUnit(db, 'TST', 'Test Ambulance Service', 'trust', null);
  const operations = await insertUnit(db, 'TST-EO', 'Emergency Operations', 'directorate', trust);
  const corporate = await insertUnit(db, 'TST-CS', 'Corporate Services', 'directorate', trust);
  const northHub = await insertUnit(db, 'TST-EO-N', 'North hub', 'area', operations);
  const southHub = await insertUnit(db, 'TST-EO-S', 'South hub', 'area', operations);
  const northTeam = await insertUnit(db, 'TST-EO-N-1', 'North team 1', 'team', northHub);
  const southTeam = await insertUnit(db, 'TST-EO-S-1', 'South team 1', 'team', southHub);
  const hrTeam = await insertUnit(db, 'TST-CS-HR', 'HR team', 'team', corporate);
  const manager = await buildPerson(db, northTeam);
  for (let i = 0; i < 12; i++) await buildPerson(db, northTeam, { managerId: manager, ethnicGroup: i < 2 ? 'Ethnic minority' : 'White', sex: i % 2 ? 'Male' : 'Female' });
  for (let i = 0; i < 3; i++) await buildPerson(db, southTeam);
  const hrPerson = await buildPerson(db, hrTeam);
  const units = { trust, operations, corporate, northHub, southHub, northTeam, southTeam, hrTeam };
  const accounts = {
    staff: await buildAccount(db, [], hrPerson),
    manager: await buildAccount(db, [{ role: 'manager', unitId: northHub }], manager),
    guardian: await buildAccount(db, [{ role: 'guardian', unitId: trust }]),
    investigator: await buildAccount(db, [{ role: 'investigator', unitId: trust }]),
    analyst: await buildAccount(db, [{ role: 'analyst', unitId: trust }]),
    programme: await buildAccount(db, [{ role: 'programme', unitId: trust }]),
    board: await buildAccount(db, [{ role: 'board', unitId: trust }]),
    admin: await buildAccount(db, [{ role: 'admin', unitId: trust }]),
  } satisfies Record<Role, { accountId: number; email: string }>;
  return { units, accounts };
}
