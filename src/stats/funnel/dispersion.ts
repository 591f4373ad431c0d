/**
 * Over-dispersion for funnel plots (`../shared/methods/funnel.md` "Over-dispersion"; Spiegelhalter
 * 2005 §6, and FunnelPlotR's `winsorisation`, `phi_func` and `tau_func`).
 *
 * zᵢ = (yᵢ − θ0) / sᵢ, Winsorised at the 10th and 90th percentiles; φ̂ = (1/I) Σ zᵢ²; the data are
 * over-dispersed when I·φ̂ > I − 1, and then τ̂² = (I·φ̂ − (I − 1)) / (Σ wᵢ − Σ wᵢ² / Σ wᵢ), wᵢ = 1/sᵢ²
 * (DerSimonian–Laird), floored at 0.
 */

/** Winsorise at the 10th and 90th percentiles unless told otherwise (funnel.md; FunnelPlotR `trim_by = 0.1`). */
export const DEFAULT_WINSORISE_FRACTION = 0.1;

/** Fewest units for which a dispersion can be estimated: with one, Σw − Σw²/Σw is 0. */
export const MIN_UNITS_FOR_DISPERSION = 2;

/**
 * The p-quantile of ascending `sorted` by linear interpolation between order statistics
 * (Hyndman & Fan type 7, R's default `quantile`, which FunnelPlotR's Winsorisation uses):
 * h = (n − 1)p, x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎), 0-based.
 */
export function quantileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (h - lo) * (b - a);
}

export interface Winsorised {
  values: Float64Array;
  lower: number;
  upper: number;
}

/** Clamps every value to [p-quantile, (1 − p)-quantile] (type 7), as FunnelPlotR's `winsorisation`. */
export function winsorise(values: ArrayLike<number>, fraction: number = DEFAULT_WINSORISE_FRACTION): Winsorised {
  const sorted = Float64Array.from(values).sort();
  const lower = quantileType7(sorted, fraction);
  const upper = quantileType7(sorted, 1 - fraction);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] ?? Number.NaN;
    out[i] = v < lower ? lower : v > upper ? upper : v;
  }
  return { values: out, lower, upper };
}

export interface DispersionEstimate {
  /** φ̂ = mean of the squared Winsorised z-scores. */
  phi: number;
  /** I, the number of units the estimate uses. */
  units: number;
  /** I·φ̂ > I − 1. */
  overdispersed: boolean;
  /** τ̂², 0 unless over-dispersed. */
  tau2: number;
  /** The z-scores were clamped to [lower, upper]. */
  winsorisedAt: { lower: number; upper: number };
}

/**
 * φ̂ and τ̂² from unit z-scores and their standard errors under the target (same order, same
 * length, at least MIN_UNITS_FOR_DISPERSION, all sᵢ > 0 and finite).
 */
export function estimateDispersion(
  zScores: ArrayLike<number>,
  standardErrors: ArrayLike<number>,
  fraction: number = DEFAULT_WINSORISE_FRACTION,
): DispersionEstimate {
  const units = zScores.length;
  const w = winsorise(zScores, fraction);
  let sumSquares = 0;
  for (let i = 0; i < units; i += 1) sumSquares += (w.values[i] ?? 0) ** 2;
  const phi = sumSquares / units;
  const overdispersed = units * phi > units - 1;
  let tau2 = 0;
  if (overdispersed) {
    let sumW = 0;
    let sumW2 = 0;
    for (let i = 0; i < units; i += 1) {
      const weight = 1 / (standardErrors[i] ?? Number.NaN) ** 2;
      sumW += weight;
      sumW2 += weight * weight;
    }
    tau2 = Math.max(0, (units * phi - (units - 1)) / (sumW - sumW2 / sumW));
  }
  return { phi, units, overdispersed, tau2, winsorisedAt: { lower: w.lower, upper: w.upper } };
}
