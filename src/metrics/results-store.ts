import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { metric, recomputeRun, scorecardSeries, signal, spot } from '#src/db/schema.ts';
import type { EngineSignal } from './engine/compute.ts';
import type { SeriesRow } from './engine/series.ts';
import type { EngineSpot } from './engine/spots.ts';
import type { UnitTree } from './engine/tree.ts';
import type { MetricSetting } from './facts.ts';
import type { SpotEvidence } from './schema.ts';

const BATCH = 500;

function chunks<T>(rows: readonly T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function loadMetricSettings(db: Db): Promise<MetricSetting[]> {
  return db.select({ key: metric.key, polarity: metric.polarity, target: metric.target, minimumGroupSize: metric.minimumGroupSize }).from(metric);
}

export const seriesHash = (row: SeriesRow): string =>
  createHash('sha1').update(JSON.stringify([row.data, row.variation, row.assurance, row.funnelPosition])).digest('base64url');

/**
 * Writes the series of the recomputed metrics whose content hash changed (batched upserts), and
 * deletes their series for units that no longer have any. Returns the rows written.
 */
export async function writeSeries(db: Db, metricKeys: readonly string[], rows: readonly SeriesRow[], now: Date): Promise<number> {
  if (metricKeys.length === 0) return 0;
  const existing = await db
    .select({ unitId: scorecardSeries.unitId, metricKey: scorecardSeries.metricKey, hash: scorecardSeries.hash })
    .from(scorecardSeries)
    .where(inArray(scorecardSeries.metricKey, [...metricKeys]));
  const hashes = new Map(existing.map((r) => [`${r.unitId}:${r.metricKey}`, r.hash]));
  const changed = [];
  for (const row of rows) {
    const key = `${row.unitId}:${row.metricKey}`;
    const hash = seriesHash(row);
    if (hashes.get(key) !== hash) changed.push({ ...row, hash, computedAt: now });
    hashes.delete(key);
  }
  for (const batch of chunks(changed)) {
    await db
      .insert(scorecardSeries)
      .values(batch)
      .onConflictDoUpdate({
        target: [scorecardSeries.unitId, scorecardSeries.metricKey],
        set: {
          data: sqlExcluded('data'),
          latestPeriod: sqlExcluded('latest_period'),
          latestValue: sqlExcluded('latest_value'),
          variation: sqlExcluded('variation'),
          assurance: sqlExcluded('assurance'),
          funnelPosition: sqlExcluded('funnel_position'),
          hash: sqlExcluded('hash'),
          computedAt: sqlExcluded('computed_at'),
        },
      });
  }
  for (const gone of hashes.keys()) {
    const [unitId, metricKey] = gone.split(':');
    await db.delete(scorecardSeries).where(and(eq(scorecardSeries.unitId, Number(unitId)), eq(scorecardSeries.metricKey, metricKey ?? '')));
  }
  return changed.length;
}

const sqlExcluded = (column: string) => sql.raw(`excluded."${column}"`);

/**
 * Upserts the signals of the recomputed metrics by fingerprint (unit, metric, kind, rule, since),
 * keeping status and acknowledgements; a funnel signal still found keeps the fingerprint it was
 * first seen with (its window moves every month). Signals of these metrics no longer found become
 * inactive. Returns the ids of signals new in this run.
 */
export async function writeSignals(db: Db, tree: UnitTree, metricKeys: readonly string[], found: readonly EngineSignal[], importId: number | null): Promise<number[]> {
  if (metricKeys.length === 0) return [];
  const existing = await db
    .select({
      id: signal.id,
      fingerprint: signal.fingerprint,
      unitId: signal.unitId,
      metricKey: signal.metricKey,
      kind: signal.kind,
      rule: signal.rule,
      active: signal.active,
      lastPeriod: signal.lastPeriod,
      strength: signal.strength,
      evidence: signal.evidence,
    })
    .from(signal)
    .where(inArray(signal.metricKey, [...metricKeys]));
  const byFingerprint = new Map(existing.map((s) => [s.fingerprint, s]));
  const activeFunnel = new Map(existing.filter((s) => s.rule === 'funnel' && s.active === 1).map((s) => [`${s.unitId}:${s.metricKey}:${s.kind}`, s]));
  const seen = new Set<number>();
  const inserts = [];
  for (const s of found) {
    const unitId = tree.ids[s.unit]!;
    const match = byFingerprint.get(`${unitId}:${s.metricKey}:${s.kind}:${s.rule}:${s.sincePeriod}`) ?? (s.rule === 'funnel' ? activeFunnel.get(`${unitId}:${s.metricKey}:${s.kind}`) : undefined);
    if (match) {
      seen.add(match.id);
      if (match.active !== 1 || match.lastPeriod !== s.lastPeriod || match.strength !== s.strength || match.evidence !== s.evidence)
        await db.update(signal).set({ active: 1, lastPeriod: s.lastPeriod, strength: s.strength, evidence: s.evidence }).where(eq(signal.id, match.id));
      continue;
    }
    inserts.push({
      fingerprint: `${unitId}:${s.metricKey}:${s.kind}:${s.rule}:${s.sincePeriod}`,
      unitId,
      metricKey: s.metricKey,
      source: s.source,
      kind: s.kind,
      rule: s.rule,
      sincePeriod: s.sincePeriod,
      lastPeriod: s.lastPeriod,
      strength: s.strength,
      evidence: s.evidence,
      importId,
    });
  }
  const created: number[] = [];
  for (const batch of chunks(inserts)) {
    const rows = await db.insert(signal).values(batch).returning({ id: signal.id });
    created.push(...rows.map((r) => r.id));
  }
  const lost = existing.filter((s) => s.active === 1 && !seen.has(s.id)).map((s) => s.id);
  for (const batch of chunks(lost)) await db.update(signal).set({ active: 0 }).where(inArray(signal.id, batch));
  return created;
}

/** Every active signal, as triangulation reads them (all metrics, recomputed or not). */
export async function loadActiveSignals(db: Db) {
  return db
    .select({ id: signal.id, unitId: signal.unitId, metricKey: signal.metricKey, source: signal.source, kind: signal.kind, rule: signal.rule, strength: signal.strength, evidence: signal.evidence })
    .from(signal)
    .where(eq(signal.active, 1));
}

/** Replaces every spot. `signalIds` maps a triangulation ref to its signal id. */
export async function replaceSpots(db: Db, tree: UnitTree, spots: readonly EngineSpot[], signalIds: readonly number[], now: Date): Promise<void> {
  await db.delete(spot);
  const rows = spots.map((s) => ({
    unitId: tree.ids[s.unit]!,
    kind: s.kind,
    rank: s.rank,
    sources: s.sources,
    strength: s.strength,
    headcount: Math.round(s.headcount),
    evidence: s.signals.map((x): SpotEvidence => ({ signalId: signalIds[x.ref]!, source: x.source, metricKey: x.metricKey, kind: x.kind, evidence: x.evidence })),
    computedAt: now,
  }));
  for (const batch of chunks(rows)) await db.insert(spot).values(batch);
}

export async function recordRun(db: Db, run: { importId: number | null; scope: string; seriesWritten: number; signalsCreated: number; milliseconds: number; startedAt: Date }): Promise<void> {
  await db.insert(recomputeRun).values(run);
}
