import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { assignment, orgUnit, orgUnitParent, person, protectedCharacteristic, recomputeRun, scorecardSeries } from '#src/db/schema.ts';
import { createTestDatabase } from '#test/database.ts';
import { SOURCES_BY_KIND } from './after-import.ts';
import { recomputeScorecard } from './recompute.ts';

const NOW = new Date('2026-11-15T09:00:00Z');
const KEY = 'ethnic_minority_share';

let database: Database;
const ids: Record<string, number> = {};

async function unit(code: string, level: 'trust' | 'directorate' | 'team', parent: string | null) {
  const [row] = await database.db.insert(orgUnit).values({ code, name: `Unit ${code}`, level, openedOn: '2015-01-01' }).returning({ id: orgUnit.id });
  ids[code] = row!.id;
  if (parent) await database.db.insert(orgUnitParent).values({ unitId: row!.id, parentId: ids[parent]!, validFrom: '2015-01-01' });
}

/** Staff in post since 2015 with the given ethnic groups; null: no equality record. */
async function staff(team: string, groups: (string | null)[]) {
  for (const [i, ethnicGroup] of groups.entries()) {
    const staffNumber = `${team}-${i}`;
    const [p] = await database.db.insert(person).values({ staffNumber, givenName: 'Test', familyName: staffNumber }).returning({ id: person.id });
    await database.db.insert(assignment).values({ personId: p!.id, unitId: ids[team]!, jobTitle: 'Paramedic', staffGroup: 'Clinical', band: '6', fte: 1, startDate: '2015-01-01' });
    if (ethnicGroup !== null)
      await database.db.insert(protectedCharacteristic).values({ personId: p!.id, ethnicity: ethnicGroup, ethnicGroup, disability: 'No', sex: 'Female', ageBand: '35-44' });
  }
}

const repeat = <T,>(n: number, value: T): T[] => Array.from({ length: n }, () => value);

beforeAll(async () => {
  database = await createTestDatabase();
  await unit('R', 'trust', null);
  await unit('R-D', 'directorate', 'R');
  await unit('R-D-A', 'team', 'R-D');
  await unit('R-D-B', 'team', 'R-D');
  await staff('R-D-A', [...repeat(3, 'Ethnic minority'), ...repeat(9, 'White'), 'Not stated']);
  await staff('R-D-B', [...repeat(2, 'Ethnic minority'), ...repeat(8, 'White'), null]);
});

afterAll(async () => {
  await database.close();
});

describe('ethnic minority representation from the database', () => {
  it('is what an ESR equality import recomputes: read from protected characteristics, ending at the last complete month', async () => {
    const sources = SOURCES_BY_KIND['esr-equality'];
    if (sources === undefined || sources === 'all') throw new Error('esr-equality should name its sources');
    await recomputeScorecard(database.db, { sources: [...sources] }, NOW);
    const series = await database.db.select().from(scorecardSeries);
    expect(new Set(series.map((s) => s.metricKey))).toEqual(new Set([KEY]));
    const latest = (code: string) => series.find((s) => s.unitId === ids[code]);
    expect(latest('R')?.latestPeriod).toBe('2026-10');
    expect(latest('R')?.data.periods).toHaveLength(60);
    expect(latest('R')?.latestValue).toBeCloseTo((5 / 22) * 100, 3);
    expect(latest('R-D')?.latestValue).toBeCloseTo((5 / 22) * 100, 3);
    expect(latest('R-D-A')?.latestValue).toBeCloseTo(25, 3);
    expect(latest('R-D-B')?.latestValue).toBeCloseTo(20, 3);
    expect(latest('R-D-B')?.data.denominators.at(-1)).toBe(10);
    const [run] = await database.db.select().from(recomputeRun);
    expect(run?.scope).toBe('equality');
  });
});
