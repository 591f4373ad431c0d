import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  FAVOURABLE,
  FUNNEL_POSITIONS,
  POSITION_ABOVE_95,
  POSITION_ABOVE_998,
  POSITION_BELOW_95,
  POSITION_BELOW_998,
  POSITION_INSIDE,
  POSITION_NONE,
  UNFAVOURABLE,
  classify,
  funnelLimitsAt,
  funnelPoints,
  funnelProportions,
  funnelRates,
  type FunnelPlot,
  type FunnelResult,
} from './funnel.ts';

/** a[i], or NaN past the end (keeps noUncheckedIndexedAccess honest without `!`). */
const v = (a: ArrayLike<number>, i: number): number => a[i] ?? Number.NaN;

function plot(result: FunnelResult): FunnelPlot {
  if (result.kind !== 'funnel') throw new Error(`expected a funnel, got ${result.kind}`);
  return result;
}

// Four teams, worked in numpy: θ0 = 165/500 = 0.33, φ = 1.3078, τ² = 0.0014095 (see dispersion.test.ts).
const teams = { numerators: [30, 45, 80, 10], denominators: [100, 150, 200, 50] };

describe('funnelProportions', () => {
  it('pools the target and estimates over-dispersion (additive by default, as FunnelPlotR)', () => {
    const f = plot(funnelProportions(teams, { limits: 'normal' }));
    expect(f.spec.target).toBeCloseTo(0.33, 15);
    expect(f.targetSource).toBe('pooled');
    expect(f.dispersion).toMatchObject({ overdispersed: true, requested: 'additive', applied: 'additive' });
    expect(f.dispersion.phi).toBeCloseTo(1.3078033977143655, 12);
    expect(f.dispersion.tau2).toBeCloseTo(0.0014094894998245276, 15);
    // numpy: additive 95% limits at n = 200 are 0.23171 … 0.42829, so 0.4 is inside
    expect(f.limits.lower95[2]).toBeCloseTo(0.2317084510344148, 14);
    expect(f.limits.upper95[2]).toBeCloseTo(0.42829154896558524, 14);
    expect(Array.from(f.position)).toEqual([1, 1, 1, 1].map(() => POSITION_INSIDE));
    // before the adjustment, 0.4 at n = 200 is beyond 0.33 + 1.96 × 0.03325 = 0.39517
    expect(f.unadjustedLimits.upper95[2]).toBeCloseTo(0.3951669603885079, 14);
    expect(f.value[2]).toBe(0.4);
    expect(f.size[2]).toBe(200);
    expect(f.zScore[2]).toBeCloseTo(2.10532267, 7);
  });

  it('without an adjustment classifies against the unadjusted limits', () => {
    const f = plot(funnelProportions(teams, { limits: 'normal', overdispersion: 'none' }));
    expect(f.dispersion).toMatchObject({ overdispersed: true, requested: 'none', applied: 'none', tau2: 0 });
    expect(f.limits).toBe(f.unadjustedLimits);
    expect(Array.from(f.position)).toEqual([POSITION_INSIDE, POSITION_INSIDE, POSITION_ABOVE_95, POSITION_INSIDE]);
    expect(f.counts).toEqual({ inside: 3, above_95: 1, above_998: 0, below_95: 0, below_998: 0 });
  });

  it('multiplicative adjustment widens the spread by √φ', () => {
    const f = plot(funnelProportions(teams, { limits: 'normal', overdispersion: 'multiplicative' }));
    const root = Math.sqrt(f.dispersion.phi ?? Number.NaN);
    expect(f.dispersion.applied).toBe('multiplicative');
    expect(v(f.limits.upper95, 0) - 0.33).toBeCloseTo(root * (v(f.unadjustedLimits.upper95, 0) - 0.33), 14);
  });

  it('uses a set target', () => {
    const f = plot(funnelProportions(teams, { target: 0.25, limits: 'normal', overdispersion: 'none' }));
    expect(f.targetSource).toBe('set');
    expect(f.spec.target).toBe(0.25);
    // 0.4 at n = 200 against 0.25: z = 0.15 / √(0.25 × 0.75 / 200) = 4.9, beyond 99.8%
    expect(f.position[2]).toBe(POSITION_ABOVE_998);
  });

  it('turns positions into favourable / unfavourable by polarity', () => {
    const up = plot(funnelProportions(teams, { limits: 'normal', overdispersion: 'none', polarity: 'increase' }));
    const down = plot(funnelProportions(teams, { limits: 'normal', overdispersion: 'none', polarity: 'decrease' }));
    const neutral = plot(funnelProportions(teams, { limits: 'normal', overdispersion: 'none' }));
    expect(Array.from(up.favourability)).toEqual([0, 0, FAVOURABLE, 0]);
    expect(Array.from(down.favourability)).toEqual([0, 0, UNFAVOURABLE, 0]);
    expect(Array.from(neutral.favourability)).toEqual([0, 0, 0, 0]);
    expect(funnelPoints(down)[2]).toMatchObject({ index: 2, position: 'above_95', favourability: 'unfavourable', value: 0.4, size: 200 });
  });

  it('leaves suppressed units out of the target and dispersion, and plots them nowhere', () => {
    const withHidden = {
      numerators: [...teams.numerators, 3],
      denominators: [...teams.denominators, 4],
    };
    const f = plot(funnelProportions(withHidden, { limits: 'normal', suppressed: [0, 0, 0, 0, 1] }));
    const g = plot(funnelProportions(teams, { limits: 'normal' }));
    expect(f.spec).toEqual(g.spec);
    expect(f.dispersion).toEqual(g.dispersion);
    expect(f.units).toBe(4);
    expect(f.suppressed).toBe(1);
    expect(f.position[4]).toBe(POSITION_NONE);
    expect(f.favourability[4]).toBe(0);
    for (const array of [f.value, f.size, f.zScore, f.limits.lower95, f.limits.upper998]) expect(array[4]).toBeNaN();
    expect(funnelPoints(f).map((p) => p.index)).toEqual([0, 1, 2, 3]);
    // boolean flags work too
    expect(plot(funnelProportions(withHidden, { limits: 'normal', suppressed: [false, false, false, false, true] })).spec).toEqual(g.spec);
  });

  it('leaves out units of size 0', () => {
    const f = plot(funnelProportions({ numerators: [0, 5, 7], denominators: [0, 20, 30] }));
    expect(f.units).toBe(2);
    expect(f.position[0]).toBe(POSITION_NONE);
    expect(f.spec.target).toBeCloseTo(12 / 50, 15);
  });

  it('needs two units against the pooled target and one against a set target', () => {
    expect(funnelProportions({ numerators: [3], denominators: [10] })).toEqual({ kind: 'insufficient-data', needed: 2, available: 1 });
    expect(funnelProportions({ numerators: [3, 4], denominators: [10, 12] }, { suppressed: [1, 0] })).toEqual({
      kind: 'insufficient-data',
      needed: 2,
      available: 1,
    });
    expect(funnelProportions({ numerators: [], denominators: [] }, { target: 0.2 })).toEqual({ kind: 'insufficient-data', needed: 1, available: 0 });
    const one = plot(funnelProportions({ numerators: [3], denominators: [10] }, { target: 0.2 }));
    expect(one.dispersion.phi).toBeNull();
    expect(one.position[0]).toBe(POSITION_INSIDE);
  });

  it('handles a target of 0: no dispersion, limits collapse to 0', () => {
    const f = plot(funnelProportions({ numerators: [0, 0, 0], denominators: [5, 10, 20] }));
    expect(f.spec.target).toBe(0);
    expect(f.dispersion.phi).toBeNull();
    expect(Array.from(f.limits.upper998)).toEqual([0, 0, 0]);
    expect(f.counts.inside).toBe(3);
    const g = plot(funnelProportions({ numerators: [0, 1], denominators: [5, 10] }, { target: 0 }));
    expect(g.position[1]).toBe(POSITION_ABOVE_998);
  });

  it('uses exact binomial limits by default (Spiegelhalter A.1.1)', () => {
    const f = plot(funnelProportions({ numerators: [5, 5], denominators: [10, 10] }));
    expect(f.spec.method).toBe('exact');
    expect(f.limits.upper95[0]).toBeCloseTo((8 - 14.6 / 45) / 10, 13);
    expect(f.limits.lower95[0]).toBeCloseTo((2 - 30.4 / 45) / 10, 13);
  });

  it('throws for programming errors, naming the index but not the value', () => {
    const bad = (numerators: number[], denominators: number[]) => () => funnelProportions({ numerators, denominators });
    expect(bad([1, -7], [5, 5])).toThrow('numerator at index 1 is negative');
    expect(bad([1, 7], [5, 5])).toThrow('numerator at index 1 is greater than its denominator');
    expect(bad([1, 2], [5, -5])).toThrow('denominator at index 1 is negative');
    expect(bad([Number.NaN], [5])).toThrow('numerator at index 0 is not a finite number');
    expect(bad([1], [Number.POSITIVE_INFINITY])).toThrow('denominator at index 0 is not a finite number');
    expect(bad([1, 2], [5])).toThrow(/differ in length/);
    expect(() => funnelProportions(teams, { suppressed: [1] })).toThrow(/suppressed differs in length/);
    expect(() => funnelProportions(teams, { target: 1.5 })).toThrow(/target/);
    expect(() => funnelProportions(teams, { winsorise: 0.5 })).toThrow(/winsorise/);
    try {
      bad([1, -7], [5, 5])();
    } catch (error) {
      expect(String(error)).not.toMatch(/7/);
    }
  });
});

