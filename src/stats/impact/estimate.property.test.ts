import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateImpact, includesZero, type ImpactEstimate, type ImpactResult } from './estimate.ts';
import { simulatePanel } from './simulate-panel.ts';

function expectEstimate(result: ImpactResult): ImpactEstimate {
  if (result.kind !== 'estimate') throw new Error(`expected an estimate, got ${result.kind}`);
  return result;
}

const comparisonTeams = (result: ImpactEstimate): number[][] => result.stacks.map((s) => s.comparisons.map((c) => c.team));

/** Small panels keep 100 fast-check runs quick; 200 resamples suffice to compare intervals run against run. */
const small = (seed: number) => simulatePanel({ teams: 40, months: 30, treated: 8, families: 3, effect: -1, missingShare: 0.05, seed });
const options = (seed: number) => ({ seed, resamples: 200 });

describe('estimateImpact invariants', () => {
  it('adding a constant to every outcome leaves the matches, ATT and intervals unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.double({ min: -1000, max: 1000, noNaN: true }), (seed, shift) => {
        const { panel, events } = small(seed);
        const base = expectEstimate(estimateImpact(panel, events, options(seed)));
        const moved = expectEstimate(estimateImpact({ ...panel, value: Array.from(panel.value, (v) => v + shift) }, events, options(seed)));
        expect(comparisonTeams(moved)).toEqual(comparisonTeams(base));
        const tolerance = 1e-9 * (1 + Math.abs(shift));
        expect(Math.abs(moved.att - base.att)).toBeLessThan(tolerance);
        expect(Math.abs(moved.interval.lower - base.interval.lower)).toBeLessThan(tolerance);
        expect(Math.abs(moved.interval.upper - base.interval.upper)).toBeLessThan(tolerance);
      }),
      { numRuns: 50 },
    );
  });

  it('scaling every outcome by s scales the ATT and its interval by s (flipping it when s < 0)', () => {
    const scale = fc.oneof(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: -100, max: -0.01, noNaN: true }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), scale, (seed, s) => {
        const { panel, events } = small(seed);
        const base = expectEstimate(estimateImpact(panel, events, options(seed)));
        const scaled = expectEstimate(estimateImpact({ ...panel, value: Array.from(panel.value, (v) => v * s) }, events, options(seed)));
        expect(comparisonTeams(scaled)).toEqual(comparisonTeams(base));
        const tolerance = 1e-9 * Math.abs(s) * (1 + Math.abs(base.att));
        expect(Math.abs(scaled.att - s * base.att)).toBeLessThan(tolerance);
        const [lower, upper] = s > 0 ? [base.interval.lower, base.interval.upper] : [base.interval.upper, base.interval.lower];
        expect(Math.abs(scaled.interval.lower - s * lower)).toBeLessThan(tolerance);
        expect(Math.abs(scaled.interval.upper - s * upper)).toBeLessThan(tolerance);
      }),
      { numRuns: 50 },
    );
  });

  it('does not depend on the order of rows or events', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer(), (seed, shuffleSeed) => {
        const { panel, events } = small(seed);
        const rows = shuffled(panel.team.length, shuffleSeed);
        const pick = (column: ArrayLike<number>) => rows.map((r) => column[r] ?? Number.NaN);
        const order = shuffled(events.team.length, shuffleSeed + 1);
        const reordered = estimateImpact(
          { team: pick(panel.team), month: pick(panel.month), value: pick(panel.value), headcount: pick(panel.headcount), teamFamily: panel.teamFamily },
          { team: order.map((i) => events.team[i] ?? 0), month: order.map((i) => events.month[i] ?? 0) },
          options(seed),
        );
        expect(reordered).toEqual(estimateImpact(panel, events, options(seed)));
      }),
      { numRuns: 20 },
    );
  });
});

describe('estimateImpact calibration (impact.md "Test")', () => {
  it('gives an interval containing 0 for at least 95 of 100 seeded panels with no effect', () => {
    // Full 2,000 resamples: each small panel takes a few milliseconds, the batch well under 10 s.
    let covered = 0;
    let placeboCovered = 0;
    for (let seed = 1; seed <= 100; seed += 1) {
      const { panel, events } = simulatePanel({ teams: 80, months: 36, treated: 16, families: 4, effect: 0, seed });
      const result = expectEstimate(estimateImpact(panel, events, { seed }));
      if (includesZero(result.interval)) covered += 1;
      if (result.placebo.kind === 'estimate' && includesZero(result.placebo.interval)) placeboCovered += 1;
    }
    expect(covered).toBeGreaterThanOrEqual(95);
    expect(placeboCovered).toBeGreaterThanOrEqual(90);
  });
});

/** A seeded permutation of 0…n−1 (a linear congruential shuffle: test plumbing only). */
function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = seed >>> 0;
  for (let i = n - 1; i > 0; i -= 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
  return order;
}
