import { and, asc, desc, eq, inArray, lt, max, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { account, boardCommentary, boardMetric, boardReport, metric, scorecardSeries, spot, strategicObjective } from '#src/db/schema.ts';
import type { SeriesData } from '#src/metrics/schema.ts';
import type { ReportSnapshot } from '../snapshot.ts';

export type BoardReportRow = typeof boardReport.$inferSelect;
export type ReportStatus = BoardReportRow['status'];

export async function listReports(db: Db): Promise<BoardReportRow[]> {
  return db.select().from(boardReport).orderBy(desc(boardReport.month));
}

export async function findReport(db: Db, id: number): Promise<BoardReportRow | undefined> {
  const [row] = await db.select().from(boardReport).where(eq(boardReport.id, id));
  return row;
}

export async function findReportForMonth(db: Db, month: string): Promise<BoardReportRow | undefined> {
  const [row] = await db.select().from(boardReport).where(eq(boardReport.month, month));
  return row;
}

/** Starts a draft; undefined when the month already has a report (one report per month). */
export async function insertReport(db: Db, month: string, accountId: number, at: Date): Promise<number | undefined> {
  const [row] = await db
    .insert(boardReport)
    .values({ month, status: 'draft', createdAt: at, createdBy: accountId })
    .onConflictDoNothing({ target: boardReport.month })
    .returning({ id: boardReport.id });
  return row?.id;
}

/** Moves a report between draft and ready; false when it was not in `from` (someone moved it first). */
export async function moveReport(db: Db, id: number, from: 'draft' | 'ready', to: 'draft' | 'ready'): Promise<boolean> {
  const rows = await db
    .update(boardReport)
    .set({ status: to })
    .where(and(eq(boardReport.id, id), eq(boardReport.status, from)))
    .returning({ id: boardReport.id });
  return rows.length > 0;
}

/** Freezes a ready report; false when it was not ready. */
export async function publishReport(db: Db, id: number, snapshot: ReportSnapshot, accountId: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(boardReport)
    .set({ status: 'published', snapshot, publishedAt: at, publishedBy: accountId })
    .where(and(eq(boardReport.id, id), eq(boardReport.status, 'ready')))
    .returning({ id: boardReport.id });
  return rows.length > 0;
}

/** The snapshot of the last report published for a month before `month`: what "changes" compare with. */
export async function findPreviousPublished(db: Db, month: string): Promise<ReportSnapshot | undefined> {
  const [row] = await db
    .select({ snapshot: boardReport.snapshot })
    .from(boardReport)
    .where(and(eq(boardReport.status, 'published'), lt(boardReport.month, month)))
    .orderBy(desc(boardReport.month))
    .limit(1);
  return row?.snapshot ?? undefined;
}

export async function findAccountName(db: Db, accountId: number | null): Promise<string | null> {
  if (accountId === null) return null;
  const [row] = await db.select({ name: account.displayName }).from(account).where(eq(account.id, accountId));
  return row?.name ?? null;
}

/** The board metrics with their objective and catalogue row, in report order. */
export async function listBoardMetrics(db: Db) {
  return db
    .select({
      objectiveId: strategicObjective.id,
      objectiveTitle: strategicObjective.title,
      commitment: strategicObjective.commitment,
      owner: boardMetric.owner,
      metric,
    })
    .from(boardMetric)
    .innerJoin(strategicObjective, eq(strategicObjective.id, boardMetric.objectiveId))
    .innerJoin(metric, eq(metric.key, boardMetric.metricKey))
    .orderBy(asc(strategicObjective.position), asc(boardMetric.position), asc(boardMetric.id));
}

export async function isBoardMetric(db: Db, metricKey: string): Promise<boolean> {
  const rows = await db.select({ id: boardMetric.id }).from(boardMetric).where(eq(boardMetric.metricKey, metricKey));
  return rows.length > 0;
}

export async function listUnitSeriesData(db: Db, unitId: number, metricKeys: readonly string[]): Promise<Map<string, SeriesData>> {
  if (metricKeys.length === 0) return new Map();
  const rows = await db
    .select({ metricKey: scorecardSeries.metricKey, data: scorecardSeries.data })
    .from(scorecardSeries)
    .where(and(eq(scorecardSeries.unitId, unitId), inArray(scorecardSeries.metricKey, [...metricKeys])));
  return new Map(rows.map((row) => [row.metricKey, row.data]));
}

/** The latest monthly period any of the unit's series has: the month a new report defaults to. */
export async function latestScorecardMonth(db: Db, unitId: number): Promise<string | null> {
  const [row] = await db
    .select({ month: max(scorecardSeries.latestPeriod) })
    .from(scorecardSeries)
    .where(and(eq(scorecardSeries.unitId, unitId), sql`length(${scorecardSeries.latestPeriod}) = 7`));
  return row?.month ?? null;
}

export async function listCurrentSpots(db: Db) {
  return db
    .select({ unitId: spot.unitId, kind: spot.kind, evidence: spot.evidence })
    .from(spot)
    .where(inArray(spot.kind, ['dark', 'bright']))
    .orderBy(asc(spot.kind), asc(spot.rank));
}

export interface CommentaryWithAuthor {
  metricKey: string;
  chartTellsUs: string;
  actions: string;
  expectChange: string;
  author: string | null;
}

export async function listCommentary(db: Db, reportId: number): Promise<CommentaryWithAuthor[]> {
  return db
    .select({
      metricKey: boardCommentary.metricKey,
      chartTellsUs: boardCommentary.chartTellsUs,
      actions: boardCommentary.actions,
      expectChange: boardCommentary.expectChange,
      author: account.displayName,
    })
    .from(boardCommentary)
    .leftJoin(account, eq(account.id, boardCommentary.updatedBy))
    .where(eq(boardCommentary.reportId, reportId));
}

export interface CommentaryInput {
  chartTellsUs: string;
  actions: string;
  expectChange: string;
}

export async function saveCommentary(db: Db, reportId: number, metricKey: string, input: CommentaryInput, accountId: number, at: Date): Promise<void> {
  await db
    .insert(boardCommentary)
    .values({ reportId, metricKey, ...input, updatedAt: at, updatedBy: accountId })
    .onConflictDoUpdate({ target: [boardCommentary.reportId, boardCommentary.metricKey], set: { ...input, updatedAt: at, updatedBy: accountId } });
}