describe('funnelRates', () => {
  it('pools events over exposure and uses exact Poisson limits', () => {
    // 1 event per 100 days overall; a team with 100 days expects Poisson(1)
    const f = plot(funnelRates({ events: [1, 9, 10], exposure: [100, 900, 1000] }, { overdispersion: 'none' }));
    expect(f.spec.target).toBeCloseTo(0.01, 15);
    const e = Math.exp(-1);
    expect(f.limits.upper95[0]).toBeCloseTo((3 - ((8 / 3) * e - 0.975) / (e / 6)) / 100, 15);
    expect(f.limits.lower95[0]).toBe(0);
    expect(f.counts.inside).toBe(3);
  });

  it('flags a team far above the rest', () => {
    const f = plot(funnelRates({ events: [40, 9, 10, 11, 8], exposure: [1000, 1000, 1000, 1000, 1000] }, { overdispersion: 'none', polarity: 'decrease' }));
    expect(f.position[0]).toBe(POSITION_ABOVE_998);
    expect(f.favourability[0]).toBe(UNFAVOURABLE);
  });

  it('rejects events with no exposure', () => {
    expect(() => funnelRates({ events: [1, 2], exposure: [10, 0] })).toThrow('events at index 1 have no exposure');
    expect(() => funnelRates({ events: [1], exposure: [10] }, { target: -1 })).toThrow(/target/);
  });
});

