import type { SeriesData } from '#src/metrics/schema.ts';
import { MDC_MIN_POINTS } from '#src/stats/spc/constants.ts';

/**
 * How many signals chance alone would raise, so pages can set the signals they show against it
 * (triangulation.md "False alarms").
 *
 * - Funnel: a unit's window beyond a 99.8% limit (and |z| ≥ 3.09) happens by chance with
 *   probability 0.002 (0.001 each side) per unit compared.
 * - SPC: under common-cause variation (independent normal points, 60 months, mdc rules) a special
 *   cause of either kind appears among the latest 3 points of about 7.2% of series; the engine also
 *   asks for the special cause to last 12 points or for the window to sit beyond the 95% funnel limit
 *   on the same side, which leaves about 1.8% (simulated over 100,000 series; the window test
 *   approximated by the 6-month mean against the process mean). Real monthly workforce series are
 *   autocorrelated, so this is a floor rather than an exact rate.
 * Neutral and context-only metrics raise no signals and are not counted, nor are series with fewer
 * than 13 published points (no SPC limits) or without a funnel.
 */
export const CHANCE_FUNNEL_SIGNAL = 0.002;
export const CHANCE_SPC_SIGNAL = 0.018;

export interface ChanceSeries {
  /** Whether the metric raises signals (see `EngineMetric.signals`). */
  raisesSignals: boolean;
  data: Pick<SeriesData, 'values' | 'funnel'>;
}

export function expectedChanceSignals(series: Iterable<ChanceSeries>): number {
  let expected = 0;
  for (const s of series) {
    if (!s.raisesSignals) continue;
    let published = 0;
    for (const v of s.data.values) if (v !== null) published++;
    if (published >= MDC_MIN_POINTS) expected += CHANCE_SPC_SIGNAL;
    if (s.data.funnel) expected += CHANCE_FUNNEL_SIGNAL;
  }
  return expected;
}
