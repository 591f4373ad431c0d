import type { Db } from '#src/db/client.ts';
import { METRICS, type MetricSource, SOURCES } from './catalogue.ts';
import { computeMetric, type EngineSignal } from './engine/compute.ts';
import { deriveObservations } from './engine/derive.ts';
import { engineMetrics } from './engine/metric.ts';
import { buildSeries } from './engine/series.ts';
import { triangulate } from './engine/spots.ts';
import { buildUnitTree } from './engine/tree.ts';
import { loadTrustFacts } from './facts-store.ts';
import { loadActiveSignals, loadMetricSettings, recordRun, replaceSpots, seriesWriter, writeSignals } from './results-store.ts';

export interface RecomputeOptions {
  /** The sources whose metrics to recompute (an import touched them); 'all' or omitted: every metric. */
  sources?: MetricSource[] | 'all';
  /** The import that triggered the run (recorded on the run and on new signals). */
  importId?: number;
}

export interface RecomputeResult {
  seriesWritten: number;
  /** Ids of signals new in this run (for notifications). */
  signalsCreated: number[];
  milliseconds: number;
}

/**
 * Recomputes the scorecard in one transaction: loads the facts of the sources asked for, runs the
 * engine in memory metric by metric (the same steps as `computeScorecard`), writing each metric's
 * series whose content changed while the next is computed, upserts signals, rebuilds every spot
 * from all active signals (triangulation always covers every metric) and records the run.
 */
export async function recomputeScorecard(db: Db, options: RecomputeOptions = {}, now: Date = new Date()): Promise<RecomputeResult> {
  const started = performance.now();
  const all = options.sources === undefined || options.sources === 'all';
  const sources = new Set<MetricSource>(all ? (Object.keys(SOURCES) as MetricSource[]) : (options.sources as MetricSource[]));
  const keys = new Set(METRICS.filter((m) => sources.has(m.source)).map((m) => m.key));
  const importId = options.importId ?? null;
  return db.transaction(async (tx) => {
    const [settings, facts, writer] = await Promise.all([loadMetricSettings(tx), loadTrustFacts(tx, sources, now), seriesWriter(tx, [...keys], now)]);
    const metrics = engineMetrics(settings, keys);
    const tree = buildUnitTree(facts.units);
    const { observations, headcount } = deriveObservations(facts, tree, metrics);
    const signals: EngineSignal[] = [];
    for (const metric of metrics) {
      const own = observations.get(metric.key);
      if (!own) continue;
      const computation = computeMetric(tree, metric, own, facts.endMonth);
      signals.push(...computation.signals);
      await writer.add(buildSeries(tree, computation));
    }
    const seriesWritten = await writer.finish();
    const metricKeys = metrics.map((m) => m.key);
    const signalsCreated = await writeSignals(tx, tree, metricKeys, signals, importId);
    const active = await loadActiveSignals(tx);
    const refs: number[] = [];
    const forSpots = active.flatMap((s) => {
      const unit = tree.indexById.get(s.unitId);
      if (unit === undefined) return [];
      refs.push(s.id);
      return [{ unit, metricKey: s.metricKey, source: s.source, kind: s.kind, rule: s.rule === 'funnel' ? ('funnel' as const) : ('spc' as const), strength: s.strength, evidence: s.evidence, ref: refs.length - 1 }];
    });
    await replaceSpots(tx, tree, triangulate(forSpots, headcount, tree.parent), refs, now);
    const milliseconds = Math.round(performance.now() - started);
    await recordRun(tx, { importId, scope: all ? 'all' : [...sources].sort().join(','), seriesWritten, signalsCreated: signalsCreated.length, milliseconds, startedAt: now });
    return { seriesWritten, signalsCreated, milliseconds };
  });
}
