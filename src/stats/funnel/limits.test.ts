import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { Z_95, Z_998, funnelLimitsAt, normalApproximationAllowed, type FunnelLimitSpec } from './limits.ts';

const spec = (over: Partial<FunnelLimitSpec>): FunnelLimitSpec => ({
  measure: 'proportion',
  target: 0.3,
  method: 'exact',
  adjustment: 'none',
  phi: 1,
  tau2: 0,
  ...over,
});
type Four = [lower998: number, lower95: number, upper95: number, upper998: number];
const at = (s: FunnelLimitSpec, size: number, adjusted = true): Four => {
  const l = funnelLimitsAt(s, [size], adjusted);
  return [l.lower998[0] ?? Number.NaN, l.lower95[0] ?? Number.NaN, l.upper95[0] ?? Number.NaN, l.upper998[0] ?? Number.NaN];
};

describe('funnel limits by hand', () => {
  it('uses the exact normal quantiles', () => {
    expect(Z_95).toBeCloseTo(1.959964, 6);
    expect(Z_998).toBeCloseTo(3.090232, 6);
  });

  it('exact binomial: Binomial(10, ½) 95% limits are (2 − 30.4/45)/10 and (8 − 14.6/45)/10', () => {
    const [, lower95, upper95] = at(spec({ target: 0.5 }), 10);
    expect(lower95).toBeCloseTo((2 - 30.4 / 45) / 10, 13);
    expect(upper95).toBeCloseTo((8 - 14.6 / 45) / 10, 13);
  });

  it('exact Poisson: λ0 = 0.01 per day over 100 days is Poisson(1), 95% upper limit (3 − α)/100', () => {
    const e = Math.exp(-1);
    const [, lower95, upper95] = at(spec({ measure: 'rate', target: 0.01 }), 100);
    expect(upper95).toBeCloseTo((3 - ((8 / 3) * e - 0.975) / (e / 6)) / 100, 15);
    expect(lower95).toBe(0); // the interpolation reaches below 0 events; clamped
  });

  it('normal approximation: θ0 ± z√(θ0(1 − θ0)/n) where n·θ0 and n(1 − θ0) ≥ 10', () => {
    const s = spec({ target: 0.33, method: 'normal' });
    const se = Math.sqrt((0.33 * 0.67) / 100);
    const expected = [0.33 - Z_998 * se, 0.33 - Z_95 * se, 0.33 + Z_95 * se, 0.33 + Z_998 * se];
    at(s, 100).forEach((limit, j) => expect(limit).toBeCloseTo(expected[j] ?? Number.NaN, 15));
    expect(at(s, 100)[1]).toBeCloseTo(0.23784000079994191, 14); // numpy
    // n·θ0 = 9.9 < 10: the exact limits are used instead
    expect(normalApproximationAllowed('proportion', 0.33, 30)).toBe(false);
    expect(at(s, 30)).toEqual(at(spec({ target: 0.33 }), 30));
  });

  it('normal approximation for rates: λ0 ± z√(λ0/exposure) where E ≥ 10', () => {
    const s = spec({ measure: 'rate', target: 0.05, method: 'normal' });
    const se = Math.sqrt(0.05 / 400);
    expect(at(s, 400)[2]).toBeCloseTo(0.05 + Z_95 * se, 15);
    expect(normalApproximationAllowed('rate', 0.05, 199)).toBe(false);
  });

  it('additive over-dispersion: θ0 ± z√(s² + τ²), worked in numpy for θ0 = 0.33, n = 100, τ² = 0.0014094894998245276', () => {
    const s = spec({ target: 0.33, adjustment: 'additive', tau2: 0.0014094894998245276 });
    const [lower998, lower95, upper95, upper998] = at(s, 100);
    expect(lower95).toBeCloseTo(0.21206798007185923, 14);
    expect(upper95).toBeCloseTo(0.4479320199281408, 14);
    expect(lower998).toBeCloseTo(0.14405916599070076, 14);
    expect(upper998).toBeCloseTo(0.5159408340092992, 14);
  });

  it('multiplicative over-dispersion: the spread from the target grows by √φ', () => {
    const plain = at(spec({ target: 0.2 }), 500, false);
    const inflated = at(spec({ target: 0.2, adjustment: 'multiplicative', phi: 2.25 }), 500);
    inflated.forEach((limit, j) => expect(limit - 0.2).toBeCloseTo(1.5 * ((plain[j] ?? Number.NaN) - 0.2), 14));
  });

  it('clamps to the possible range', () => {
    const [lower998, , , upper998] = at(spec({ target: 0.9, adjustment: 'additive', tau2: 0.5 }), 10);
    expect(lower998).toBe(0);
    expect(upper998).toBe(1);
  });

  it('interpolates a fractional denominator between the whole sizes either side', () => {
    const s = spec({ target: 0.12 });
    const [a, b, c] = [at(s, 17), at(s, 17.25), at(s, 18)];
    b.forEach((limit, j) => expect(limit).toBeCloseTo(0.75 * (a[j] ?? Number.NaN) + 0.25 * (c[j] ?? Number.NaN), 15));
    expect(at(s, 0.4)).toEqual(at(s, 1));
  });

  it('rejects sizes that are not positive', () => {
    expect(() => funnelLimitsAt(spec({}), [10, 0])).toThrow(/index 1/);
    expect(() => funnelLimitsAt(spec({}), [Number.NaN])).toThrow(/index 0/);
  });

  it('differs from FunnelPlotR’s unadjusted "Poisson" limits by design', () => {
    // FunnelPlotR (test-poisson_limits.R) draws qchisq(0.975, 2E)/2/E = 0.5596924 at E = 15: the
    // exact confidence interval of a count observed to be E, not the p-quantile of Poisson(E) that
    // funnel.md and Spiegelhalter A.1.2 ask for. Ours is the quantile: P(X ≤ 7) = 0.018 < 0.025.
    const [, lower95] = at(spec({ measure: 'rate', target: 1 }), 15);
    expect(lower95 * 15).toBeCloseTo(7.359889876865848, 9);
    expect(lower95).toBeLessThan(0.5596924);
  });
});

