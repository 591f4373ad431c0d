import { createSpcBuffers, POINT_CONCERN, POINT_IMPROVEMENT, resolveSpcSettings, spcBatch, type SpcBuffers, type SpcSettings } from '#src/stats/spc/index.ts';
import { FAVOURABLE, UNFAVOURABLE } from '#src/stats/funnel/funnel.ts';
import type { FunnelSummary } from '#src/metrics/schema.ts';
import { funnelEvidence, spcEvidence } from './evidence.ts';
import type { EngineMetric } from './metric.ts';
import type { Observations } from './observations.ts';
import { rollUp, type RolledUp } from './rollup.ts';
import { siblingFunnels, type SiblingFunnels } from './sibling-funnels.ts';
import { suppressTree } from './suppress-tree.ts';
import type { UnitTree } from './tree.ts';
import { windowAggregates, type WindowAggregates } from './window.ts';

/** A unit-metric event (triangulation.md "Signals per unit and metric"). */
export interface EngineSignal {
  unit: number;
  metricKey: string;
  source: string;
  kind: 'concern' | 'improvement';
  rule: 'spc' | 'funnel';
  sincePeriod: string;
  lastPeriod: string;
  /** |z| capped at 5 for a funnel signal; 2 for SPC. */
  strength: number;
  evidence: string;
}

/** Everything computed for one metric over the tree. */
export interface MetricComputation {
  metric: EngineMetric;
  cells: RolledUp;
  /** Suppression reason per cell (0 shown, 1 primary, 2 complementary). */
  reason: Uint8Array;
  /** Published values in display units; NaN where suppressed or missing. */
  value: Float64Array;
  spc: SpcBuffers;
  variation: Uint8Array;
  assurance: Uint8Array;
  window: WindowAggregates | null;
  funnels: SiblingFunnels | null;
  signals: EngineSignal[];
}

/**
 * A funnel signal also needs |z| ≥ 3.09 (the normal 99.8% two-sided point): exact limits are
 * discrete, and a small unit at 0% or 100% can sit beyond them with an unremarkable z.
 */
export const FUNNEL_MIN_Z = 3.09;

/** SPC signals come from the latest 3 points (triangulation.md). */
export const SPC_SIGNAL_POINTS = 3;
/** Strength of an SPC-only signal; funnel |z| is capped at this. */
export const SPC_STRENGTH = 2;
export const MAX_STRENGTH = 5;

/** Roll-up, suppression, SPC, sibling funnels and signals for one metric: arrays in, arrays out. */
export function computeMetric(tree: UnitTree, metric: EngineMetric, own: Observations, endMonth: string): MetricComputation {
  const U = tree.size;
  const cells = rollUp(tree, metric, own);
  const T = cells.periods.length;
  const reason = suppressTree(tree, cells, metric.minimum);
  const value = new Float64Array(U * T).fill(Number.NaN);
  for (let i = 0; i < value.length; i++) {
    if (!cells.hasValue[i] || reason[i]) continue;
    value[i] = metric.value === 'reported' ? cells.numerator[i]! : (cells.numerator[i]! / cells.denominator[i]!) * metric.scale;
  }
  const charted = withoutRunIn(tree, cells, value, T);
  const spc = createSpcBuffers(U * T);
  const variation = new Uint8Array(U);
  const assurance = new Uint8Array(U);
  if (T > 0) spcBatch(charted, T, settingsFor(metric, T, true), spc, { variation, assurance });
  const window = windowAggregates(metric, cells, reason, U, endMonth);
  const funnels = window ? siblingFunnels(tree, metric, window) : null;
  const relative = !metric.signals ? null : relativeSpc(tree, charted, T, settingsFor(metric, T, false));
  const signals = !metric.signals ? [] : findSignals(metric, cells, charted, spc, relative, window, funnels, U);
  return { metric, cells, reason, value, spc, variation, assurance, window, funnels, signals };
}

/**
 * A measure that begins during the period (a new course everyone must take) climbs from nothing
 * while it is rolled out; charted with the years after, the climb makes every unit's later points
 * "special cause improvement" for good. So the first RUN_IN_MONTHS after the trust's first value
 * are shown but left out of SPC, as Making Data Count recalculates limits after a process change.
 * A measure counts as new when its first value comes a year or more into the period.
 */
