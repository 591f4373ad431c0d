import type { Random } from './random.ts';

/** A two-sided interval at `level` (0.95 for the 95% interval impact.md asks for). */
export interface Interval {
  lower: number;
  upper: number;
  level: number;
}

/**
 * The stacked design flattened for resampling: per stack (treated team) its weight, its own change
 * (post mean − pre mean) and its cluster; per comparison (stack by stack, from
 * `comparisonOffsets[i]` to `comparisonOffsets[i + 1]`) its change in that stack's window and its
 * cluster. A cluster is a team: one that is a comparison in several stacks is one cluster.
 */
export interface StackedChanges {
  weights: Float64Array;
  treatedChange: Float64Array;
  treatedCluster: Int32Array;
  comparisonOffsets: Int32Array;
  comparisonChange: Float64Array;
  comparisonCluster: Int32Array;
  clusterCount: number;
}

/**
 * ATT = Σᵢ aᵢwᵢΔᵢ / Σᵢ aᵢwᵢ with Δᵢ = Yᵢ − Σ_c b_c Y_c / Σ_c b_c (impact.md "Estimate"), where
 * aᵢ and b_c count how often a bootstrap resample drew each team (all 1 for the estimate itself).
 * A stack whose treated team, or all of whose comparisons, were not drawn drops out of that resample.
 */
export function stackedAtt(design: StackedChanges, clusterCount?: Int32Array): number {
  let total = 0;
  let weightTotal = 0;
  for (let i = 0; i < design.weights.length; i += 1) {
    const a = clusterCount ? (clusterCount[design.treatedCluster[i] ?? 0] ?? 0) : 1;
    if (a === 0) continue;
    let comparisonTotal = 0;
    let comparisons = 0;
    for (let k = design.comparisonOffsets[i] ?? 0; k < (design.comparisonOffsets[i + 1] ?? 0); k += 1) {
      const b = clusterCount ? (clusterCount[design.comparisonCluster[k] ?? 0] ?? 0) : 1;
      comparisonTotal += b * (design.comparisonChange[k] ?? 0);
      comparisons += b;
    }
    if (comparisons === 0) continue;
    const w = a * (design.weights[i] ?? 0);
    total += w * ((design.treatedChange[i] ?? 0) - comparisonTotal / comparisons);
    weightTotal += w;
  }
  return total / weightTotal;
}

/**
 * The 95% interval of impact.md "Uncertainty": a cluster bootstrap, `resamples` times, read as
 * the percentile interval (quantiles interpolated linearly, Hyndman–Fan type 7).
 *
 * The cluster is the **team** (issue 3: "a confidence interval clustered by team"; stacked
 * designs cluster by unit, as in Cengiz et al. 2019): each resample draws as many teams, with
 * replacement, as there are distinct teams in the design (treated teams and their comparisons),
 * and a team drawn k times counts k times in every stack it belongs to, as the treated team and as
 * a comparison alike. impact.md says "cluster bootstrap over treated teams (with their
 * comparisons)"; read literally, that resamples whole stacks. We chose teams as clusters because
 * matching is with replacement, so stacks share comparison teams and are not independent: on
 * simulated panels with no effect (`simulatePanel`, 1,000 seeds each, 1,000 resamples) resampling
 * whole stacks covered 0 in 91% of panels with 20 of 120 teams treated and 87% with 60 of 120;
 * clustering by team covered it in 96% and 97% (and 94% with only 5 treated teams of 60).
 */
export function bootstrapInterval(design: StackedChanges, resamples: number, level: number, random: Random): Interval {
  if (design.weights.length < 2) throw new Error(`bootstrapInterval needs at least 2 treated teams, got ${design.weights.length}`);
  const replicates = new Float64Array(resamples);
  const clusterCount = new Int32Array(design.clusterCount);
  for (let r = 0; r < resamples; r += 1) {
    clusterCount.fill(0);
    for (let k = 0; k < design.clusterCount; k += 1) {
      const drawn = random.below(design.clusterCount);
      clusterCount[drawn] = (clusterCount[drawn] ?? 0) + 1;
    }
    replicates[r] = stackedAtt(design, clusterCount);
  }
  // A resample with no complete stack (vanishingly rare) gives NaN and is skipped.
  const sorted = replicates.filter((x) => !Number.isNaN(x)).sort();
  const tail = (1 - level) / 2;
  return { lower: quantileOfSorted(sorted, tail), upper: quantileOfSorted(sorted, 1 - tail), level };
}

/** Hyndman–Fan type 7 quantile of an ascending array: x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (N−1)p. */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const x0 = sorted[below] ?? Number.NaN;
  const x1 = sorted[Math.min(below + 1, sorted.length - 1)] ?? Number.NaN;
  return x0 + (h - below) * (x1 - x0);
}
