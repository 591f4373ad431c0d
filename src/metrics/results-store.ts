import { createHash } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
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

/** Characters of series JSON sent in one statement (a few megabytes: large enough to be few, small enough for any driver). */
const SERIES_CHUNK_CHARS = 2_000_000;

const jsonText = (value: string | number | null): string => (value === null ? 'null' : JSON.stringify(value));

const joinedPeriods = new WeakMap<readonly string[], string>();
let hashBuffer = new Float64Array(0);

/**
 * The content hash of a series row: every array of its data (nulls as NaN, which no published
 * number is), its funnel summary and its icons. Hashed from the numbers' bytes, not from JSON, so
 * a recompute that changes nothing serialises nothing.
 */
export function seriesHash(row: SeriesRow): string {
  const d = row.data;
  const T = d.periods.length;
  const arrays = [d.numerators, d.denominators, d.values, d.suppressed, d.mean, d.lower, d.upper];
  if (hashBuffer.length < arrays.length * T) hashBuffer = new Float64Array(arrays.length * T * 2);
  let i = 0;
  for (const array of arrays) for (let t = 0; t < T; t++) hashBuffer[i++] = array[t] ?? Number.NaN;
  // A metric's rows share one periods array: join it once.
  let periods = joinedPeriods.get(d.periods);
  if (periods === undefined) {
    periods = d.periods.join(',');
    joinedPeriods.set(d.periods, periods);
  }
  return createHash('sha1')
    .update(new Uint8Array(hashBuffer.buffer, 0, i * 8))
    .update(`${periods}|${d.pointTypes.join(',')}|${d.funnel === null ? '' : JSON.stringify(d.funnel)}|${row.variation ?? ''}|${row.assurance ?? ''}|${row.funnelPosition ?? ''}`)
    .digest('base64url');
}

export interface SeriesWriter {
  /** Queues rows: those whose hash changed are sent in the background while the caller computes on. */
  add(rows: readonly SeriesRow[]): Promise<void>;
  /** Sends what is left, deletes the series of units that no longer have one; returns the rows written. */
  finish(): Promise<number>;
}

/**
 * Writes the series of the recomputed metrics whose content hash changed, and deletes their series
 * for units that no longer have any. Hashes are compared in memory against one select, so unchanged
 * series are never sent; changed ones go as JSON records through `json_to_recordset`: a few large
 * statements, not thousands of bound parameters. One statement is in flight at a time, so on
 * PostgreSQL the server parses and stores one batch while the engine computes the next metrics.
 */
export async function seriesWriter(db: Db, metricKeys: readonly string[], now: Date, chunkChars = SERIES_CHUNK_CHARS): Promise<SeriesWriter> {
  const existing =
    metricKeys.length === 0
      ? []
      : await db
          .select({ unitId: scorecardSeries.unitId, metricKey: scorecardSeries.metricKey, hash: scorecardSeries.hash })
          .from(scorecardSeries)
          .where(inArray(scorecardSeries.metricKey, [...metricKeys]));
  const hashes = new Map(existing.map((r) => [`${r.unitId}:${r.metricKey}`, r.hash]));
  const computedAt = now.toISOString();
  let records: string[] = [];
  let chars = 0;
  let written = 0;
  /** The statement being run: null when it succeeded, its error when it failed. */
  let inFlight: Promise<{ error: unknown } | null> = Promise.resolve(null);

  const settle = async () => {
    const failed = await inFlight;
    if (failed) throw failed.error;
  };

  const send = async () => {
    if (records.length === 0) return;
    const json = `[${records.join(',')}]`;
    records = [];
    chars = 0;
    await settle();
    const statement = db.execute(sql`
      insert into scorecard_series (unit_id, metric_key, data, latest_period, latest_value, variation, assurance, funnel_position, hash, computed_at)
      select r.unit_id, r.metric_key, r.data, r.latest_period, r.latest_value, r.variation, r.assurance, r.funnel_position, r.hash, ${computedAt}::timestamptz
      from json_to_recordset(${json}::json)
        as r(unit_id integer, metric_key text, data json, latest_period text, latest_value double precision, variation text, assurance text, funnel_position text, hash text)
      on conflict (unit_id, metric_key) do update set
        data = excluded.data, latest_period = excluded.latest_period, latest_value = excluded.latest_value, variation = excluded.variation,
        assurance = excluded.assurance, funnel_position = excluded.funnel_position, hash = excluded.hash, computed_at = excluded.computed_at`);
    // Started now (drizzle queries are lazy); a failure surfaces at the next send or at finish.
    inFlight = statement.then(
      () => null,
      (error: unknown) => ({ error }),
    );
    // Let the driver put the statement on the wire before the caller computes on.
    await new Promise((resolve) => setImmediate(resolve));
  };

  return {
    async add(rows) {
      for (const row of rows) {
        const key = `${row.unitId}:${row.metricKey}`;
        const hash = seriesHash(row);
        const unchanged = hashes.get(key) === hash;
        hashes.delete(key);
        if (unchanged) continue;
        const record =
          `{"unit_id":${row.unitId},"metric_key":${jsonText(row.metricKey)},"data":${JSON.stringify(row.data)},"latest_period":${jsonText(row.latestPeriod)},` +
          `"latest_value":${jsonText(row.latestValue)},"variation":${jsonText(row.variation)},"assurance":${jsonText(row.assurance)},` +
          `"funnel_position":${jsonText(row.funnelPosition)},"hash":${jsonText(hash)}}`;
        records.push(record);
        chars += record.length + 1;
        written++;
        if (chars >= chunkChars) await send();
      }
    },
    async finish() {
      await send();
      await settle();
      // Series of recomputed metrics not produced this run: their unit has no value any more.
      if (hashes.size > 0) {
        const gone = JSON.stringify([...hashes.keys()].map((key) => ({ unit_id: Number(key.slice(0, key.indexOf(':'))), metric_key: key.slice(key.indexOf(':') + 1) })));
        await db.execute(sql`
          delete from scorecard_series s
          using json_to_recordset(${gone}::json) as g(unit_id integer, metric_key text)
          where s.unit_id = g.unit_id and s.metric_key = g.metric_key`);
      }
      return written;
    },
  };
}

/** Writes the series of the recomputed metrics in one go (see `seriesWriter`); returns the rows written. */
export async function writeSeries(db: Db, metricKeys: readonly string[], rows: readonly SeriesRow[], now: Date): Promise<number> {
  const writer = await seriesWriter(db, metricKeys, now);
  await writer.add(rows);
  return writer.finish();
}

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