describe('funnel limit properties', () => {
  const proportion = fc.double({ min: 0.001, max: 0.999, noNaN: true });

  test.prop([proportion, fc.integer({ min: 1, max: 5000 })])('exact limits are ordered, and bracket the target unless a miss is certain', (target, n) => {
    const [lower998, lower95, upper95, upper998] = at(spec({ target }), n);
    expect(lower998).toBeLessThanOrEqual(lower95);
    expect(lower95).toBeLessThanOrEqual(upper95);
    expect(upper95).toBeLessThanOrEqual(upper998);
    // Below about 0.026 expected in the smaller class, P(X = 0) ≥ 0.975 and the 97.5% point is 0.
    if (n * Math.min(target, 1 - target) >= 0.05) {
      expect(lower95).toBeLessThanOrEqual(target);
      expect(upper95).toBeGreaterThanOrEqual(target);
    }
  });

  test.prop([fc.double({ min: 0.001, max: 50, noNaN: true }), fc.double({ min: 0.01, max: 1e4, noNaN: true })])(
    'exact Poisson limits are ordered and bracket the target when E ≥ 0.05',
    (target, exposure) => {
      const [lower998, lower95, upper95, upper998] = at(spec({ measure: 'rate', target }), exposure);
      expect(lower998).toBeLessThanOrEqual(lower95);
      expect(upper95).toBeLessThanOrEqual(upper998);
      if (target * exposure >= 0.05) {
        expect(lower95).toBeLessThanOrEqual(target * (1 + 1e-12));
        expect(upper95).toBeGreaterThanOrEqual(target * (1 - 1e-12));
      }
    },
  );

  test.prop([proportion, fc.double({ min: 1, max: 1e5, noNaN: true }), fc.double({ min: 0, max: 0.05, noNaN: true })])(
    'normal and additive limits are symmetric about the target (before clamping)',
    (target, n, tau2) => {
      for (const s of [spec({ target, method: 'normal' }), spec({ target, adjustment: 'additive', tau2 })]) {
        if (s.method === 'normal' && !normalApproximationAllowed('proportion', target, n)) continue;
        const [lower998, lower95, upper95, upper998] = at(s, n);
        if (lower998 <= 0 || upper998 >= 1) continue;
        expect(upper95 - target).toBeCloseTo(target - lower95, 12);
        expect(upper998 - target).toBeCloseTo(target - lower998, 12);
      }
    },
  );

  test.prop([proportion, fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 2000 })])(
    'normal-approximation limits narrow monotonically with n',
    (target, a, b) => {
      const s = spec({ target, method: 'normal' });
      const [small, large] = a < b ? [a * 10, b * 10] : [b * 10, a * 10];
      if (!normalApproximationAllowed('proportion', target, small)) return;
      const x = at(s, small);
      const y = at(s, large);
      expect(y[1]).toBeGreaterThanOrEqual(x[1]);
      expect(y[2]).toBeLessThanOrEqual(x[2]);
    },
  );

  test.prop([proportion, fc.integer({ min: 1, max: 3000 })])(
    'exact limits narrow with n: the lower limit never falls; the upper ripples by under 0.1 of a count, and falls over any doubling',
    (target, n) => {
      const s = spec({ target });
      const here = at(s, n);
      const next = at(s, n + 1);
      const doubled = at(s, 2 * n);
      expect(next[0]).toBeGreaterThanOrEqual(here[0] - 1e-12);
      expect(next[1]).toBeGreaterThanOrEqual(here[1] - 1e-12);
      // Spiegelhalter's interpolation is smooth but not monotone: where the quantile count steps,
      // the upper limit can rise a little (at most 0.06 of a count in a scan of θ0 and n ≤ 1000).
      if (n * Math.min(target, 1 - target) >= 1) {
        expect((next[2] - here[2]) * (n + 1)).toBeLessThan(0.1);
        expect((next[3] - here[3]) * (n + 1)).toBeLessThan(0.1);
        expect(doubled[2]).toBeLessThanOrEqual(here[2] + 1e-12);
        expect(doubled[3]).toBeLessThanOrEqual(here[3] + 1e-12);
      }
    },
  );

  test.prop([proportion, fc.integer({ min: 400, max: 100_000 })])('exact limits approach the normal ones as n grows', (target, n) => {
    if (n * Math.min(target, 1 - target) < 200) return;
    const exact = at(spec({ target }), n);
    const normal = at(spec({ target, method: 'normal' }), n);
    const se = Math.sqrt((target * (1 - target)) / n);
    exact.forEach((limit, j) => expect(Math.abs(limit - (normal[j] ?? Number.NaN))).toBeLessThan(0.25 * se));
  });

  test.prop([proportion, fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.0001, max: 0.05, noNaN: true })])(
    'additive limits are wider than the unadjusted normal ones (FunnelPlotR: LCL95 > OD95LCL)',
    (target, n, tau2) => {
      const plain = at(spec({ target, method: 'normal' }), n, false);
      const adjusted = at(spec({ target, method: 'normal', adjustment: 'additive', tau2 }), n);
      if (!normalApproximationAllowed('proportion', target, n)) return;
      expect(adjusted[1]).toBeLessThanOrEqual(plain[1]);
      expect(adjusted[2]).toBeGreaterThanOrEqual(plain[2]);
    },
  );
});
