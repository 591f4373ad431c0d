/**
 * Distribution helpers for funnel plot limits (`../shared/methods/funnel.md`): the standard normal
 * quantile, binomial and Poisson probabilities computed without cancellation, and the discrete
 * p-quantile interpolated as in Spiegelhalter (2005), Appendix A.1.1 (binomial) and A.1.2 (Poisson).
 *
 * Probabilities use Loader's saddle-point form ("Fast and accurate computation of binomial
 * probabilities", 2000; the method behind R's dbinom and dpois): relative accuracy near 1e-15
 * even for n in the millions, where exp(lgamma − lgamma − lgamma) would lose digits.
 */

/** ln √(2π). */
const LN_SQRT_2PI = 0.9189385332046727;
/** ln 2π. */
const LN_2PI = 1.8378770664093453;

/**
 * Stirling's error δ(n) = ln n! − (n + ½) ln n + n − ln √(2π) for n = 0 … 15 (computed
 * with mpmath at 40 digits and rounded to doubles; δ(0) is a placeholder, never used).
 */
const STIRLING_ERROR_TABLE = [
  0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093,
  0.016644691189821193, 0.013876128823070748, 0.01189670994589177, 0.010411265261972096,
  0.009255462182712733, 0.00833056343336287, 0.007573675487951841, 0.00694284010720953,
  0.006408994188004207, 0.0059513701127588475, 0.005554733551962801,
];
/** Coefficients of the Stirling series δ(n) ≈ 1/(12n) − 1/(360n³) + 1/(1260n⁵) − 1/(1680n⁷) + 1/(1188n⁹). */
const S0 = 1 / 12;
const S1 = 1 / 360;
const S2 = 1 / 1260;
const S3 = 1 / 1680;
const S4 = 1 / 1188;

/** Stirling's error δ(n) for a whole n ≥ 0, or any real n > 15. */
export function stirlingError(n: number): number {
  if (n <= 15) return STIRLING_ERROR_TABLE[n] ?? Number.NaN;
  const nn = n * n;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** Largest number of series terms bd0 sums (it converges in a handful). */
const BD0_MAX_TERMS = 1000;

/** The deviance term x ln(x / m) + m − x, summed as a series when x is near m to avoid cancellation. */
export function devianceTerm(x: number, m: number): number {
  if (Math.abs(x - m) < 0.1 * (x + m)) {
    let v = (x - m) / (x + m);
    let sum = (x - m) * v;
    let term = 2 * x * v;
    v *= v;
    for (let j = 1; j < BD0_MAX_TERMS; j += 1) {
      term *= v;
      const next = sum + term / (2 * j + 1);
      if (next === sum) return next;
      sum = next;
    }
    return sum;
  }
  return x * Math.log(x / m) + m - x;
}

/** P(X = k) for X ~ Binomial(n, p), k and n whole numbers, 0 ≤ k ≤ n. */
export function binomialPmf(k: number, n: number, p: number): number {
  const q = 1 - p;
  if (p === 0) return k === 0 ? 1 : 0;
  if (q === 0) return k === n ? 1 : 0;
  if (k === 0) {
    if (n === 0) return 1;
    return Math.exp(p < 0.1 ? -devianceTerm(n, n * q) - n * p : n * Math.log(q));
  }
  if (k === n) return Math.exp(q < 0.1 ? -devianceTerm(n, n * p) - n * q : n * Math.log(p));
  if (k < 0 || k > n) return 0;
  const logCore =
    stirlingError(n) - stirlingError(k) - stirlingError(n - k) - devianceTerm(k, n * p) - devianceTerm(n - k, n * q);
  const logScale = LN_2PI + Math.log(k) + Math.log1p(-k / n);
  return Math.exp(logCore - 0.5 * logScale);
}

/** P(X = k) for X ~ Poisson(mean), k a whole number ≥ 0. */
export function poissonPmf(k: number, mean: number): number {
  if (mean === 0) return k === 0 ? 1 : 0;
  if (k < 0) return 0;
  if (k === 0) return Math.exp(-mean);
  return Math.exp(-stirlingError(k) - devianceTerm(k, mean) - LN_SQRT_2PI - 0.5 * Math.log(k));
}

// Wichura's algorithm AS 241 (PPND16), Applied Statistics 37 (1988) 477–484: Φ⁻¹(p) to about 1e-16.
const AS241_SPLIT1 = 0.425;
const AS241_SPLIT2 = 5;
const AS241_CONST1 = 0.180625;
const AS241_CONST2 = 1.6;
const AS241_A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946,
  45921.95393154987, 67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const AS241_B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597,
  39307.89580009271, 28729.085735721943, 5226.495278852854,
];
const AS241_C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045,
  1.2704582524523684, 0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const AS241_D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-09,
];
const AS241_E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 2.7115555687434876e-05, 2.0103343992922881e-07,
];
const AS241_F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  1.8463183175100548e-05, 1.421511758316446e-07, 2.0442631033899397e-15,
];

