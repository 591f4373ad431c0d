import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '#src/db/client.ts';
import { boardMetric, metric, scorecardSeries, strategicObjective, strategicPriority, strategy, strategyValue, successMeasure } from '#src/db/schema.ts';
import type { SeriesData } from '#src/metrics/schema.ts';

export type StrategyRow = typeof strategy.$inferSelect;
export type ValueRow = typeof strategyValue.$inferSelect;
export type ObjectiveRow = typeof strategicObjective.$inferSelect;
export type PriorityRow = typeof strategicPriority.$inferSelect;
export type MeasureRow = typeof successMeasure.$inferSelect;
export type BoardMetricRow = typeof boardMetric.$inferSelect;
export type MeasureFields = Pick<MeasureRow, 'description' | 'metricKey' | 'baselineValue' | 'baselinePeriod' | 'targetValue' | 'targetPeriod'>;

/** The position after the last one (among rows matching `where`): new things go at the end. */
async function nextPosition(db: Db, table: PgTable, position: AnyPgColumn, where?: SQL): Promise<number> {
  const [row] = await db
    .select({ next: sql<number>`coalesce(max(${position}), 0) + 1` })
    .from(table)
    .where(where);
  return Number(row?.next ?? 1);
}

export async function findStrategy(db: Db): Promise<StrategyRow | undefined> {
  const [row] = await db.select().from(strategy).orderBy(asc(strategy.id)).limit(1);
  return row;
}

/** The one strategy row: updated when there is one, created when there is not. Returns its id. */
export async function saveStrategy(db: Db, fields: Pick<StrategyRow, 'title' | 'vision' | 'period'>, accountId: number | null, at: Date): Promise<number> {
  const existing = await findStrategy(db);
  const values = { ...fields, updatedAt: at, updatedBy: accountId };
  if (existing) {
    await db.update(strategy).set(values).where(eq(strategy.id, existing.id));
    return existing.id;
  }
  const [row] = await db.insert(strategy).values(values).returning({ id: strategy.id });
  if (!row) throw new Error('strategy not inserted');
  return row.id;
}

export const listValues = (db: Db): Promise<ValueRow[]> => db.select().from(strategyValue).orderBy(asc(strategyValue.position), asc(strategyValue.id));

export async function findValue(db: Db, id: number): Promise<ValueRow | undefined> {
  const [row] = await db.select().from(strategyValue).where(eq(strategyValue.id, id));
  return row;
}

export async function insertValue(db: Db, fields: Pick<ValueRow, 'name' | 'description'>): Promise<number> {
  const position = await nextPosition(db, strategyValue, strategyValue.position);
  const [row] = await db
    .insert(strategyValue)
    .values({ ...fields, position })
    .returning({ id: strategyValue.id });
  if (!row) throw new Error('value not inserted');
  return row.id;
}

export async function updateValue(db: Db, id: number, fields: Pick<ValueRow, 'name' | 'description'>): Promise<void> {
  await db.update(strategyValue).set(fields).where(eq(strategyValue.id, id));
}

export async function deleteValue(db: Db, id: number): Promise<void> {
  await db.delete(strategyValue).where(eq(strategyValue.id, id));
}

export const listObjectives = (db: Db): Promise<ObjectiveRow[]> =>
  db.select().from(strategicObjective).orderBy(asc(strategicObjective.position), asc(strategicObjective.id));

export async function findObjective(db: Db, id: number): Promise<ObjectiveRow | undefined> {
  const [row] = await db.select().from(strategicObjective).where(eq(strategicObjective.id, id));
  return row;
}

export async function insertObjective(db: Db, fields: Pick<ObjectiveRow, 'title' | 'commitment'>): Promise<number> {
  const position = await nextPosition(db, strategicObjective, strategicObjective.position);
  const [row] = await db
    .insert(strategicObjective)
    .values({ ...fields, position })
    .returning({ id: strategicObjective.id });
  if (!row) throw new Error('objective not inserted');
  return row.id;
}

export async function updateObjective(db: Db, id: number, fields: Pick<ObjectiveRow, 'title' | 'commitment'>): Promise<void> {
  await db.update(strategicObjective).set(fields).where(eq(strategicObjective.id, id));
}

/** Its priorities, success measures and board metrics go with it (the foreign keys cascade). */
export async function deleteObjective(db: Db, id: number): Promise<void> {
  await db.delete(strategicObjective).where(eq(strategicObjective.id, id));
}

export const listPriorities = (db: Db): Promise<PriorityRow[]> =>
  db.select().from(strategicPriority).orderBy(asc(strategicPriority.objectiveId), asc(strategicPriority.position), asc(strategicPriority.id));

export async function findPriority(db: Db, id: number): Promise<PriorityRow | undefined> {
  const [row] = await db.select().from(strategicPriority).where(eq(strategicPriority.id, id));
  return row;
}

