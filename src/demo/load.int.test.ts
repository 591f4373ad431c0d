import { count, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { assignment, orgUnit, orgUnitParent, person, protectedCharacteristic } from '#src/db/schema.ts';
import { generateDemoTrust } from '#src/demo/generate.ts';
import { loadDemoTrust } from '#src/demo/load.ts';
import { createTestDatabase } from '#test/database.ts';

const trust = generateDemoTrust({ seed: 1, staff: 400 });
let database: Database;
let ids: Awaited<ReturnType<typeof loadDemoTrust>>;

beforeAll(async () => {
  database = await createTestDatabase();
  ids = await loadDemoTrust(database.db, trust);
});
afterAll(() => database.close());

async function rows(table: typeof orgUnit | typeof orgUnitParent | typeof person | typeof assignment | typeof protectedCharacteristic): Promise<number> {
  const [result] = await database.db.select({ n: count() }).from(table);
  return result?.n ?? 0;
}

describe('loadDemoTrust', () => {
  it('inserts every unit, parent link, person, assignment and characteristic', async () => {
    expect(await rows(orgUnit)).toBe(trust.units.length);
    expect(await rows(orgUnitParent)).toBe(trust.units.length - 1);
    expect(await rows(person)).toBe(trust.people.length);
    expect(await rows(assignment)).toBe(trust.assignments.length);
    expect(await rows(protectedCharacteristic)).toBe(trust.characteristics.length);
  });

  it('returns the ids of units and people', () => {
    expect(ids.unitIdsByCode.size).toBe(trust.units.length);
    expect(ids.personIdsByStaffNumber.size).toBe(trust.people.length);
  });

  it('resolves line managers to people', async () => {
    const [managed] = await database.db.select({ n: count() }).from(assignment).where(isNotNull(assignment.lineManagerId));
    expect(managed?.n).toBe(trust.assignments.filter((a) => a.lineManagerStaffNumber !== null).length);
  });
});