/** Evaluates the ratio of two degree-7 polynomials in x (coefficients lowest power first). */
function rational(numerator: readonly number[], denominator: readonly number[], x: number): number {
  let top = 0;
  let bottom = 0;
  for (let i = 7; i >= 0; i -= 1) {
    top = top * x + (numerator[i] ?? 0);
    bottom = bottom * x + (denominator[i] ?? 0);
  }
  return top / bottom;
}

/** Φ⁻¹(p), the standard normal quantile, for 0 < p < 1 (AS 241). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return Number.NEGATIVE_INFINITY;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return Number.NaN;
  }
  const q = p - 0.5;
  if (Math.abs(q) <= AS241_SPLIT1) return q * rational(AS241_A, AS241_B, AS241_CONST1 - q * q);
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const z = r <= AS241_SPLIT2 ? rational(AS241_C, AS241_D, r - AS241_CONST2) : rational(AS241_E, AS241_F, r - AS241_SPLIT2);
  return q < 0 ? -z : z;
}

/**
 * A discrete distribution on 0 … `max` described by what the interpolated quantile needs.
 * `stepUp(k)` is P(X = k + 1) / P(X = k); `stepDown(k)` is P(X = k − 1) / P(X = k).
 */
interface Discrete {
  readonly max: number;
  readonly mean: number;
  readonly sd: number;
  /** σ × skewness, for the Cornish–Fisher starting guess. */
  readonly skewSd: number;
  pmf(k: number): number;
  stepUp(k: number): number;
  stepDown(k: number): number;
}

/** Relative size below which a further tail term cannot change a double-precision sum. */
const TAIL_EPSILON = 1e-17;

/** P(X ≤ r), summed down from r (all terms positive, so no cancellation). */
function lowerTail(d: Discrete, r: number, pmfAtR: number): number {
  let term = pmfAtR;
  let sum = term;
  for (let k = r; k > 0; k -= 1) {
    term *= d.stepDown(k);
    sum += term;
    if (term <= sum * TAIL_EPSILON) break;
  }
  return sum;
}

/** P(X > r), summed up from r + 1. */
function upperTail(d: Discrete, r: number, pmfAtR: number): number {
  let term = pmfAtR;
  let sum = 0;
  for (let k = r; k < d.max; k += 1) {
    term *= d.stepUp(k);
    sum += term;
    if (term <= sum * TAIL_EPSILON) break;
  }
  return sum;
}

/** Starting guess for the p-quantile: Cornish–Fisher with a continuity correction, clamped to 0 … max. */
function guess(d: Discrete, z: number): number {
  const r = Math.ceil(d.mean + d.sd * z + (d.skewSd * (z * z - 1)) / 6 - 0.5);
  return Math.min(d.max, Math.max(0, Number.isFinite(r) ? r : 0));
}

/**
 * Spiegelhalter's interpolated p-quantile of a discrete X (2005, Appendix A.1.1–A.1.2): with r the
 * smallest count such that P(X ≤ r) ≥ p and α = (P(X ≤ r) − p) / P(X = r), the limit is r − α, a
 * count that moves smoothly with the distribution's parameter instead of in whole steps.
 *
 * `tail` says which side each probability measures: 'lower' asks for p = probability (a lower
 * limit, e.g. 0.025), 'upper' for p = 1 − probability (an upper limit, e.g. 0.025 for the 97.5%
 * point), computed from the upper tail so that p near 1 loses no digits. `probabilities` must be
 * ascending (most extreme first): one tail sum serves them all, walking toward the centre.
 */
function interpolatedQuantiles(d: Discrete, tail: 'lower' | 'upper', probabilities: readonly number[]): number[] {
  const out: number[] = [];
  const first = probabilities[0] ?? Number.NaN;
  const z = normalQuantile(tail === 'lower' ? first : 1 - first);
  let r = guess(d, z);
  let f = d.pmf(r);
  if (tail === 'lower') {
    let below = lowerTail(d, r, f); // P(X ≤ r)
    if (below >= first) {
      while (r > 0 && below - f >= first) {
        below -= f;
        f *= d.stepDown(r);
        r -= 1;
      }
    }
    for (const p of probabilities) {
      while (below < p && r < d.max) {
        f *= d.stepUp(r);
        r += 1;
        below += f;
      }
      out.push(r - (below - p) / f);
    }
    return out;
  }
  let above = upperTail(d, r, f); // P(X > r)
  if (above > first) {
    while (above > first && r < d.max) {
      f *= d.stepUp(r);
      r += 1;
      above -= f;
    }
    if (r === d.max) above = 0;
  }
  for (const p of probabilities) {
    while (r > 0 && above + f <= p) {
      above += f;
      f *= d.stepDown(r);
      r -= 1;
    }
    out.push(r - (p - above) / f);
  }
  return out;
}

