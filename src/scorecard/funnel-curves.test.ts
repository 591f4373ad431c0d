import { describe, expect, it } from 'vitest';
import type { FunnelSummary } from '#src/metrics/schema.ts';
import { funnelPoints, funnelProportions, funnelRates, type FunnelPlot } from '#src/stats/funnel/funnel.ts';
import { funnelCurves, funnelSpecFromSummaries } from './funnel-curves.ts';

function summaries(plot: FunnelPlot, scale: number): FunnelSummary[] {
  return funnelPoints(plot).map((p) => ({
    fromPeriod: '2026-05',
    toPeriod: '2026-10',
    value: p.value * scale,
    size: p.size,
    target: plot.spec.target * scale,
    lower95: p.lower95 * scale,
    upper95: p.upper95 * scale,
    lower998: p.lower998 * scale,
    upper998: p.upper998 * scale,
    position: p.position,
    z: p.zScore ?? 0,
    adjustment: plot.dispersion.applied,
    phi: plot.dispersion.phi ?? 1,
  }));
}

function expectCurvesThroughEachUnit(plot: FunnelPlot, measure: 'proportion' | 'rate', scale: number) {
  const stored = summaries(plot, scale);
  const spec = funnelSpecFromSummaries(measure, stored, scale);
  expect(spec).not.toBeNull();
  if (!spec) return;
  const curves = funnelCurves(spec, stored.map((s) => s.size), scale);
  stored.forEach((s, i) => {
    expect(curves.lower95[i]).toBeCloseTo(s.lower95, 6);
    expect(curves.upper95[i]).toBeCloseTo(s.upper95, 6);
    expect(curves.lower998[i]).toBeCloseTo(s.lower998, 6);
    expect(curves.upper998[i]).toBeCloseTo(s.upper998, 6);
  });
}

describe('funnel curves rebuilt from the stored summaries', () => {
  it('pass through every unit’s own limits without over-dispersion', () => {
    const plot = funnelProportions({ numerators: [40, 82, 130, 170], denominators: [50, 100, 160, 200] });
    if (plot.kind !== 'funnel') throw new Error('expected a funnel');
    expect(plot.dispersion.applied).toBe('none');
    expectCurvesThroughEachUnit(plot, 'proportion', 100);
  });

  it('recover τ² of the additive adjustment when the units are over-dispersed', () => {
    const plot = funnelRates({ events: [5, 60, 12, 90, 30, 2], exposure: [100, 400, 300, 500, 350, 200] });
    if (plot.kind !== 'funnel') throw new Error('expected a funnel');
    expect(plot.dispersion.applied).toBe('additive');
    expectCurvesThroughEachUnit(plot, 'rate', 100);
  });

  it('gives nothing to draw without summaries', () => {
    expect(funnelSpecFromSummaries('rate', [], 100)).toBeNull();
  });
});