export async function insertPriority(db: Db, objectiveId: number, text: string): Promise<number> {
  const position = await nextPosition(db, strategicPriority, strategicPriority.position, eq(strategicPriority.objectiveId, objectiveId));
  const [row] = await db.insert(strategicPriority).values({ objectiveId, text, position }).returning({ id: strategicPriority.id });
  if (!row) throw new Error('priority not inserted');
  return row.id;
}

export async function updatePriority(db: Db, id: number, text: string): Promise<void> {
  await db.update(strategicPriority).set({ text }).where(eq(strategicPriority.id, id));
}

export async function deletePriority(db: Db, id: number): Promise<void> {
  await db.delete(strategicPriority).where(eq(strategicPriority.id, id));
}

export const listMeasures = (db: Db): Promise<MeasureRow[]> =>
  db.select().from(successMeasure).orderBy(asc(successMeasure.objectiveId), asc(successMeasure.position), asc(successMeasure.id));

export async function findMeasure(db: Db, id: number): Promise<MeasureRow | undefined> {
  const [row] = await db.select().from(successMeasure).where(eq(successMeasure.id, id));
  return row;
}

export async function insertMeasure(db: Db, objectiveId: number, fields: MeasureFields): Promise<number> {
  const position = await nextPosition(db, successMeasure, successMeasure.position, eq(successMeasure.objectiveId, objectiveId));
  const [row] = await db
    .insert(successMeasure)
    .values({ ...fields, objectiveId, position })
    .returning({ id: successMeasure.id });
  if (!row) throw new Error('success measure not inserted');
  return row.id;
}

export async function updateMeasure(db: Db, id: number, fields: MeasureFields): Promise<void> {
  await db.update(successMeasure).set(fields).where(eq(successMeasure.id, id));
}

export async function deleteMeasure(db: Db, id: number): Promise<void> {
  await db.delete(successMeasure).where(eq(successMeasure.id, id));
}

export const listBoardMetrics = (db: Db): Promise<BoardMetricRow[]> =>
  db.select().from(boardMetric).orderBy(asc(boardMetric.objectiveId), asc(boardMetric.position), asc(boardMetric.id));

export async function findBoardMetric(db: Db, id: number): Promise<BoardMetricRow | undefined> {
  const [row] = await db.select().from(boardMetric).where(eq(boardMetric.id, id));
  return row;
}

/** A metric is under one objective only: where it already is, if anywhere. */
export async function findBoardMetricByKey(db: Db, metricKey: string): Promise<BoardMetricRow | undefined> {
  const [row] = await db.select().from(boardMetric).where(eq(boardMetric.metricKey, metricKey));
  return row;
}

export async function insertBoardMetric(db: Db, fields: Pick<BoardMetricRow, 'objectiveId' | 'metricKey' | 'owner'>): Promise<number> {
  const position = await nextPosition(db, boardMetric, boardMetric.position, eq(boardMetric.objectiveId, fields.objectiveId));
  const [row] = await db
    .insert(boardMetric)
    .values({ ...fields, position })
    .returning({ id: boardMetric.id });
  if (!row) throw new Error('board metric not inserted');
  return row.id;
}

/** Moving it to another objective puts it at the end of that objective's list. */
export async function updateBoardMetric(db: Db, id: number, fields: Pick<BoardMetricRow, 'objectiveId' | 'metricKey' | 'owner'>): Promise<void> {
  const current = await findBoardMetric(db, id);
  const position =
    current && current.objectiveId !== fields.objectiveId
      ? await nextPosition(db, boardMetric, boardMetric.position, eq(boardMetric.objectiveId, fields.objectiveId))
      : undefined;
  await db
    .update(boardMetric)
    .set({ ...fields, ...(position === undefined ? {} : { position }) })
    .where(eq(boardMetric.id, id));
}

export async function deleteBoardMetric(db: Db, id: number): Promise<void> {
  await db.delete(boardMetric).where(eq(boardMetric.id, id));
}

export type CatalogueMetric = Pick<typeof metric.$inferSelect, 'key' | 'name' | 'format' | 'polarity'>;

export const listCatalogueMetrics = (db: Db): Promise<CatalogueMetric[]> =>
  db.select({ key: metric.key, name: metric.name, format: metric.format, polarity: metric.polarity }).from(metric).orderBy(asc(metric.sortOrder));

export type TrustSeries = Pick<SeriesData, 'periods' | 'values'>;

/** The trust's own (root unit's) published series of some metrics, by metric key; suppressed points are null. */
export async function loadTrustSeries(db: Db, rootUnitId: number | undefined, metricKeys: readonly string[]): Promise<Map<string, TrustSeries>> {
  if (rootUnitId === undefined || metricKeys.length === 0) return new Map();
  const rows = await db
    .select({ metricKey: scorecardSeries.metricKey, data: scorecardSeries.data })
    .from(scorecardSeries)
    .where(and(eq(scorecardSeries.unitId, rootUnitId), inArray(scorecardSeries.metricKey, [...metricKeys])));
  return new Map(
    rows.map((row) => [row.metricKey, { periods: row.data.periods, values: row.data.values.map((value, i) => (row.data.suppressed[i] === 0 ? value : null)) }]),
  );
}
