import type { Db } from '#src/db/client.ts';
import { assignment, orgUnit, orgUnitParent, person, protectedCharacteristic } from '#src/db/schema.ts';
import type { DemoTrust } from '#src/demo/types.ts';

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table. */
const BATCH_SIZE = 1000;

function* batches<T>(rows: readonly T[]): Generator<readonly T[]> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) yield rows.slice(i, i + BATCH_SIZE);
}

function lookup(ids: ReadonlyMap<string, number>, key: string, what: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`The demo trust refers to an unknown ${what} ${key}`);
  return id;
}

/**
 * Inserts the trust's org units (with their parent links), people, assignments and protected
 * characteristics in one transaction, using multi-row inserts. Expects tables without these codes
 * and staff numbers (an empty database).
 */
export async function loadDemoTrust(
  db: Db,
  trust: DemoTrust,
): Promise<{ unitIdsByCode: Map<string, number>; personIdsByStaffNumber: Map<string, number> }> {
  return db.transaction(async (tx) => {
    const unitIdsByCode = new Map<string, number>();
    for (const batch of batches(trust.units)) {
      const inserted = await tx
        .insert(orgUnit)
        .values(batch.map((u) => ({ code: u.code, name: u.name, level: u.level, openedOn: u.openedOn, closedOn: u.closedOn })))
        .returning({ id: orgUnit.id, code: orgUnit.code });
      for (const row of inserted) unitIdsByCode.set(row.code, row.id);
    }
    const parentLinks = trust.units.flatMap((u) =>
      u.parentCode === null
        ? []
        : [{ unitId: lookup(unitIdsByCode, u.code, 'unit'), parentId: lookup(unitIdsByCode, u.parentCode, 'unit'), validFrom: u.openedOn, validTo: null }],
    );
    for (const batch of batches(parentLinks)) await tx.insert(orgUnitParent).values([...batch]);

    const personIdsByStaffNumber = new Map<string, number>();
    for (const batch of batches(trust.people)) {
      const inserted = await tx
        .insert(person)
        .values(batch.map((p) => ({ staffNumber: p.staffNumber, givenName: p.givenName, familyName: p.familyName, email: p.email })))
        .returning({ id: person.id, staffNumber: person.staffNumber });
      for (const row of inserted) personIdsByStaffNumber.set(row.staffNumber, row.id);
    }

    for (const batch of batches(trust.assignments)) {
      await tx.insert(assignment).values(
        batch.map((a) => ({
          personId: lookup(personIdsByStaffNumber, a.staffNumber, 'staff number'),
          unitId: lookup(unitIdsByCode, a.unitCode, 'unit'),
          jobTitle: a.jobTitle,
          staffGroup: a.staffGroup,
          band: a.band,
          fte: a.fte,
          lineManagerId: a.lineManagerStaffNumber === null ? null : lookup(personIdsByStaffNumber, a.lineManagerStaffNumber, 'line manager'),
          startDate: a.startDate,
          endDate: a.endDate,
        })),
      );
    }

    for (const batch of batches(trust.characteristics)) {
      await tx.insert(protectedCharacteristic).values(
        batch.map((c) => ({
          personId: lookup(personIdsByStaffNumber, c.staffNumber, 'staff number'),
          ethnicity: c.ethnicity,
          ethnicGroup: c.ethnicGroup,
          disability: c.disability,
          sex: c.sex,
          ageBand: c.ageBand,
        })),
      );
    }
    return { unitIdsByCode, personIdsByStaffNumber };
  });
}
