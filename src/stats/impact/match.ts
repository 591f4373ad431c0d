/**
 * Matching comparison teams (impact.md "Comparison"): for each treated team, up to K teams never
 * treated in the window, nearest neighbour on the outcome's pre-period mean and on team size,
 * within the same directorate family where possible.
 */
export interface MatchCandidate {
  team: number;
  family: number;
  /** Outcome mean over the treated team's pre-period months (−12…−1). */
  preMean: number;
  /** Mean headcount over the same months. */
  size: number;
}

export interface MatchedComparison {
  team: number;
  /** Standardised distance to the treated team (see `matchComparisons`). */
  distance: number;
  isSameFamily: boolean;
}

/**
 * Picks up to `count` comparisons for `target` from `candidates` (already limited to eligible
 * teams: never treated in the window and with enough pre and post months).
 *
 * Distance: d = √(((ȳ_t − ȳ_c)/s_ȳ)² + ((h_t − h_c)/s_h)²), where s_ȳ and s_h are the standard
 * deviations of pre-period mean and size over all the candidates for this treated team (every
 * family, so the scale does not depend on the fallback). A dimension with no spread adds nothing.
 *
 * Family (a choice where impact.md says "where possible"): the nearest same-family candidates come
 * first; when there are fewer than `count` of them, the remaining places are filled with the
 * nearest candidates from other families. Matching is with replacement across treated teams (a
 * team may serve as a comparison for several). Ties go to the lower team index.
 */
export function matchComparisons(target: MatchCandidate, candidates: readonly MatchCandidate[], count: number): MatchedComparison[] {
  const scaleMean = spread(candidates.map((c) => c.preMean));
  const scaleSize = spread(candidates.map((c) => c.size));
  const scored = candidates.map((c) => ({
    team: c.team,
    distance: Math.hypot(standardised(target.preMean - c.preMean, scaleMean), standardised(target.size - c.size, scaleSize)),
    isSameFamily: c.family === target.family,
  }));
  const nearestFirst = (a: MatchedComparison, b: MatchedComparison) => a.distance - b.distance || a.team - b.team;
  const same = scored.filter((c) => c.isSameFamily).sort(nearestFirst).slice(0, count);
  if (same.length === count) return same;
  const others = scored.filter((c) => !c.isSameFamily).sort(nearestFirst).slice(0, count - same.length);
  return [...same, ...others];
}

const standardised = (difference: number, scale: number): number => (scale > 0 ? difference / scale : 0);

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
function spread(values: readonly number[]): number {
  if (values.length < 2) return 0;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}
