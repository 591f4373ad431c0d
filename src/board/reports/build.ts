import type { Db } from '#src/db/client.ts';
import type { SeriesData } from '#src/metrics/schema.ts';
import { loadOrgTree } from '#src/org/store.ts';
import type { OrgTree } from '#src/org/tree.ts';
import { isoDate } from '#src/web/today.ts';
import type { ReportMetric, ReportObjective, ReportSnapshot, ReportSpot } from '../snapshot.ts';
import { iconsAt, periodIndexAt, seriesUpTo } from './at-month.ts';
import { changesSince } from './changes.ts';
import { loadSpeakUpSection } from './speak-up.ts';
import {
  findPreviousPublished,
  findReportForMonth,
  listBoardMetrics,
  listCommentary,
  listCurrentSpots,
  listUnitSeriesData,
  type CommentaryWithAuthor,
} from './store.ts';

type BoardMetricRow = Awaited<ReturnType<typeof listBoardMetrics>>[number];

const EMPTY_SERIES: SeriesData = { periods: [], numerators: [], denominators: [], values: [], suppressed: [], mean: [], lower: [], upper: [], pointTypes: [], funnel: null };

/** One board metric at the report month, from the trust's stored series. */
export function reportMetric(row: BoardMetricRow, data: SeriesData | undefined, month: string, commentary: CommentaryWithAuthor | undefined): ReportMetric {
  const { metric } = row;
  const index = data ? periodIndexAt(data.periods, month) : -1;
  const series = data && index >= 0 ? seriesUpTo(data, index) : EMPTY_SERIES;
  const icons = data && index >= 0 ? iconsAt(data, index, metric.polarity, metric.target) : { variation: null, assurance: null };
  return {
    key: metric.key,
    name: metric.name,
    description: metric.description,
    source: metric.source,
    format: metric.format,
    numeratorLabel: metric.numeratorLabel,
    denominatorLabel: metric.denominatorLabel,
    suppressionRule: metric.suppressionRule,
    minimumGroupSize: metric.minimumGroupSize,
    polarity: metric.polarity,
    owner: row.owner,
    period: index >= 0 ? (series.periods[index] ?? null) : null,
    value: index >= 0 ? (series.values[index] ?? null) : null,
    target: metric.target,
    ...icons,
    series,
    commentary: commentary
      ? { chartTellsUs: commentary.chartTellsUs, actions: commentary.actions, expectChange: commentary.expectChange, author: commentary.author }
      : null,
  };
}

function groupByObjective(rows: readonly BoardMetricRow[], toMetric: (row: BoardMetricRow) => ReportMetric): ReportObjective[] {
  const objectives: (ReportObjective & { id: number })[] = [];
  for (const row of rows) {
    let objective = objectives.at(-1);
    if (objective?.id !== row.objectiveId) {
      objective = { id: row.objectiveId, title: row.objectiveTitle, commitment: row.commitment, metrics: [] };
      objectives.push(objective);
    }
    objective.metrics.push(toMetric(row));
  }
  return objectives.map(({ title, commitment, metrics }) => ({ title, commitment, metrics }));
}

function reportSpots(rows: Awaited<ReturnType<typeof listCurrentSpots>>, tree: OrgTree): ReportSpot[] {
  return rows.map((row) => ({
    kind: row.kind === 'bright' ? 'bright' : 'dark',
    unitName: tree.get(row.unitId)?.name ?? 'A closed unit',
    evidence: row.evidence.map((item) => item.evidence),
  }));
}

/**
 * The whole report for `month` from the scorecard as it stands: the trust's (root unit's) series
 * of every board metric, cut at the month, with the icons at that month; today's dark and bright
 * spots; speak-up themes for the last complete quarter; the commentary written for the report; and
 * what changed since the last report published before this month.
 */
export async function buildSnapshot(db: Db, month: string, now: Date): Promise<ReportSnapshot> {
  const today = isoDate(now);
  const tree = await loadOrgTree(db, today);
  const [root] = tree.roots();
  const rows = await listBoardMetrics(db);
  const report = await findReportForMonth(db, month);
  const [series, commentary, spots, speakUp, previous] = await Promise.all([
    root ? listUnitSeriesData(db, root.id, rows.map((row) => row.metric.key)) : new Map<string, SeriesData>(),
    report ? listCommentary(db, report.id) : [],
    listCurrentSpots(db),
    loadSpeakUpSection(db, month, today),
    findPreviousPublished(db, month),
  ]);
  const commentaryByKey = new Map(commentary.map((item) => [item.metricKey, item]));
  const objectives = groupByObjective(rows, (row) => reportMetric(row, series.get(row.metric.key), month, commentaryByKey.get(row.metric.key)));
  return {
    month,
    trustName: root?.name ?? '',
    takenAt: now.toISOString(),
    objectives,
    spots: reportSpots(spots, tree),
    speakUp,
    changes: changesSince(previous?.objectives, objectives),
    changesSinceMonth: previous?.month ?? null,
  };
}
