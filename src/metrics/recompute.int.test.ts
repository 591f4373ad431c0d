import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { assignment, importBatch, orgUnit, orgUnitParent, person, recomputeRun, scorecardSeries, sicknessEpisode, signal, spot, trainingCompliance } from '#src/db/schema.ts';
import { createTestDatabase } from '#test/database.ts';
import { monthsEndingAt } from './engine/calendar.ts';
import { RecomputeQueue } from './recompute-queue.ts';
import { recomputeScorecard } from './recompute.ts';

const NOW = new Date('2026-11-15T09:00:00Z');
const MONTHS = monthsEndingAt('2026-10', 60);
/** Team A's culture turns in March 2025: more sickness, training lapses. */
const TURN = MONTHS.indexOf('2025-03');

let database: Database;
const ids: Record<string, number> = {};

async function unit(code: string, level: 'trust' | 'directorate' | 'team', parent: string | null) {
  const [row] = await database.db.insert(orgUnit).values({ code, name: `Unit ${code}`, level, openedOn: '2015-01-01' }).returning({ id: orgUnit.id });
  ids[code] = row!.id;
  if (parent) await database.db.insert(orgUnitParent).values({ unitId: row!.id, parentId: ids[parent]!, validFrom: '2015-01-01' });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  await unit('R', 'trust', null);
  await unit('R-D', 'directorate', 'R');
  await unit('R-D-A', 'team', 'R-D');
  await unit('R-D-B', 'team', 'R-D');
  const [batch] = await db
    .insert(importBatch)
    .values({ kind: 'test', fileName: 'test.csv', fileHash: 'x', status: 'applied', rows: 0, startedAt: NOW, finishedAt: NOW })
    .returning({ id: importBatch.id });
  const importId = batch!.id;
  for (const team of ['R-D-A', 'R-D-B']) {
    for (let i = 0; i < 12; i++) {
      const staffNumber = `${team}-${i}`;
      const [p] = await db.insert(person).values({ staffNumber, givenName: 'Test', familyName: staffNumber }).returning({ id: person.id });
      await db.insert(assignment).values({ personId: p!.id, unitId: ids[team]!, jobTitle: 'Paramedic', staffGroup: 'Clinical', band: '6', fte: 1, startDate: '2015-01-01' });
    }
    const training = [];
    const sickness = [];
    for (const [t, month] of MONTHS.entries()) {
      const worse = team === 'R-D-A' && t >= TURN;
      training.push({ month, unitId: ids[team]!, competence: 'Fire Safety', required: 12, compliant: worse ? 6 + (t % 2) : 11 - (t % 3 === 0 ? 1 : 0), importId });
      const episodes = worse ? 3 : 1;
      for (let e = 0; e < episodes; e++) {
        const days = worse ? 9 : 2 + (t % 3);
        const start = `${month}-${String(2 + e * 9).padStart(2, '0')}`;
        const end = `${month}-${String(1 + e * 9 + days).padStart(2, '0')}`;
        sickness.push({ staffNumber: `${team}-${(t + e) % 12}`, unitId: ids[team]!, startDate: start, endDate: end, calendarDaysLost: days, fteDaysLost: days, reason: 'S12 Other', importId });
      }
    }
    await db.insert(trainingCompliance).values(training);
    await db.insert(sicknessEpisode).values(sickness);
  }
});

afterAll(async () => {
  await database.close();
});

describe('recomputeScorecard', () => {
  it('writes series, signals and spots in one run, and records it', async () => {
    const result = await recomputeScorecard(database.db, { sources: 'all' }, NOW);
    expect(result.seriesWritten).toBeGreaterThan(0);
    const series = await database.db.select().from(scorecardSeries).where(eq(scorecardSeries.unitId, ids['R-D-A']!));
    const sicknessSeries = series.find((s) => s.metricKey === 'sickness_absence_rate');
    expect(sicknessSeries?.data.periods).toEqual(MONTHS);
    expect(sicknessSeries?.latestPeriod).toBe('2026-10');
    expect(sicknessSeries?.data.values.every((v) => v !== null)).toBe(true);

    const signals = await database.db.select().from(signal).where(eq(signal.unitId, ids['R-D-A']!));
    expect(new Set(signals.filter((s) => s.kind === 'concern').map((s) => s.metricKey))).toEqual(new Set(['sickness_absence_rate', 'training_compliance']));
    expect(result.signalsCreated.length).toBeGreaterThanOrEqual(2);
    expect(signals.every((s) => s.status === 'new' && s.active === 1)).toBe(true);

    const spots = await database.db.select().from(spot);
    const dark = spots.find((s) => s.kind === 'dark' && s.unitId === ids['R-D-A']);
    expect(dark?.rank).toBeGreaterThan(0);
    expect(dark?.sources).toBe(2);
    expect(dark?.evidence.map((e) => e.source).sort()).toEqual(['development', 'sickness']);
    expect(dark?.evidence.every((e) => signals.some((s) => s.id === e.signalId))).toBe(true);

    expect(await database.db.select().from(recomputeRun)).toHaveLength(1);
  });

  it('an incremental run with nothing changed writes no series and creates no signals, keeping statuses', async () => {
    const [first] = await database.db.select().from(signal).where(eq(signal.unitId, ids['R-D-A']!));
    await database.db.update(signal).set({ status: 'acknowledged' }).where(eq(signal.id, first!.id));
    const result = await recomputeScorecard(database.db, { sources: ['sickness', 'development'] }, NOW);
    expect(result.seriesWritten).toBe(0);
    expect(result.signalsCreated).toEqual([]);
    const [again] = await database.db.select().from(signal).where(eq(signal.id, first!.id));
    expect(again?.status).toBe('acknowledged');
    expect(again?.active).toBe(1);
    expect((await database.db.select().from(spot)).some((s) => s.kind === 'dark' && s.unitId === ids['R-D-A'])).toBe(true);
  });

  it('the queue runs recomputes one at a time off the caller and reports when idle', async () => {
    const queue = new RecomputeQueue(database.db, () => NOW);
    queue.schedule({ sources: ['sickness'] });
    const second = queue.enqueue({ sources: ['development'] });
    expect(queue.isIdle()).toBe(false);
    await queue.whenIdle();
    expect(queue.isIdle()).toBe(true);
    expect((await second).seriesWritten).toBe(0);
    expect(queue.lastError).toBeNull();
  });
});
