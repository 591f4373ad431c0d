import type { Db } from '#src/db/client.ts';
import { trajectory, type PeriodValue, type Trajectory, type TrajectoryStatus } from '#src/board/trajectory.ts';
import {
  findStrategy,
  listBoardMetrics,
  listCatalogueMetrics,
  listMeasures,
  listObjectives,
  listPriorities,
  listValues,
  loadTrustSeries,
  type CatalogueMetric,
  type MeasureRow,
  type PriorityRow,
  type StrategyRow,
  type TrustSeries,
  type ValueRow,
} from './store.ts';

export interface MeasureProgress {
  id: number;
  objectiveId: number;
  description: string;
  metric: CatalogueMetric | null;
  baseline: PeriodValue | null;
  target: PeriodValue | null;
  trajectory: Trajectory;
}

export interface BoardMetricView {
  id: number;
  metricKey: string;
  name: string;
  owner: string;
}

export interface ObjectiveView {
  id: number;
  /** 1-based, in the order the strategy lists them ("Objective 2"). */
  number: number;
  title: string;
  commitment: string;
  priorities: PriorityRow[];
  measures: MeasureProgress[];
  boardMetrics: BoardMetricView[];
}

export interface StrategyView {
  strategy: StrategyRow | undefined;
  values: ValueRow[];
  objectives: ObjectiveView[];
  /** 'YYYY-MM': the month the statuses are judged at. */
  asOf: string;
}

const pair = (value: number | null, period: string | null): PeriodValue | null => (value === null || period === null ? null : { value, period });

/** One measure's trajectory, from its row, its metric and the trust's series of that metric. */
export function measureProgress(row: MeasureRow, metric: CatalogueMetric | undefined, series: TrustSeries | undefined, asOf: string): MeasureProgress {
  const baseline = pair(row.baselineValue, row.baselinePeriod);
  const target = pair(row.targetValue, row.targetPeriod);
  return {
    id: row.id,
    objectiveId: row.objectiveId,
    description: row.description,
    metric: metric ?? null,
    baseline,
    target,
    trajectory: trajectory({ metric: metric ?? null, baseline, target, series: series ?? null, asOf }),
  };
}

export function countStatuses(measures: readonly MeasureProgress[]): Record<TrajectoryStatus, number> {
  const counts: Record<TrajectoryStatus, number> = { 'on-track': 0, 'at-risk': 0, 'off-track': 0, 'no-data': 0 };
  for (const measure of measures) counts[measure.trajectory.status] += 1;
  return counts;
}

/** Everything the strategy pages show, with each success measure judged as at the end of `asOf`. */
export async function loadStrategyView(db: Db, rootUnitId: number | undefined, asOf: string): Promise<StrategyView> {
  const [strategy, values, objectives, priorities, measures, boardMetrics, catalogue] = await Promise.all([
    findStrategy(db),
    listValues(db),
    listObjectives(db),
    listPriorities(db),
    listMeasures(db),
    listBoardMetrics(db),
    listCatalogueMetrics(db),
  ]);
  const metrics = new Map(catalogue.map((m) => [m.key, m]));
  const linked = [...new Set(measures.flatMap((m) => (m.metricKey === null ? [] : [m.metricKey])))];
  const series = await loadTrustSeries(db, rootUnitId, linked);
  return {
    strategy,
    values,
    asOf,
    objectives: objectives.map((objective, index) => ({
      id: objective.id,
      number: index + 1,
      title: objective.title,
      commitment: objective.commitment,
      priorities: priorities.filter((p) => p.objectiveId === objective.id),
      measures: measures
        .filter((m) => m.objectiveId === objective.id)
        .map((m) => measureProgress(m, m.metricKey === null ? undefined : metrics.get(m.metricKey), m.metricKey === null ? undefined : series.get(m.metricKey), asOf)),
      boardMetrics: boardMetrics
        .filter((b) => b.objectiveId === objective.id)
        .map((b) => ({ id: b.id, metricKey: b.metricKey, name: metrics.get(b.metricKey)?.name ?? b.metricKey, owner: b.owner })),
    })),
  };
}
