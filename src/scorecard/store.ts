import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { metric, scorecardAction, scorecardSeries, signal, spot } from '#src/db/schema.ts';
import type { FunnelSummary } from '#src/metrics/schema.ts';

export type MetricRow = typeof metric.$inferSelect;

export async function listMetrics(db: Db): Promise<MetricRow[]> {
  return db.select().from(metric).orderBy(asc(metric.sortOrder));
}

export async function findMetric(db: Db, key: string): Promise<MetricRow | undefined> {
  const [row] = await db.select().from(metric).where(eq(metric.key, key));
  return row;
}

export type MetricChanges = Partial<Pick<MetricRow, 'name' | 'description' | 'target' | 'minimumGroupSize' | 'polarity'>>;

export async function updateMetric(db: Db, key: string, changes: MetricChanges, accountId: number, at: Date): Promise<void> {
  await db
    .update(metric)
    .set({ ...changes, updatedAt: at, updatedBy: accountId })
    .where(eq(metric.key, key));
}

/** The last published point of each series of some units: what a heatmap cell shows. */
export interface LatestCell {
  unitId: number;
  metricKey: string;
  latestPeriod: string | null;
  latestValue: number | null;
  variation: string | null;
  assurance: string | null;
  /** Suppression code of the last period (0 shown, 1 or 2 suppressed), null without periods. */
  lastSuppressed: number | null;
}

export async function listLatestCells(db: Db, unitIds: readonly number[], metricKey?: string): Promise<LatestCell[]> {
  if (unitIds.length === 0) return [];
  return db
    .select({
      unitId: scorecardSeries.unitId,
      metricKey: scorecardSeries.metricKey,
      latestPeriod: scorecardSeries.latestPeriod,
      latestValue: scorecardSeries.latestValue,
      variation: scorecardSeries.variation,
      assurance: scorecardSeries.assurance,
      lastSuppressed: sql<number | null>`(${scorecardSeries.data} -> 'suppressed' ->> -1)::int`,
    })
    .from(scorecardSeries)
    .where(and(inArray(scorecardSeries.unitId, [...unitIds]), metricKey === undefined ? undefined : eq(scorecardSeries.metricKey, metricKey)));
}

export type SeriesRow = Pick<typeof scorecardSeries.$inferSelect, 'unitId' | 'metricKey' | 'data' | 'latestPeriod' | 'latestValue' | 'variation' | 'assurance' | 'funnelPosition' | 'computedAt'>;

/** Every series of one unit, with its data: the team page in one indexed read. */
export async function listUnitSeries(db: Db, unitId: number): Promise<SeriesRow[]> {
  return db
    .select({
      unitId: scorecardSeries.unitId,
      metricKey: scorecardSeries.metricKey,
      data: scorecardSeries.data,
      latestPeriod: scorecardSeries.latestPeriod,
      latestValue: scorecardSeries.latestValue,
      variation: scorecardSeries.variation,
      assurance: scorecardSeries.assurance,
      funnelPosition: scorecardSeries.funnelPosition,
      computedAt: scorecardSeries.computedAt,
    })
    .from(scorecardSeries)
    .where(eq(scorecardSeries.unitId, unitId));
}

/** One metric's window aggregate (funnel summary) for some units, and whether their last period is suppressed. */
export interface FunnelCell {
  unitId: number;
  funnel: FunnelSummary | null;
  lastSuppressed: number | null;
  latestPeriod: string | null;
}

export async function listFunnelCells(db: Db, metricKey: string, unitIds: readonly number[]): Promise<FunnelCell[]> {
  if (unitIds.length === 0) return [];
  return db
    .select({
      unitId: scorecardSeries.unitId,
      funnel: sql<FunnelSummary | null>`${scorecardSeries.data} -> 'funnel'`,
      lastSuppressed: sql<number | null>`(${scorecardSeries.data} -> 'suppressed' ->> -1)::int`,
      latestPeriod: scorecardSeries.latestPeriod,
    })
    .from(scorecardSeries)
    .where(and(eq(scorecardSeries.metricKey, metricKey), inArray(scorecardSeries.unitId, [...unitIds])));
}

export type SignalRow = Pick<typeof signal.$inferSelect, 'id' | 'metricKey' | 'source' | 'kind' | 'rule' | 'sincePeriod' | 'lastPeriod' | 'evidence' | 'status' | 'strength'>;

/** The unit's active signals, newest first. */
export async function listActiveSignals(db: Db, unitId: number): Promise<SignalRow[]> {
  return db
    .select({
      id: signal.id,
      metricKey: signal.metricKey,
      source: signal.source,
      kind: signal.kind,
      rule: signal.rule,
      sincePeriod: signal.sincePeriod,
      lastPeriod: signal.lastPeriod,
      evidence: signal.evidence,
      status: signal.status,
      strength: signal.strength,
    })
    .from(signal)
    .where(and(eq(signal.unitId, unitId), eq(signal.active, 1), ne(signal.status, 'closed')))
    .orderBy(desc(signal.lastPeriod), desc(signal.strength));
}

export type ActionRow = Pick<typeof scorecardAction.$inferSelect, 'id' | 'signalId' | 'description' | 'owner' | 'dueOn' | 'reviewOn' | 'status' | 'outcome'>;

export async function listUnitActions(db: Db, unitId: number): Promise<ActionRow[]> {
  return db
    .select({
      id: scorecardAction.id,
      signalId: scorecardAction.signalId,
      description: scorecardAction.description,
      owner: scorecardAction.owner,
      dueOn: scorecardAction.dueOn,
      reviewOn: scorecardAction.reviewOn,
      status: scorecardAction.status,
      outcome: scorecardAction.outcome,
    })
    .from(scorecardAction)
    .where(eq(scorecardAction.unitId, unitId))
    .orderBy(asc(scorecardAction.status), asc(scorecardAction.dueOn));
}

export type SpotRow = typeof spot.$inferSelect;

/** Spots of some kinds, best ranked first (callers keep those within the principal's scope). */
export async function listSpots(db: Db, kinds: readonly ('dark' | 'bright' | 'watch')[]): Promise<SpotRow[]> {
  return db
    .select()
    .from(spot)
    .where(inArray(spot.kind, [...kinds]))
    .orderBy(asc(spot.kind), asc(spot.rank));
}

export async function findUnitSpot(db: Db, unitId: number): Promise<SpotRow | undefined> {
  const [row] = await db.select().from(spot).where(eq(spot.unitId, unitId)).orderBy(asc(spot.rank)).limit(1);
  return row;
}