/** Binomial(n, p) as a `Discrete`, for 0 < p < 1 and whole n ≥ 1. */
class Binomial implements Discrete {
  readonly max: number;
  readonly mean: number;
  readonly sd: number;
  readonly skewSd: number;
  private readonly odds: number;
  constructor(
    readonly n: number,
    readonly p: number,
  ) {
    this.max = n;
    this.mean = n * p;
    this.sd = Math.sqrt(n * p * (1 - p));
    this.skewSd = 1 - 2 * p;
    this.odds = p / (1 - p);
  }
  pmf(k: number): number {
    return binomialPmf(k, this.n, this.p);
  }
  stepUp(k: number): number {
    return ((this.n - k) / (k + 1)) * this.odds;
  }
  stepDown(k: number): number {
    return k / ((this.n - k + 1) * this.odds);
  }
}

/** Poisson(mean) as a `Discrete`, for mean > 0. */
class Poisson implements Discrete {
  readonly max = Number.POSITIVE_INFINITY;
  readonly sd: number;
  readonly skewSd = 1;
  private readonly inverseMean: number;
  constructor(readonly mean: number) {
    this.sd = Math.sqrt(mean);
    this.inverseMean = 1 / mean;
  }
  pmf(k: number): number {
    return poissonPmf(k, this.mean);
  }
  stepUp(k: number): number {
    return this.mean / (k + 1);
  }
  stepDown(k: number): number {
    return k * this.inverseMean;
  }
}

/**
 * The interpolated quantile counts (Appendix A.1.1) of Binomial(n, p) for whole n ≥ 1: for each of
 * the ascending `probabilities`, the point below which that probability of the distribution lies
 * ('lower') or above which it lies ('upper'). Degenerate p = 0 or 1 gives 0 or n. A result can
 * fall just below 0 for a tiny n·p (the interpolation reaches into the step from −1 to 0); callers
 * clamp.
 */
export function binomialInterpolatedQuantiles(n: number, p: number, tail: 'lower' | 'upper', probabilities: readonly number[]): number[] {
  if (p <= 0) return probabilities.map(() => 0);
  if (p >= 1) return probabilities.map(() => n);
  return interpolatedQuantiles(new Binomial(n, p), tail, probabilities);
}

/** The interpolated quantile counts (Appendix A.1.2) of Poisson(mean); mean 0 gives 0. */
export function poissonInterpolatedQuantiles(mean: number, tail: 'lower' | 'upper', probabilities: readonly number[]): number[] {
  if (mean <= 0) return probabilities.map(() => 0);
  return interpolatedQuantiles(new Poisson(mean), tail, probabilities);
}

/** One interpolated quantile count of Binomial(n, p); see `binomialInterpolatedQuantiles`. */
export function binomialInterpolatedQuantile(n: number, p: number, tail: 'lower' | 'upper', probability: number): number {
  return binomialInterpolatedQuantiles(n, p, tail, [probability])[0] ?? Number.NaN;
}

/** One interpolated quantile count of Poisson(mean). */
export function poissonInterpolatedQuantile(mean: number, tail: 'lower' | 'upper', probability: number): number {
  return poissonInterpolatedQuantiles(mean, tail, [probability])[0] ?? Number.NaN;
}

/** P(X ≤ r) for X ~ Binomial(n, p) (exposed for tests and callers that need the CDF itself). */
export function binomialCdf(r: number, n: number, p: number): number {
  if (r < 0) return 0;
  if (r >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  const d = new Binomial(n, p);
  return r < d.mean ? lowerTail(d, r, d.pmf(r)) : 1 - upperTail(d, r, d.pmf(r));
}

/** P(X ≤ r) for X ~ Poisson(mean). */
export function poissonCdf(r: number, mean: number): number {
  if (r < 0) return 0;
  if (mean <= 0) return 1;
  const d = new Poisson(mean);
  return r < mean ? lowerTail(d, r, d.pmf(r)) : 1 - upperTail(d, r, d.pmf(r));
}