export const RUN_IN_MONTHS = 12;

function withoutRunIn(tree: UnitTree, cells: RolledUp, value: Float64Array, T: number): Float64Array {
  let start = T;
  for (let u = 0; u < tree.size; u++) {
    if (tree.parent[u] !== -1) continue;
    for (let t = 0; t < T; t++) if (cells.hasValue[u * T + t]) start = Math.min(start, t);
  }
  // Twelve-month figures need a year of history before their first value: that is not a new measure.
  if (start < RUN_IN_MONTHS || start === T || cells.periods[0]?.length !== 7) return value;
  const charted = value.slice();
  const end = Math.min(T, start + RUN_IN_MONTHS);
  for (let u = 0; u < tree.size; u++) charted.fill(Number.NaN, u * T, u * T + end);
  return charted;
}

/** Event counts this rare (mean per month) make an XmR chart flag single events: the funnel judges them instead. */
export const MIN_MONTHLY_EVENTS_FOR_SPC = 1;

function spcSignalsAllowed(metric: EngineMetric, cells: RolledUp, u: number): boolean {
  // 12-month rolling figures overlap month to month, so their moving ranges understate the variation.
  if (metric.window === 'latest' && metric.frequency === 'month') return false;
  if (!metric.countsEvents) return true;
  const T = cells.periods.length;
  let events = 0;
  let months = 0;
  for (let t = 0; t < T; t++) {
    if (!cells.hasValue[u * T + t]) continue;
    events += cells.numerator[u * T + t]!;
    months++;
  }
  return months > 0 && events / months >= MIN_MONTHLY_EVENTS_FOR_SPC;
}

function settingsFor(metric: EngineMetric, T: number, withTarget: boolean): SpcSettings {
  const target = withTarget && !Number.isNaN(metric.target) ? { target: metric.target } : {};
  return resolveSpcSettings({ improvement: metric.polarity, ...target }, T);
}

/**
 * SPC of each unit's value relative to its parent's (value ÷ parent value; a root is compared with
 * itself). A special cause the parent shares (the season, a trust-wide trend, a course rolled out
 * everywhere) disappears here, so an SPC signal needs a special cause of the same kind among the
 * latest points of both the unit's own chart and this one: the change is visible on the chart the
 * pages show, and it is the unit's own.
 */
function relativeSpc(tree: UnitTree, value: Float64Array, T: number, settings: SpcSettings): SpcBuffers {
  const relative = new Float64Array(value.length).fill(Number.NaN);
  for (let u = 0; u < tree.size; u++) {
    const p = tree.parent[u]!;
    for (let t = 0; t < T; t++) {
      const own = value[u * T + t]!;
      if (p < 0) relative[u * T + t] = own;
      else {
        const parent = value[p * T + t]!;
        if (parent > 0 && !Number.isNaN(own)) relative[u * T + t] = own / parent;
      }
    }
  }
  const out = createSpcBuffers(value.length);
  if (T > 0) spcBatch(relative, T, settings, out, { variation: new Uint8Array(tree.size), assurance: new Uint8Array(tree.size) });
  return out;
}

/**
 * An SPC special cause counts as a signal when it is sustained (flagged the same way on at least
 * SUSTAINED_POINTS of the latest SUSTAINED_WINDOW points: most of the last year and a half, so a
 * winter's interruption of a lasting improvement does not reset it) or when the unit's window also
 * sits beyond its siblings' 95% funnel limit on the same side. Monthly workforce series are
 * autocorrelated (long absences span months, compliance drifts slowly), so short runs and single
 * points arise by chance far more often than the XmR rules assume; this keeps chance dark spots
 * under 1% of teams on the unplanted demo trust.
 */
export const SUSTAINED_POINTS = 14;
export const SUSTAINED_WINDOW = 18;

