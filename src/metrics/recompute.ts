import type { Db } from '#src/db/client.ts';
import { METRICS, type MetricSource, SOURCES } from './catalogue.ts';
import { engineMetrics } from './engine/metric.ts';
import { computeScorecard, scorecardSeries } from './engine/scorecard.ts';
import { triangulate } from './engine/spots.ts';
import { loadTrustFacts } from './facts-store.ts';
import { loadActiveSignals, loadMetricSettings, recordRun, replaceSpots, writeSeries, writeSignals } from './results-store.ts';

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
 * engine in memory, writes the series whose content changed, upserts signals, rebuilds every spot
 * from all active signals (triangulation always covers every metric) and records the run.
 */
export async function recomputeScorecard(db: Db, options: RecomputeOptions = {}, now: Date = new Date()): Promise<RecomputeResult> {
  const started = performance.now();
  const all = options.sources === undefined || options.sources === 'all';
  const sources = new Set<MetricSource>(all ? (Object.keys(SOURCES) as MetricSource[]) : (options.sources as MetricSource[]));
  const keys = new Set(METRICS.filter((m) => sources.has(m.source)).map((m) => m.key));
  const importId = options.importId ?? null;
  return db.transaction(async (tx) => {
    const metrics = engineMetrics(await loadMetricSettings(tx), keys);
    const facts = await loadTrustFacts(tx, sources, now);
    const result = computeScorecard(facts, metrics);
    const metricKeys = metrics.map((m) => m.key);
    const seriesWritten = await writeSeries(tx, metricKeys, scorecardSeries(result), now);
    const signalsCreated = await writeSignals(tx, result.tree, metricKeys, result.signals, importId);
    const active = await loadActiveSignals(tx);
    const refs: number[] = [];
    const forSpots = active.flatMap((s) => {
      const unit = result.tree.indexById.get(s.unitId);
      if (unit === undefined) return [];
      refs.push(s.id);
      return [{ unit, metricKey: s.metricKey, source: s.source, kind: s.kind, rule: s.rule === 'funnel' ? ('funnel' as const) : ('spc' as const), strength: s.strength, evidence: s.evidence, ref: refs.length - 1 }];
    });
    await replaceSpots(tx, result.tree, triangulate(forSpots, result.headcount, result.tree.parent), refs, now);
    const milliseconds = Math.round(performance.now() - started);
    await recordRun(tx, { importId, scope: all ? 'all' : [...sources].sort().join(','), seriesWritten, signalsCreated: signalsCreated.length, milliseconds, startedAt: now });
    return { seriesWritten, signalsCreated, milliseconds };
  });
}
