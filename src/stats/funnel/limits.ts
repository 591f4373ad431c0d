/**
 * Funnel plot control limits for one unit size (`../shared/methods/funnel.md` "Proportions",
 * "Rates per exposure", "Over-dispersion"; Spiegelhalter 2005 §3 and Appendix A.1).
 *
 * Proportions: exact limits are Spiegelhalter's interpolated p-quantile r − α of Binomial(n, θ0),
 * divided by n; the normal approximation is θ0 ± z·√(θ0(1 − θ0)/n).
 * Rates: the interpolated p-quantile of Poisson(E), E = λ0·exposure, divided by exposure; the
 * normal approximation is λ0 ± z·√(λ0/exposure).
 * Two-sided 95% uses tail probability 0.025 (z = Φ⁻¹(0.975)); 99.8% uses 0.001 (z = Φ⁻¹(0.999)).
 *
 * Choices where funnel.md leaves room (each tested in limits.test.ts):
 * - z is the exact normal quantile (1.959964…, 3.090232…), which funnel.md rounds to 1.96 and 3.090
 *   and FunnelPlotR writes as 1.959964 and 3.090232, so normal and exact limits agree at large n.
 * - 'exact' (the default) uses the exact distribution for every size; 'normal' uses the normal
 *   approximation only where funnel.md allows it (n·θ0 ≥ 10 and n·(1 − θ0) ≥ 10; E ≥ 10), exact elsewhere.
 * - A binomial needs a whole n. For a fractional denominator (an average headcount) the exact limit
 *   is interpolated linearly between ⌊n⌋ and ⌈n⌉ (and n < 1 uses n = 1), keeping limits smooth in n.
 * - Limits are clamped to the possible range: [0, 1] for a proportion, [0, ∞) for a rate. The
 *   interpolation can reach below 0 where the quantile is the count 0 (tiny n·θ0 or E), and the
 *   additive and multiplicative adjustments can cross 0 or 1.
 * - Multiplicative over-dispersion inflates the distance of whichever unadjusted limit is in use
 *   from the target by √φ̂ (for normal limits that is θ0 ± z·√φ̂·sᵢ); additive uses
 *   θ0 ± z·√(sᵢ² + τ̂²) as funnel.md writes it, so it is normal-based like FunnelPlotR's.
 *
 * Properties of Spiegelhalter's interpolation worth knowing (tested, not "fixed", since funnel.md
 * asks for exactly this rule): the exact limits are smooth but not strictly monotone in n (the upper
 * limit can rise by a few hundredths of a count where the quantile count steps; it always falls
 * over a doubling of n); the rule is not symmetric under reflection, so at small n the upper limit
 * flags a little more often than the lower; and where even the 97.5% point is 0 events
 * (P(X = 0) ≥ 0.975, an expected count below about 0.026) the upper limit is 0, below the target.
 * Cost is one tail sum per side per distinct size, O(√E) terms.
 */
import { binomialInterpolatedQuantiles, normalQuantile, poissonInterpolatedQuantiles } from '../distributions.ts';

/** Tail probability each side for the 95% limits. */
export const TAIL_95 = 0.025;
/** Tail probability each side for the 99.8% limits. */
export const TAIL_998 = 0.001;
/** Both tail probabilities, most extreme first (the order the quantile walk needs). */
const TAILS = [TAIL_998, TAIL_95] as const;
/** Φ⁻¹(0.975) = 1.959964… */
export const Z_95 = normalQuantile(1 - TAIL_95);
/** Φ⁻¹(0.999) = 3.090232… */
export const Z_998 = normalQuantile(1 - TAIL_998);
/** The normal approximation is allowed when n·θ0, n·(1 − θ0) (proportions) or E (rates) are at least this. */
export const NORMAL_APPROXIMATION_MIN_EXPECTED = 10;

export type FunnelMeasure = 'proportion' | 'rate';
export type LimitMethod = 'exact' | 'normal';
export type DispersionAdjustment = 'none' | 'additive' | 'multiplicative';

