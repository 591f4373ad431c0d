import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  binomialCdf,
  binomialInterpolatedQuantile,
  binomialInterpolatedQuantiles,
  binomialPmf,
  normalQuantile,
  poissonCdf,
  poissonInterpolatedQuantile,
  poissonInterpolatedQuantiles,
  poissonPmf,
} from './distributions.ts';

describe('normalQuantile (AS 241)', () => {
  it('gives the familiar points to 1e-15', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 15);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 15);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080407, 15);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 13);
  });

  it('is infinite at 0 and 1 and NaN outside', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalQuantile(Number.NaN)).toBeNaN();
  });

  test.prop([fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true })])('is antisymmetric about ½', (p) => {
    expect(normalQuantile(p) + normalQuantile(1 - p)).toBeCloseTo(0, 9);
  });
});

describe('binomial and Poisson probabilities', () => {
  it('match closed forms', () => {
    expect(binomialPmf(8, 10, 0.5)).toBeCloseTo(45 / 1024, 16);
    expect(binomialPmf(0, 10, 0.5)).toBeCloseTo(1 / 1024, 16);
    expect(binomialPmf(10, 10, 0.5)).toBeCloseTo(1 / 1024, 16);
    expect(binomialPmf(3, 5, 0)).toBe(0);
    expect(poissonPmf(3, 1)).toBeCloseTo(Math.exp(-1) / 6, 16);
    expect(poissonPmf(0, 2.5)).toBeCloseTo(Math.exp(-2.5), 16);
  });

  it('agree with 40-digit arithmetic (rounded to doubles) where digits are easy to lose', () => {
    // mpmath at 40 digits: C(1000, 500)/2¹⁰⁰⁰, e^−λ λ¹⁰⁰⁰/1000! at λ = 1000.5, Σ_{k≤30} Bin(100, 0.4), Σ_{k≤7} Pois(15)
    expect(Math.abs(binomialPmf(500, 1000, 0.5) / 0.0252250181783608 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(poissonPmf(1000, 1000.5) / 0.012613035146196576 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(binomialCdf(30, 100, 0.4) / 0.024782823116493102 - 1)).toBeLessThan(1e-14);
    expect(Math.abs(poissonCdf(7, 15) / 0.018002193147830758 - 1)).toBeLessThan(1e-14);
  });

  test.prop([fc.integer({ min: 1, max: 200 }), fc.double({ min: 0.001, max: 0.999, noNaN: true })])(
    'binomial probabilities sum to 1',
    (n, p) => {
      let total = 0;
      for (let k = 0; k <= n; k += 1) total += binomialPmf(k, n, p);
      expect(total).toBeCloseTo(1, 12);
      expect(binomialCdf(n, n, p)).toBe(1);
    },
  );
});

describe('Spiegelhalter interpolated quantile (Appendix A.1)', () => {
  it('works by hand for Binomial(10, ½)', () => {
    // F(7) = 968/1024 < 0.975 ≤ F(8) = 1013/1024, P(8) = 45/1024: r = 8, α = (1013 − 998.4)/45.
    expect(binomialInterpolatedQuantile(10, 0.5, 'upper', 0.025)).toBeCloseTo(8 - 14.6 / 45, 13);
    // F(1) = 11/1024 < 0.025 ≤ F(2) = 56/1024, P(2) = 45/1024: r = 2, α = (56 − 25.6)/45.
    expect(binomialInterpolatedQuantile(10, 0.5, 'lower', 0.025)).toBeCloseTo(2 - 30.4 / 45, 13);
  });

  it('works by hand for Poisson(1)', () => {
    // F(2) = 2.5/e < 0.975 ≤ F(3) = (8/3)/e, P(3) = 1/(6e): r = 3.
    const e = Math.exp(-1);
    expect(poissonInterpolatedQuantile(1, 'upper', 0.025)).toBeCloseTo(3 - ((8 / 3) * e - 0.975) / (e / 6), 13);
    // F(0) = 1/e ≥ 0.025: r = 0 and the limit reaches below 0.
    expect(poissonInterpolatedQuantile(1, 'lower', 0.025)).toBeCloseTo(-(e - 0.025) / e, 13);
  });

  it('agrees with the same rule on scipy CDFs', () => {
    // Reference: smallest r with binom/poisson.cdf(r) ≥ p, r − (cdf(r) − p)/pmf(r) (upper via sf).
    const cases: [number, number, number, number, number, number][] = [
      [20, 0.15, -0.974199894270663, -0.35499735676657146, 5.9324508474273605, 8.304396437020248],
      [400, 0.02, 0.2735096889538903, 2.4269414395079547, 13.467935117785052, 17.48210265031916],
      [1000, 0.9, 869.0821560531368, 880.5170734694901, 917.7213432553398, 927.659153687364],
      [12345, 0.37, 4401.754687489629, 4462.133989146736, 4672.414562092288, 4733.286867052309],
      [1_000_000, 0.001, 903.255602088618, 938.0283385740689, 1061.9184922187276, 1098.5911631971408],
    ];
    for (const [n, p, lo998, lo95, up95, up998] of cases) {
      expect(binomialInterpolatedQuantile(n, p, 'lower', 0.001)).toBeCloseTo(lo998, 9);
      expect(binomialInterpolatedQuantile(n, p, 'lower', 0.025)).toBeCloseTo(lo95, 9);
      expect(binomialInterpolatedQuantile(n, p, 'upper', 0.025)).toBeCloseTo(up95, 9);
      expect(binomialInterpolatedQuantile(n, p, 'upper', 0.001)).toBeCloseTo(up998, 9);
    }
    const poisson: [number, number, number, number, number][] = [
      [0.5, -0.9983512787292999, -0.9587819682324967, 1.8600259114609996, 3.4758589809003593],
      [15, 4.074057066267199, 7.359889876865848, 22.5831654405392, 27.8371142398779],
      [123.4, 90.03893865894601, 101.59404225485491, 145.1421584730635, 158.6414780735937],
      [5000, 4782.414208138299, 4861.382156425637, 5138.56510951147, 5219.435707661911],
      [1_000_000, 996910.6927835151, 998040.0097415512, 1001959.9374595156, 1003091.1569375934],
    ];
    for (const [mean, lo998, lo95, up95, up998] of poisson) {
      expect(poissonInterpolatedQuantile(mean, 'lower', 0.001)).toBeCloseTo(lo998, 7);
      expect(poissonInterpolatedQuantile(mean, 'lower', 0.025)).toBeCloseTo(lo95, 7);
      expect(poissonInterpolatedQuantile(mean, 'upper', 0.025)).toBeCloseTo(up95, 7);
      expect(poissonInterpolatedQuantile(mean, 'upper', 0.001)).toBeCloseTo(up998, 7);
    }
  });

  test.prop([
    fc.integer({ min: 1, max: 5000 }),
    fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }),
    fc.constantFrom(0.001, 0.025, 0.1),
    fc.constantFrom<'lower' | 'upper'>('lower', 'upper'),
  ])('lies in (r − 1, r] for the smallest r whose CDF reaches p', (n, p, probability, tail) => {
    const q = binomialInterpolatedQuantile(n, p, tail, probability);
    const r = Math.ceil(q);
    const target = tail === 'lower' ? probability : 1 - probability;
    expect(binomialCdf(r, n, p)).toBeGreaterThanOrEqual(target - 1e-12);
    expect(binomialCdf(r - 1, n, p)).toBeLessThan(target + 1e-12);
  });

  test.prop([fc.double({ min: 0.01, max: 1e5, noNaN: true }), fc.constantFrom(0.001, 0.025), fc.constantFrom<'lower' | 'upper'>('lower', 'upper')])(
    'Poisson: lies in (r − 1, r] for the smallest r whose CDF reaches p',
    (mean, probability, tail) => {
      const q = poissonInterpolatedQuantile(mean, tail, probability);
      const r = Math.ceil(q);
      const target = tail === 'lower' ? probability : 1 - probability;
      expect(poissonCdf(r, mean)).toBeGreaterThanOrEqual(target - 1e-12);
      expect(poissonCdf(r - 1, mean)).toBeLessThan(target + 1e-12);
    },
  );

  test.prop([
    fc.integer({ min: 1, max: 3000 }),
    fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }),
    fc.double({ min: 0.01, max: 1e4, noNaN: true }),
    fc.constantFrom<'lower' | 'upper'>('lower', 'upper'),
  ])('several probabilities in one walk equal one at a time', (n, p, mean, tail) => {
    const probabilities = [0.001, 0.025, 0.1];
    const together = binomialInterpolatedQuantiles(n, p, tail, probabilities);
    probabilities.forEach((q, i) => expect(together[i]).toBeCloseTo(binomialInterpolatedQuantile(n, p, tail, q), 9));
    const poisson = poissonInterpolatedQuantiles(mean, tail, probabilities);
    probabilities.forEach((q, i) => expect(poisson[i]).toBeCloseTo(poissonInterpolatedQuantile(mean, tail, q), 9));
  });

  it('is 0 or n for a degenerate proportion', () => {
    expect(binomialInterpolatedQuantile(7, 0, 'upper', 0.001)).toBe(0);
    expect(binomialInterpolatedQuantile(7, 1, 'lower', 0.001)).toBe(7);
    expect(poissonInterpolatedQuantile(0, 'upper', 0.001)).toBe(0);
  });
});
