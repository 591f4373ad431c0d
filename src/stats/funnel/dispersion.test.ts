import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { estimateDispersion, quantileType7, winsorise } from './dispersion.ts';

describe('quantileType7', () => {
  it('interpolates between order statistics like R’s quantile()', () => {
    // R: quantile(c(1, 2, 3, 4, 10), c(0.1, 0.9)) = 1.4, 7.6
    const sorted = [1, 2, 3, 4, 10];
    expect(quantileType7(sorted, 0.1)).toBeCloseTo(1.4, 12);
    expect(quantileType7(sorted, 0.9)).toBeCloseTo(7.6, 12);
    expect(quantileType7(sorted, 0)).toBe(1);
    expect(quantileType7(sorted, 1)).toBe(10);
    expect(quantileType7([], 0.5)).toBeNaN();
  });
});

describe('winsorise', () => {
  it('clamps to the 10th and 90th percentiles', () => {
    const w = winsorise([10, 1, 3, 2, 4]);
    expect(w.lower).toBeCloseTo(1.4, 12);
    expect(w.upper).toBeCloseTo(7.6, 12);
    expect(Array.from(w.values)).toEqual([w.upper, w.lower, 3, 2, 4]);
  });

  test.prop([fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 })])(
    'keeps order and stays within the extremes',
    (values) => {
      const w = winsorise(values);
      for (let i = 0; i < values.length; i += 1) {
        for (let j = 0; j < values.length; j += 1) {
          if ((values[i] as number) <= (values[j] as number)) expect(w.values[i]).toBeLessThanOrEqual(w.values[j] as number);
        }
      }
      expect(Math.min(...w.values)).toBeGreaterThanOrEqual(Math.min(...values));
    },
  );
});

describe('estimateDispersion', () => {
  it('reproduces FunnelPlotR’s φ for its test data (test-classes_methods.R: 2.948033)', () => {
    // FunnelPlotR's default "SR"/"SHMI": zᵢ = √Eᵢ log(Oᵢ/Eᵢ), sᵢ = 1/√Eᵢ, and the 10% truncation
    // keeps all six units, so φ = mean zᵢ², which the Winsorised φ equals with nothing clamped.
    const observed = [100, 150, 180, 80, 120, 225];
    const expected = [108, 112, 165, 95, 100, 220];
    const z = observed.map((o, i) => Math.sqrt(expected[i] as number) * Math.log(o / (expected[i] as number)));
    const s = expected.map((e) => 1 / Math.sqrt(e));
    const d = estimateDispersion(z, s, 0);
    expect(Math.round(d.phi * 1e6) / 1e6).toBe(2.948033);
    expect(d.overdispersed).toBe(true);
    // tau_func: (n·φ − (n − 1)) / (Σ 1/s² − Σ (1/s²)² / Σ 1/s²) with 1/s² = E
    const sumE = expected.reduce((a, b) => a + b, 0);
    const sumE2 = expected.reduce((a, b) => a + b * b, 0);
    expect(d.tau2).toBeCloseTo((6 * d.phi - 5) / (sumE - sumE2 / sumE), 15);
  });

  it('works by hand for four proportions (checked in numpy)', () => {
    // θ0 = 165/500 = 0.33; z = (−0.638, −0.781, 2.105, −1.955); 10th/90th percentiles −1.6029, 1.2823
    const n = [100, 150, 200, 50];
    const y = [0.3, 0.3, 0.4, 0.2];
    const s = n.map((k) => Math.sqrt((0.33 * 0.67) / k));
    const z = y.map((v, i) => (v - 0.33) / (s[i] as number));
    const d = estimateDispersion(z, s);
    expect(d.winsorisedAt.lower).toBeCloseTo(-1.6028792517537962, 12);
    expect(d.winsorisedAt.upper).toBeCloseTo(1.2823231331509546, 12);
    expect(d.phi).toBeCloseTo(1.3078033977143655, 12);
    expect(d.overdispersed).toBe(true); // 4 × 1.308 > 3
    expect(d.tau2).toBeCloseTo(0.0014094894998245276, 15);
  });

  it('is not over-dispersed when I·φ ≤ I − 1, and τ² is then 0', () => {
    const z = [0.1, -0.2, 0.3, -0.1, 0.05];
    const d = estimateDispersion(z, [0.1, 0.1, 0.1, 0.1, 0.1]);
    expect(d.overdispersed).toBe(false);
    expect(d.tau2).toBe(0);
  });

  test.prop([
    fc.array(fc.tuple(fc.double({ min: -10, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true })), {
      minLength: 2,
      maxLength: 40,
    }),
  ])('gives φ ≥ 0 and τ² ≥ 0, and does not depend on the order of units', (units) => {
    const d = estimateDispersion(
      units.map((u) => u[0]),
      units.map((u) => u[1]),
    );
    const reversed = [...units].reverse();
    const r = estimateDispersion(
      reversed.map((u) => u[0]),
      reversed.map((u) => u[1]),
    );
    expect(d.phi).toBeGreaterThanOrEqual(0);
    expect(d.tau2).toBeGreaterThanOrEqual(0);
    expect(r.phi).toBeCloseTo(d.phi, 10);
    expect(r.tau2).toBeCloseTo(d.tau2, 10);
  });
});
