import type { FunnelSummary } from '#src/metrics/schema.ts';
import { funnelLimitsAt, type DispersionAdjustment, type FunnelLimitSpec, type FunnelMeasure } from '#src/stats/funnel/funnel.ts';
import { standardErrorUnderTarget, Z_998 } from '#src/stats/funnel/limits.ts';
import type { FunnelCurves } from '#src/web/charts/funnel-chart.ts';

function asAdjustment(value: string): DispersionAdjustment {
  return value === 'additive' || value === 'multiplicative' ? value : 'none';
}

/**
 * The recipe of the sibling comparison the engine stored, rebuilt from its per-unit summaries (in
 * display units: value × `scale`), so the page can draw the limit curves at every size. τ̂² of the
 * additive adjustment is not stored; it is recovered from a unit's unclamped 99.8% half-width,
 * z·√(s² + τ̂²) (funnel.md "Over-dispersion").
 */
export function funnelSpecFromSummaries(measure: FunnelMeasure, summaries: readonly FunnelSummary[], scale: number): FunnelLimitSpec | null {
  const first = summaries[0];
  if (!first) return null;
  const target = first.target / scale;
  const adjustment = asAdjustment(first.adjustment);
  let tau2 = 0;
  if (adjustment === 'additive') {
    const estimates = summaries.flatMap((summary) => {
      const s = standardErrorUnderTarget(measure, target, summary.size);
      const halfWidths = [summary.upper998 / scale - target, target - summary.lower998 / scale];
      const upperLimit = measure === 'proportion' ? 1 : Number.POSITIVE_INFINITY;
      // A clamped limit (at 0 or at 1) says nothing about the width.
      const usable = halfWidths.filter((w, i) => w > 0 && (i === 0 ? summary.upper998 / scale < upperLimit : summary.lower998 > 0));
      return usable.map((w) => Math.max(0, (w / Z_998) ** 2 - s * s));
    });
    tau2 = estimates.length > 0 ? Math.max(...estimates) : 0;
  }
  return { measure, target, method: 'exact', adjustment, phi: first.phi, tau2 };
}

/** The four limit curves at `sizes`, in display units. */
export function funnelCurves(spec: FunnelLimitSpec, sizes: readonly number[], scale: number): FunnelCurves {
  if (sizes.length === 0) return { sizes: [], lower95: [], upper95: [], lower998: [], upper998: [] };
  const limits = funnelLimitsAt(spec, sizes);
  const display = (values: Float64Array) => Array.from(values, (v) => v * scale);
  return { sizes, lower95: display(limits.lower95), upper95: display(limits.upper95), lower998: display(limits.lower998), upper998: display(limits.upper998) };
}
