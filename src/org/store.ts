import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { alias } from 'drizzle-orm/pg-core';
import { assignment, orgUnit, orgUnitParent, person, protectedCharacteristic } from '#src/db/schema.ts';
import { OrgTree } from './tree.ts';

/** The tree as it stands on a date (YYYY-MM-DD): open units and the parent links valid then. */
export async function loadOrgTree(db: Db, onDate: string): Promise<OrgTree> {
  const rows = await db
    .select({ id: orgUnit.id, code: orgUnit.code, name: orgUnit.name, level: orgUnit.level, parentId: orgUnitParent.parentId })
    .from(orgUnit)
    .leftJoin(
      orgUnitParent,
      and(
        eq(orgUnitParent.unitId, orgUnit.id),
        lte(orgUnitParent.validFrom, onDate),
        or(isNull(orgUnitParent.validTo), sql`${orgUnitParent.validTo} > ${onDate}`),
      ),
    )
    .where(and(lte(orgUnit.openedOn, onDate), or(isNull(orgUnit.closedOn), gte(orgUnit.closedOn, onDate))));
  return new OrgTree(rows);
}

const inPostOn = (onDate: string) =>
  and(lte(assignment.startDate, onDate), or(isNull(assignment.endDate), gte(assignment.endDate, onDate)));

export interface UnitHeadcount {
  unitId: number;
  headcount: number;
  fte: number;
}

/** Headcount and FTE in post on a date, per unit that has assignments (leaf units). */
export async function countStaffByUnit(db: Db, onDate: string): Promise<UnitHeadcount[]> {
  return db
    .select({
      unitId: assignment.unitId,
      headcount: sql<number>`count(distinct ${assignment.personId})::int`,
      fte: sql<number>`coalesce(sum(${assignment.fte}), 0)::float8`,
    })
    .from(assignment)
    .where(inPostOn(onDate))
    .groupBy(assignment.unitId);
}

const manager = alias(person, 'manager');

export async function listPeopleInUnits(db: Db, unitIds: number[], onDate: string) {
  return db
    .select({
      personId: person.id,
      staffNumber: person.staffNumber,
      givenName: person.givenName,
      familyName: person.familyName,
      unitId: assignment.unitId,
      jobTitle: assignment.jobTitle,
      staffGroup: assignment.staffGroup,
      band: assignment.band,
      fte: assignment.fte,
      startDate: assignment.startDate,
      managerGivenName: manager.givenName,
      managerFamilyName: manager.familyName,
    })
    .from(assignment)
    .innerJoin(person, eq(person.id, assignment.personId))
    .leftJoin(manager, eq(manager.id, assignment.lineManagerId))
    .where(and(inPostOn(onDate), inArray(assignment.unitId, unitIds)))
    .orderBy(asc(person.familyName), asc(person.givenName));
}

export async function findCurrentAssignment(db: Db, personId: number, onDate: string) {
  const [row] = await db
    .select({
      unitId: assignment.unitId,
      jobTitle: assignment.jobTitle,
      band: assignment.band,
      fte: assignment.fte,
      staffGroup: assignment.staffGroup,
      startDate: assignment.startDate,
      managerGivenName: manager.givenName,
      managerFamilyName: manager.familyName,
    })
    .from(assignment)
    .leftJoin(manager, eq(manager.id, assignment.lineManagerId))
    .where(and(eq(assignment.personId, personId), inPostOn(onDate)))
    .orderBy(asc(assignment.startDate))
    .limit(1);
  return row;
}

export type CharacteristicField = 'ethnicGroup' | 'disability' | 'sex' | 'ageBand';

/** Counts of staff in post on a date in the given units, by one characteristic. */
export async function countByCharacteristic(db: Db, unitIds: number[], field: CharacteristicField, onDate: string) {
  const column = protectedCharacteristic[field];
  return db
    .select({ category: column, n: sql<number>`count(distinct ${assignment.personId})::int` })
    .from(assignment)
    .innerJoin(protectedCharacteristic, eq(protectedCharacteristic.personId, assignment.personId))
    .where(and(inPostOn(onDate), inArray(assignment.unitId, unitIds)))
    .groupBy(column)
    .orderBy(asc(column));
}

export async function countUnits(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(orgUnit);
  return row?.n ?? 0;
}

export async function findUnitByCode(db: Db, code: string) {
  const [row] = await db.select().from(orgUnit).where(eq(orgUnit.code, code));
  return row;
}

export async function findPersonByStaffNumber(db: Db, staffNumber: string) {
  const [row] = await db.select().from(person).where(eq(person.staffNumber, staffNumber));
  return row;
}