/** Everything needed to draw the limits at any size: a funnel result carries one for its curves. */
export interface FunnelLimitSpec {
  measure: FunnelMeasure;
  /** θ0 (proportion) or λ0 (events per unit of exposure). */
  target: number;
  method: LimitMethod;
  /** The adjustment applied ('none' when the data were not over-dispersed). */
  adjustment: DispersionAdjustment;
  /** φ̂, used by the multiplicative adjustment. */
  phi: number;
  /** τ̂², used by the additive adjustment. */
  tau2: number;
}

/** The four limits, each a value on the indicator's scale (a proportion, or events per exposure). */
export interface FunnelLimits {
  lower95: Float64Array;
  upper95: Float64Array;
  lower998: Float64Array;
  upper998: Float64Array;
}

/** Standard error of a unit's indicator under the target: √(θ0(1 − θ0)/n) or √(λ0/exposure). */
export function standardErrorUnderTarget(measure: FunnelMeasure, target: number, size: number): number {
  return Math.sqrt((measure === 'proportion' ? target * (1 - target) : target) / size);
}

/** Whether funnel.md allows the normal approximation at this size. */
export function normalApproximationAllowed(measure: FunnelMeasure, target: number, size: number): boolean {
  if (measure === 'proportion')
    return size * target >= NORMAL_APPROXIMATION_MIN_EXPECTED && size * (1 - target) >= NORMAL_APPROXIMATION_MIN_EXPECTED;
  return size * target >= NORMAL_APPROXIMATION_MIN_EXPECTED;
}

const clampTo = (measure: FunnelMeasure, value: number) =>
  value < 0 ? 0 : measure === 'proportion' && value > 1 ? 1 : value;

/**
 * Computes limits for many sizes, remembering each distinct size (units of equal size share
 * limits, and exact quantiles are the costly part). Not shared between specs.
 */
export class LimitCalculator {
  private readonly cache = new Map<number, number>();
  private store = new Float64Array(4 * 64);
  private readonly binomialCache = new Map<number, number>();
  private binomialStore = new Float64Array(4 * 64);
  private readonly scratch = new Float64Array(4);
  private readonly rootPhi: number;

  constructor(readonly spec: FunnelLimitSpec) {
    this.rootPhi = Math.sqrt(spec.phi);
  }

  /**
   * Writes [lower95, upper95, lower998, upper998] for `size` (> 0) into `out`, unadjusted
   * (`adjusted` false) or with the spec's adjustment.
   */
  limitsAt(size: number, adjusted: boolean, out: Float64Array): void {
    const { measure, target, adjustment } = this.spec;
    if (adjusted && adjustment === 'additive') {
      const spread = Math.sqrt(standardErrorUnderTarget(measure, target, size) ** 2 + this.spec.tau2);
      out[0] = clampTo(measure, target - Z_95 * spread);
      out[1] = clampTo(measure, target + Z_95 * spread);
      out[2] = clampTo(measure, target - Z_998 * spread);
      out[3] = clampTo(measure, target + Z_998 * spread);
      return;
    }
    this.unadjusted(size, out);
    if (adjusted && adjustment === 'multiplicative') {
      for (let j = 0; j < 4; j += 1) out[j] = clampTo(measure, target + this.rootPhi * ((out[j] ?? 0) - target));
    }
  }

  private unadjusted(size: number, out: Float64Array): void {
    let slot = this.cache.get(size);
    if (slot === undefined) {
      slot = this.cache.size;
      if (4 * slot + 4 > this.store.length) {
        const grown = new Float64Array(this.store.length * 2);
        grown.set(this.store);
        this.store = grown;
      }
      this.computeUnadjusted(size, this.scratch);
      this.store.set(this.scratch, 4 * slot);
      this.cache.set(size, slot);
    }
    const at = 4 * slot;
    out[0] = this.store[at] ?? Number.NaN;
    out[1] = this.store[at + 1] ?? Number.NaN;
    out[2] = this.store[at + 2] ?? Number.NaN;
    out[3] = this.store[at + 3] ?? Number.NaN;
  }

