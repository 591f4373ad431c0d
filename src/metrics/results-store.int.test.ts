import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { scorecardSeries } from '#src/db/schema.ts';
import { buildTrust } from '#test/factories.ts';
import { createTestDatabase } from '#test/database.ts';
import type { SeriesRow } from './engine/series.ts';
import { seriesWriter, writeSeries } from './results-store.ts';

const NOW = new Date('2026-11-15T09:00:00Z');
const PERIODS = ['2026-08', '2026-09', '2026-10'];

let database: Database;
let units: number[];

function row(unitId: number, metricKey: string, last: number | null): SeriesRow {
  return {
    unitId,
    metricKey,
    data: {
      periods: PERIODS,
      numerators: [1.5, 2, last === null ? null : 3],
      denominators: [10, 10, last === null ? null : 10],
      values: [15, 20, last],
      suppressed: [0, 0, last === null ? 1 : 0],
      mean: [20.1234, 20.1234, 20.1234],
      lower: [null, null, null],
      upper: [41.5, 41.5, 41.5],
      pointTypes: ['common_cause', 'common_cause', last === null ? '' : 'special_cause_concern'],
      funnel: null,
    },
    latestPeriod: '2026-10',
    latestValue: last,
    variation: 'common_cause',
    assurance: null,
    funnelPosition: "within_95 'quoted' \"too\"",
  };
}

const stored = async (metricKey: string) =>
  (await database.db.select().from(scorecardSeries).where(eq(scorecardSeries.metricKey, metricKey))).sort((a, b) => a.unitId - b.unitId);

beforeAll(async () => {
  database = await createTestDatabase();
  units = Object.values((await buildTrust(database.db)).units);
});

afterAll(async () => {
  await database.close();
});

describe('seriesWriter', () => {
  it('writes rows across several statements exactly as given', async () => {
    const rows = units.map((u, i) => row(u, 'sickness_absence_rate', i % 2 ? null : 30 + i));
    const writer = await seriesWriter(database.db, ['sickness_absence_rate'], NOW, 1);
    await writer.add(rows.slice(0, 3));
    await writer.add(rows.slice(3));
    expect(await writer.finish()).toBe(rows.length);
    const back = await stored('sickness_absence_rate');
    expect(back.map((r) => ({ unitId: r.unitId, metricKey: r.metricKey, data: r.data, latestPeriod: r.latestPeriod, latestValue: r.latestValue, variation: r.variation, assurance: r.assurance, funnelPosition: r.funnelPosition }))).toEqual(rows);
    expect(back.every((r) => r.computedAt.getTime() === NOW.getTime())).toBe(true);
  });

  it('sends only changed rows, deletes rows no longer produced and leaves other metrics alone', async () => {
    await writeSeries(database.db, ['leaver_rate'], [row(units[0]!, 'leaver_rate', 5)], NOW);
    const rows = units.map((u, i) => row(u, 'sickness_absence_rate', i % 2 ? null : 30 + i));
    expect(await writeSeries(database.db, ['sickness_absence_rate'], rows, NOW)).toBe(0);
    const changed = [...rows.slice(0, -2), row(units.at(-2)!, 'sickness_absence_rate', 99)];
    const later = new Date('2026-12-15T09:00:00Z');
    expect(await writeSeries(database.db, ['sickness_absence_rate'], changed, later)).toBe(1);
    const back = await stored('sickness_absence_rate');
    expect(back.map((r) => r.unitId)).toEqual(changed.map((r) => r.unitId).sort((a, b) => a - b));
    expect(back.find((r) => r.unitId === units.at(-2))?.latestValue).toBe(99);
    expect(back.filter((r) => r.computedAt.getTime() === later.getTime())).toHaveLength(1);
    expect(await stored('leaver_rate')).toHaveLength(1);
  });

  it('reports a failed statement and writes nothing of it', async () => {
    const unknownUnit = Math.max(...units) + 1000;
    await expect(writeSeries(database.db, ['leaver_rate'], [row(unknownUnit, 'leaver_rate', 1)], NOW)).rejects.toThrow();
    // One row a statement: the failure of a statement still running surfaces at the next one.
    const streamed = database.db.transaction(async (tx) => {
      const writer = await seriesWriter(tx, ['vacancy_rate'], NOW, 1);
      await writer.add([row(unknownUnit, 'vacancy_rate', 1), row(units[0]!, 'vacancy_rate', 1)]);
      return writer.finish();
    });
    await expect(streamed).rejects.toThrow();
    expect(await stored('vacancy_rate')).toEqual([]);
  });
});