function beyond95(summary: FunnelSummary | null, metric: EngineMetric, favourability: number): boolean {
  if (!summary || metric.polarity === 'neutral') return false;
  const high = summary.position === 'above_95' || summary.position === 'above_998';
  const low = summary.position === 'below_95' || summary.position === 'below_998';
  if (!high && !low) return false;
  const favourable = metric.polarity === 'increase' ? high : low;
  return favourable === (favourability === FAVOURABLE);
}

function hasRecent(spc: SpcBuffers, base: number, T: number, type: number): boolean {
  for (let t = T - 1; t >= Math.max(0, T - SPC_SIGNAL_POINTS); t--) if (spc.type[base + t] === type) return true;
  return false;
}

/**
 * The points flagged `type` among the latest SUSTAINED_WINDOW published points up to `latest`, and
 * where the stretch began: the earliest of them, followed back through any unbroken run before it.
 */
function sustainedStretch(spc: SpcBuffers, value: Float64Array, base: number, latest: number, type: number): { since: number; flagged: number } {
  let since = latest;
  let flagged = 0;
  let seen = 0;
  let t = latest;
  for (; t >= 0 && seen < SUSTAINED_WINDOW; t--) {
    if (Number.isNaN(value[base + t]!)) continue;
    seen++;
    if (spc.type[base + t] === type) {
      flagged++;
      since = t;
    }
  }
  for (; t >= 0; t--) {
    if (Number.isNaN(value[base + t]!)) continue;
    if (spc.type[base + t] !== type || t !== since - 1) break;
    since = t;
  }
  return { since, flagged };
}

function findSignals(
  metric: EngineMetric,
  cells: RolledUp,
  value: Float64Array,
  spc: SpcBuffers,
  relative: SpcBuffers | null,
  window: WindowAggregates | null,
  funnels: SiblingFunnels | null,
  units: number,
): EngineSignal[] {
  const periods = cells.periods;
  const T = periods.length;
  const signals: EngineSignal[] = [];
  for (let u = 0; u < units; u++) {
    const base = u * T;
    const spcAllowed = spcSignalsAllowed(metric, cells, u);
    for (const type of spcAllowed ? [POINT_CONCERN, POINT_IMPROVEMENT] : []) {
      let latest = -1;
      for (let t = T - 1; t >= Math.max(0, T - SPC_SIGNAL_POINTS); t--) {
        if (spc.type[base + t] === type && !Number.isNaN(value[base + t]!)) {
          latest = t;
          break;
        }
      }
      if (latest < 0 || (relative && !hasRecent(relative, base, T, type))) continue;
      const { since, flagged } = sustainedStretch(spc, value, base, latest, type);
      const kindCode = type === POINT_CONCERN ? UNFAVOURABLE : FAVOURABLE;
      if (flagged < SUSTAINED_POINTS && !beyond95(funnels?.summary[u] ?? null, metric, kindCode)) continue;
      const kind = type === POINT_CONCERN ? 'concern' : 'improvement';
      let shown = T - 1;
      while (shown > 0 && Number.isNaN(value[base + shown]!)) shown--;
      signals.push({
        unit: u,
        metricKey: metric.key,
        source: metric.source,
        kind,
        rule: 'spc',
        sincePeriod: periods[since]!,
        lastPeriod: periods[latest]!,
        strength: SPC_STRENGTH,
        evidence: spcEvidence(metric, kind, periods[since]!, periods[shown]!, value[base + shown]!, spc.mean[base + shown]!),
      });
    }
    const outlier = funnels?.outlier998[u] ?? 0;
    const summary = funnels?.summary[u];
    if (outlier && summary && window && Math.abs(summary.z) >= FUNNEL_MIN_Z) {
      const kind = outlier === FAVOURABLE ? 'improvement' : 'concern';
      const side = summary.position === 'above_998' ? 'above' : 'below';
      signals.push({
        unit: u,
        metricKey: metric.key,
        source: metric.source,
        kind,
        rule: 'funnel',
        sincePeriod: window.fromPeriod,
        lastPeriod: window.toPeriod,
        strength: Math.min(MAX_STRENGTH, Math.abs(summary.z)),
        evidence: funnelEvidence(metric, window, side, window.numerator[u]!, funnels.expected[u]!, summary.value, funnels.limit[u]!),
      });
    }
  }
  return signals;
}