  private computeUnadjusted(size: number, out: Float64Array): void {
    const { measure, target, method } = this.spec;
    if (method === 'normal' && normalApproximationAllowed(measure, target, size)) {
      const se = standardErrorUnderTarget(measure, target, size);
      out[0] = target - Z_95 * se;
      out[1] = target + Z_95 * se;
      out[2] = target - Z_998 * se;
      out[3] = target + Z_998 * se;
      for (let j = 0; j < 4; j += 1) out[j] = clampTo(measure, out[j] ?? 0);
      return;
    }
    if (measure === 'rate') {
      const expected = target * size;
      const [lower998 = 0, lower95 = 0] = poissonInterpolatedQuantiles(expected, 'lower', TAILS);
      const [upper998 = 0, upper95 = 0] = poissonInterpolatedQuantiles(expected, 'upper', TAILS);
      out[0] = clampTo(measure, lower95 / size);
      out[1] = clampTo(measure, upper95 / size);
      out[2] = clampTo(measure, lower998 / size);
      out[3] = clampTo(measure, upper998 / size);
      return;
    }
    const lo = Math.max(1, Math.floor(size));
    const hi = Math.max(1, Math.ceil(size));
    if (lo === hi) {
      this.binomialAt(lo, out);
      return;
    }
    const weight = size - lo;
    const upperPart = new Float64Array(4);
    this.binomialAt(lo, out);
    this.binomialAt(hi, upperPart);
    for (let j = 0; j < 4; j += 1) out[j] = (1 - weight) * (out[j] ?? 0) + weight * (upperPart[j] ?? 0);
  }

  /** Exact binomial limits as proportions for a whole n ≥ 1, remembered by n. */
  private binomialAt(n: number, out: Float64Array): void {
    let slot = this.binomialCache.get(n);
    if (slot === undefined) {
      slot = this.binomialCache.size;
      if (4 * slot + 4 > this.binomialStore.length) {
        const grown = new Float64Array(this.binomialStore.length * 2);
        grown.set(this.binomialStore);
        this.binomialStore = grown;
      }
      const { target } = this.spec;
      const at = 4 * slot;
      const [lower998 = 0, lower95 = 0] = binomialInterpolatedQuantiles(n, target, 'lower', TAILS);
      const [upper998 = 0, upper95 = 0] = binomialInterpolatedQuantiles(n, target, 'upper', TAILS);
      this.binomialStore[at] = clampTo('proportion', lower95 / n);
      this.binomialStore[at + 1] = clampTo('proportion', upper95 / n);
      this.binomialStore[at + 2] = clampTo('proportion', lower998 / n);
      this.binomialStore[at + 3] = clampTo('proportion', upper998 / n);
      this.binomialCache.set(n, slot);
    }
    const at = 4 * slot;
    out[0] = this.binomialStore[at] ?? Number.NaN;
    out[1] = this.binomialStore[at + 1] ?? Number.NaN;
    out[2] = this.binomialStore[at + 2] ?? Number.NaN;
    out[3] = this.binomialStore[at + 3] ?? Number.NaN;
  }
}

/**
 * The limits of `spec` at each of `sizes` (each > 0): for drawing the funnel's curves over a grid of
 * sizes, or for a size no unit has. `adjusted` false gives the limits before any over-dispersion
 * adjustment.
 */
export function funnelLimitsAt(spec: FunnelLimitSpec, sizes: ArrayLike<number>, adjusted = true): FunnelLimits {
  const n = sizes.length;
  const limits: FunnelLimits = {
    lower95: new Float64Array(n),
    upper95: new Float64Array(n),
    lower998: new Float64Array(n),
    upper998: new Float64Array(n),
  };
  const calculator = new LimitCalculator(spec);
  const row = new Float64Array(4);
  for (let i = 0; i < n; i += 1) {
    const size = sizes[i] ?? Number.NaN;
    if (!(size > 0) || !Number.isFinite(size)) throw new RangeError(`funnel limits: size at index ${i} must be a positive finite number`);
    calculator.limitsAt(size, adjusted, row);
    limits.lower95[i] = row[0] ?? Number.NaN;
    limits.upper95[i] = row[1] ?? Number.NaN;
    limits.lower998[i] = row[2] ?? Number.NaN;
    limits.upper998[i] = row[3] ?? Number.NaN;
  }
  return limits;
}
