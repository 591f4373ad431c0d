import type { TrustFacts } from '#src/metrics/facts.ts';
import { computeMetric, type EngineSignal, type MetricComputation } from './compute.ts';
import { deriveObservations, type ObservationSet } from './derive.ts';
import type { EngineMetric } from './metric.ts';
import { buildSeries, type SeriesRow } from './series.ts';
import { triangulate, type EngineSpot } from './spots.ts';
import { buildUnitTree, type UnitTree } from './tree.ts';

export interface ScorecardComputation {
  tree: UnitTree;
  /** Rolled-up headcount at the end of the last month, per unit. */
  headcount: Float64Array;
  computations: MetricComputation[];
  signals: EngineSignal[];
}

/** Observations already derived (or generated) → every metric computed over the tree. */
export function computeFromObservations(tree: UnitTree, metrics: readonly EngineMetric[], observations: ObservationSet, endMonth: string): MetricComputation[] {
  const out: MetricComputation[] = [];
  for (const metric of metrics) {
    const own = observations.get(metric.key);
    if (own) out.push(computeMetric(tree, metric, own, endMonth));
  }
  return out;
}

/** The pure engine end to end: facts in, computed metrics and signals out (no database). */
export function computeScorecard(facts: TrustFacts, metrics: readonly EngineMetric[]): ScorecardComputation {
  const tree = buildUnitTree(facts.units);
  const { observations, headcount } = deriveObservations(facts, tree, metrics);
  const computations = computeFromObservations(tree, metrics, observations, facts.endMonth);
  return { tree, headcount, computations, signals: computations.flatMap((c) => c.signals) };
}

export function scorecardSeries(result: ScorecardComputation): SeriesRow[] {
  return result.computations.flatMap((c) => buildSeries(result.tree, c));
}

/** Spots from this run's signals alone (the store adds signals kept from metrics it did not recompute). */
export function scorecardSpots(result: ScorecardComputation): EngineSpot[] {
  return triangulate(
    result.signals.map((s, ref) => ({ ...s, ref })),
    result.headcount,
    result.tree.parent,
  );
}
