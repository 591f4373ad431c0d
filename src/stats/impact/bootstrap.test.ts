import { describe, expect, it } from 'vitest';
import { bootstrapInterval, quantileOfSorted, stackedAtt, type StackedChanges } from './bootstrap.ts';
import { createRandom } from './random.ts';

/** Two stacks sharing comparison team 3 (cluster 2). */
const design: StackedChanges = {
  weights: Float64Array.from([1, 3]),
  treatedChange: Float64Array.from([-1, 2]),
  treatedCluster: Int32Array.from([0, 1]),
  comparisonOffsets: Int32Array.from([0, 2, 3]),
  comparisonChange: Float64Array.from([1, 3, 0.5]),
  comparisonCluster: Int32Array.from([2, 3, 2]),
  clusterCount: 4,
};

describe('stackedAtt', () => {
  it('is the weighted mean of each treated change less its comparisons’ mean change', () => {
    // Δ₁ = −1 − 2 = −3, Δ₂ = 2 − 0.5 = 1.5; ATT = (1·−3 + 3·1.5) / 4.
    expect(stackedAtt(design)).toBeCloseTo(0.375, 15);
  });

  it('counts a team drawn twice twice wherever it appears, and drops stacks left without a side', () => {
    // Team cluster 2 drawn twice, cluster 3 not at all, treated cluster 0 once, cluster 1 not at all.
    expect(stackedAtt(design, Int32Array.from([1, 0, 2, 0]))).toBeCloseTo(-1 - 1, 15);
    // Only stack 2 complete: Δ₂ = 2 − 0.5.
    expect(stackedAtt(design, Int32Array.from([0, 1, 1, 5]))).toBeCloseTo(1.5, 15);
    expect(stackedAtt(design, Int32Array.from([0, 1, 0, 5]))).toBeNaN();
  });
});

describe('bootstrapInterval', () => {
  it('brackets the estimate and is reproducible for a seed', () => {
    const a = bootstrapInterval(design, 500, 0.95, createRandom(9));
    expect(a).toEqual(bootstrapInterval(design, 500, 0.95, createRandom(9)));
    expect(a.lower).toBeLessThanOrEqual(0.375);
    expect(a.upper).toBeGreaterThanOrEqual(0.375);
    expect(a.level).toBe(0.95);
  });

  it('collapses to a point when every team changes alike', () => {
    const flat = { ...design, treatedChange: Float64Array.from([2, 2]), comparisonChange: Float64Array.from([1, 1, 1]) };
    expect(bootstrapInterval(flat, 200, 0.95, createRandom(1))).toEqual({ lower: 1, upper: 1, level: 0.95 });
  });
});

describe('quantileOfSorted', () => {
  it('interpolates linearly between order statistics (type 7)', () => {
    const xs = [1, 2, 4, 8];
    expect(quantileOfSorted(xs, 0)).toBe(1);
    expect(quantileOfSorted(xs, 1)).toBe(8);
    expect(quantileOfSorted(xs, 0.5)).toBe(3);
    expect(quantileOfSorted(xs, 0.9)).toBeCloseTo(6.8, 12);
  });
});