describe('classify (FunnelPlotR test-outliers_func.R)', () => {
  it('marks the same outliers as FunnelPlotR at 95% and 99.8%, unadjusted and adjusted', () => {
    const rr = [1, 0.95, 1.05, 0.8, 1.2, 0.6, 1.4, 0.4, 1.6, 0];
    const fill = (v: number) => new Float64Array(rr.length).fill(v);
    const unadjusted = { lower95: fill(0.9), upper95: fill(1.1), lower998: fill(0.59), upper998: fill(1.41) };
    const adjusted = { lower95: fill(0.79), upper95: fill(1.21), lower998: fill(0.38), upper998: fill(1.62) };
    const outside95 = (p: Uint8Array) => Array.from(p, (c) => (c === POSITION_INSIDE ? 0 : 1));
    const outside998 = (p: Uint8Array) => Array.from(p, (c) => (c === POSITION_ABOVE_998 || c === POSITION_BELOW_998 ? 1 : 0));
    expect(outside95(classify(rr, unadjusted))).toEqual([0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    expect(outside95(classify(rr, adjusted))).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(outside998(classify(rr, unadjusted))).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    expect(outside998(classify(rr, adjusted))).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(classify(rr, unadjusted), (c) => FUNNEL_POSITIONS[c])).toEqual([
      'inside',
      'inside',
      'inside',
      'below_95',
      'above_95',
      'below_95',
      'above_95',
      'below_998',
      'above_998',
      'below_998',
    ]);
  });

  it('counts a value exactly on a limit as inside', () => {
    const one = (v: number) => Float64Array.of(v);
    expect(classify([0.2], { lower95: one(0.2), upper95: one(0.5), lower998: one(0.1), upper998: one(0.6) })[0]).toBe(POSITION_INSIDE);
    expect(classify([0.5], { lower95: one(0.2), upper95: one(0.5), lower998: one(0.1), upper998: one(0.6) })[0]).toBe(POSITION_INSIDE);
    expect(classify([0.15], { lower95: one(0.2), upper95: one(0.5), lower998: one(0.1), upper998: one(0.6) })[0]).toBe(POSITION_BELOW_95);
  });
});

describe('funnel properties', () => {
  const unitArb = fc
    .tuple(fc.integer({ min: 1, max: 400 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean())
    .map(([n, share, hidden]) => ({ n, r: Math.round(share * n), hidden }));
  const options = fc.record({
    limits: fc.constantFrom<'exact' | 'normal'>('exact', 'normal'),
    overdispersion: fc.constantFrom<'none' | 'additive' | 'multiplicative'>('none', 'additive', 'multiplicative'),
  });

  test.prop([fc.array(unitArb, { minLength: 0, maxLength: 60 }), options])(
    'positions agree with values and limits; suppressed units have none; the target is Σr/Σn of the rest',
    (units, opts) => {
      const result = funnelProportions(
        { numerators: units.map((u) => u.r), denominators: units.map((u) => u.n) },
        { ...opts, suppressed: units.map((u) => u.hidden) },
      );
      const shown = units.filter((u) => !u.hidden);
      if (shown.length < 2) {
        expect(result).toEqual({ kind: 'insufficient-data', needed: 2, available: shown.length });
        return;
      }
      const f = plot(result);
      const sumR = shown.reduce((a, u) => a + u.r, 0);
      const sumN = shown.reduce((a, u) => a + u.n, 0);
      expect(f.spec.target).toBeCloseTo(sumR / sumN, 14);
      let total = 0;
      units.forEach((u, i) => {
        const p = f.position[i];
        if (u.hidden) {
          expect(p).toBe(POSITION_NONE);
          return;
        }
        total += 1;
        const y = u.r / u.n;
        const L = f.limits;
        expect(L.lower998[i]).toBeLessThanOrEqual(v(L.lower95, i));
        expect(L.upper95[i]).toBeLessThanOrEqual(v(L.upper998, i));
        if (p === POSITION_ABOVE_998) expect(y).toBeGreaterThan(v(L.upper998, i));
        if (p === POSITION_ABOVE_95) expect(y > v(L.upper95, i) && y <= v(L.upper998, i)).toBe(true);
        if (p === POSITION_BELOW_998) expect(y).toBeLessThan(v(L.lower998, i));
        if (p === POSITION_BELOW_95) expect(y < v(L.lower95, i) && y >= v(L.lower998, i)).toBe(true);
        if (p === POSITION_INSIDE) expect(y >= v(L.lower95, i) && y <= v(L.upper95, i)).toBe(true);
      });
      expect(Object.values(f.counts).reduce((a, b) => a + b, 0)).toBe(total);
      expect(f.units).toBe(total);
    },
  );

  test.prop([fc.array(unitArb, { minLength: 2, maxLength: 40 }), options, fc.integer()])(
    'does not depend on the order of units, and recomputing gives the same',
    (units, opts, seed) => {
      const order = units.map((_, i) => i);
      let s = seed >>> 0;
      for (let i = order.length - 1; i > 0; i -= 1) {
        s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
        const j = s % (i + 1);
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      const run = (idx: number[]) =>
        funnelProportions({ numerators: idx.map((i) => units[i]?.r ?? Number.NaN), denominators: idx.map((i) => units[i]?.n ?? Number.NaN) }, opts);
      const a = run(units.map((_, i) => i));
      const b = run(order);
      expect(run(units.map((_, i) => i))).toEqual(a);
      if (a.kind !== 'funnel' || b.kind !== 'funnel') return;
      expect(b.spec.target).toBeCloseTo(a.spec.target, 14);
      expect(b.dispersion.applied).toBe(a.dispersion.applied);
      if (a.dispersion.phi !== null) expect(b.dispersion.phi).toBeCloseTo(a.dispersion.phi, 10);
      order.forEach((from, to) => {
        expect(b.limits.upper95[to]).toBeCloseTo(v(a.limits.upper95, from), 12);
        // positions can only differ if a value sits within rounding of a limit
        if (Math.abs(v(a.value, from) - v(a.limits.upper95, from)) > 1e-9 && Math.abs(v(a.value, from) - v(a.limits.lower95, from)) > 1e-9)
          expect(FUNNEL_POSITIONS[v(b.position, to)]).toBe(FUNNEL_POSITIONS[v(a.position, from)]);
      });
    },
  );

  test.prop([
    fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.double({ min: 1, max: 500, noNaN: true })), { minLength: 2, maxLength: 30 }),
    fc.constantFrom(7, 365, 1 / 12),
  ])('rates: changing the unit of exposure rescales limits and keeps every position', (units, factor) => {
    const events = units.map((u) => u[0]);
    const a = funnelRates({ events, exposure: units.map((u) => u[1]) }, { overdispersion: 'none' });
    const b = funnelRates({ events, exposure: units.map((u) => u[1] * factor) }, { overdispersion: 'none' });
    if (a.kind !== 'funnel' || b.kind !== 'funnel') return;
    expect(b.spec.target * factor).toBeCloseTo(a.spec.target, 12);
    units.forEach((_, i) => {
      expect(v(b.limits.upper998, i) * factor).toBeCloseTo(v(a.limits.upper998, i), 10);
      const y = v(a.value, i);
      if (Math.abs(y - v(a.limits.upper95, i)) > 1e-9 && Math.abs(y - v(a.limits.upper998, i)) > 1e-9)
        expect(b.position[i]).toBe(a.position[i]);
    });
  });

  test.prop([fc.double({ min: 0.01, max: 0.99, noNaN: true })])('a funnel’s spec redraws its own limits at its units’ sizes', (target) => {
    const f = plot(funnelProportions({ numerators: [3, 10, 40], denominators: [12, 30, 90] }, { target }));
    const again = funnelLimitsAt(f.spec, [12, 30, 90]);
    expect(Array.from(again.upper95)).toEqual(Array.from(f.limits.upper95));
  });
});
