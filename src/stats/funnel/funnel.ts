/**
 * Funnel plots: is a unit different from the rest by more than chance allows for its size?
 * (`../shared/methods/funnel.md`; Spiegelhalter, "Funnel plots for comparing institutional
 * performance", Statistics in Medicine 24 (2005) 1185–1202; FunnelPlotR as the peer.)
 *
 * Vectorised: one call takes every unit as parallel arrays (plain arrays or typed arrays) and
 * returns typed arrays, so 60,000 units cost a few milliseconds plus one exact quantile per
 * distinct size.
 *
 * - Target: θ0 = Σ numerators / Σ denominators (λ0 = Σ events / Σ exposure) over the units compared,
 *   or the set `target`.
 * - Limits: 95% and 99.8% for each unit's size, exact by default (see `limits.ts`).
 * - Over-dispersion: z-scores under the target, Winsorised at the 10th/90th percentiles, φ̂, and
 *   when I·φ̂ > I − 1 the additive (default, as FunnelPlotR) or multiplicative adjustment
 *   (see `dispersion.ts`). The result says which adjustment was applied and φ̂.
 * - Position: above_998 when y > upper 99.8% limit, else above_95 when y > upper 95% limit (and
 *   the same below, with <); a value exactly on a limit is inside. With the metric's polarity an
 *   outlier is favourable or unfavourable.
 * - Units flagged suppressed are left out of the target and the dispersion, and get no value,
 *   size, limits or position (NaN / 0): a suppressed cell is plotted nowhere (suppression.md).
 *   Units of size 0 have no indicator and are left out the same way.
 *
 * Errors (thrown, naming the index but never the value, which may be suppressed): arrays of
 * different lengths, non-finite or negative counts, a numerator above its denominator, events
 * with no exposure, an impossible set target or option. Too few units is a typed result.
 */
import { DEFAULT_WINSORISE_FRACTION, MIN_UNITS_FOR_DISPERSION, estimateDispersion } from './dispersion.ts';
import {
  LimitCalculator,
  standardErrorUnderTarget,
  type DispersionAdjustment,
  type FunnelLimitSpec,
  type FunnelLimits,
  type FunnelMeasure,
  type LimitMethod,
} from './limits.ts';

export type FunnelPosition = 'inside' | 'above_95' | 'above_998' | 'below_95' | 'below_998';
/** Codes in `FunnelPlot.position`: index into this array; 0 (null) = not plotted. */
export const FUNNEL_POSITIONS = [null, 'inside', 'above_95', 'above_998', 'below_95', 'below_998'] as const;
export const POSITION_NONE = 0;
export const POSITION_INSIDE = 1;
export const POSITION_ABOVE_95 = 2;
export const POSITION_ABOVE_998 = 3;
export const POSITION_BELOW_95 = 4;
export const POSITION_BELOW_998 = 5;

export type Favourability = 'favourable' | 'unfavourable';
/** Codes in `FunnelPlot.favourability`; 0 (null) = inside, not plotted, or a neutral metric. */
export const FAVOURABILITIES = [null, 'favourable', 'unfavourable'] as const;
export const FAVOURABILITY_NONE = 0;
export const FAVOURABLE = 1;
export const UNFAVOURABLE = 2;

/** Which direction is better, in the SPC contract's words; 'neutral' judges neither way. */
export type Polarity = 'increase' | 'decrease' | 'neutral';

/** Units needed for a comparison against the pooled target (one unit is its own target). */
export const MIN_UNITS_POOLED = 2;
/** Units needed against a set target. */
export const MIN_UNITS_SET_TARGET = 1;

export interface FunnelOptions {
  /** A set target (θ0 in [0, 1], or λ0 ≥ 0); omitted: the pooled target of the units compared. */
  target?: number;
  /** 'exact' (default) or 'normal' where funnel.md allows it (see limits.ts). */
  limits?: LimitMethod;
  /** Adjustment when over-dispersed: 'additive' (default, as FunnelPlotR), 'multiplicative' or 'none'. */
  overdispersion?: DispersionAdjustment;
  /** Winsorise z-scores at this fraction each side (default 0.1). */
  winsorise?: number;
  /** Which direction is better (default 'neutral'). */
  polarity?: Polarity;
  /** Truthy where the unit's value is suppressed. */
  suppressed?: ArrayLike<number> | readonly boolean[];
}

export interface FunnelInsufficientData {
  kind: 'insufficient-data';
  /** Units (not suppressed, size > 0) needed. */
  needed: number;
  available: number;
}

export interface FunnelDispersion {
  /** φ̂, or null when it could not be estimated (fewer than two units, or a target of 0 or 1). */
  phi: number | null;
  /** I·φ̂ > I − 1. */
  overdispersed: boolean;
  /** The adjustment asked for. */
  requested: DispersionAdjustment;
  /** The adjustment applied: the one asked for when over-dispersed, else 'none'. */
  applied: DispersionAdjustment;
  /** τ̂² (0 unless over-dispersed). */
  tau2: number;
  /** Where the z-scores were Winsorised, or null. */
  winsorisedAt: { lower: number; upper: number } | null;
}

export interface FunnelPlot {
  kind: 'funnel';
  measure: FunnelMeasure;
  targetSource: 'pooled' | 'set';
  /** The limits' recipe: pass it to `funnelLimitsAt` to draw the curves at any sizes. */
  spec: FunnelLimitSpec;
  dispersion: FunnelDispersion;
  /** Units plotted. */
  units: number;
  /** Units flagged suppressed. */
  suppressed: number;
  /** yᵢ (proportion or rate) per input unit; NaN where not plotted. */
  value: Float64Array;
  /** xᵢ (denominator or exposure) per input unit; NaN where not plotted. */
  size: Float64Array;
  /** zᵢ = (yᵢ − target)/sᵢ before Winsorisation; NaN where not plotted or sᵢ = 0. */
  zScore: Float64Array;
  /** The limits used for the positions (adjusted when an adjustment was applied). */
  limits: FunnelLimits;
  /** The limits before any over-dispersion adjustment (the same arrays when none was applied). */
  unadjustedLimits: FunnelLimits;
  /** Codes into FUNNEL_POSITIONS. */
  position: Uint8Array;
  /** Codes into FAVOURABILITIES. */
  favourability: Uint8Array;
  /** How many plotted units fall in each position. */
  counts: Record<FunnelPosition, number>;
}

export type FunnelResult = FunnelInsufficientData | FunnelPlot;

export interface ProportionData {
  numerators: ArrayLike<number>;
  denominators: ArrayLike<number>;
}

export interface RateData {
  events: ArrayLike<number>;
  exposure: ArrayLike<number>;
}

/** Funnel plot for proportions: numeratorᵢ / denominatorᵢ against denominatorᵢ, binomial limits. */
export function funnelProportions(data: ProportionData, options: FunnelOptions = {}): FunnelResult {
  return funnel('proportion', data.numerators, data.denominators, options);
}

/** Funnel plot for rates per exposure: eventsᵢ / exposureᵢ against exposureᵢ, Poisson limits. */
export function funnelRates(data: RateData, options: FunnelOptions = {}): FunnelResult {
  return funnel('rate', data.events, data.exposure, options);
}

function checkOptions(measure: FunnelMeasure, options: FunnelOptions): void {
  const { target, winsorise, limits, overdispersion, polarity } = options;
  if (target !== undefined && !(Number.isFinite(target) && target >= 0 && (measure === 'rate' || target <= 1)))
    throw new RangeError(`funnel: target must be ${measure === 'proportion' ? 'between 0 and 1' : 'finite and not negative'}`);
  if (winsorise !== undefined && !(winsorise >= 0 && winsorise < 0.5))
    throw new RangeError('funnel: winsorise must be at least 0 and below 0.5');
  if (limits !== undefined && limits !== 'exact' && limits !== 'normal') throw new RangeError('funnel: limits must be exact or normal');
  if (overdispersion !== undefined && overdispersion !== 'none' && overdispersion !== 'additive' && overdispersion !== 'multiplicative')
    throw new RangeError('funnel: overdispersion must be none, additive or multiplicative');
  if (polarity !== undefined && polarity !== 'increase' && polarity !== 'decrease' && polarity !== 'neutral')
    throw new RangeError('funnel: polarity must be increase, decrease or neutral');
}

function funnel(measure: FunnelMeasure, numerators: ArrayLike<number>, sizes: ArrayLike<number>, options: FunnelOptions): FunnelResult {
  checkOptions(measure, options);
  const count = numerators.length;
  const flags = options.suppressed;
  const what = measure === 'proportion' ? { top: 'numerator', bottom: 'denominator' } : { top: 'events', bottom: 'exposure' };
  if (sizes.length !== count) throw new RangeError(`funnel: ${what.top}s and ${what.bottom}s differ in length`);
  if (flags !== undefined && flags.length !== count) throw new RangeError('funnel: suppressed differs in length from the data');

  // Validate, and mark which units are compared (not suppressed, size > 0).
  const included = new Uint8Array(count);
  let suppressed = 0;
  let available = 0;
  let sumTop = 0;
  let sumBottom = 0;
  for (let i = 0; i < count; i += 1) {
    const top = numerators[i] ?? Number.NaN;
    const bottom = sizes[i] ?? Number.NaN;
    if (!Number.isFinite(top)) throw new RangeError(`funnel: ${what.top} at index ${i} is not a finite number`);
    if (!Number.isFinite(bottom)) throw new RangeError(`funnel: ${what.bottom} at index ${i} is not a finite number`);
    if (top < 0) throw new RangeError(`funnel: ${what.top} at index ${i} is negative`);
    if (bottom < 0) throw new RangeError(`funnel: ${what.bottom} at index ${i} is negative`);
    if (measure === 'proportion' && top > bottom) throw new RangeError(`funnel: numerator at index ${i} is greater than its denominator`);
    if (measure === 'rate' && bottom === 0 && top > 0) throw new RangeError(`funnel: events at index ${i} have no exposure`);
    if (flags?.[i]) {
      suppressed += 1;
      continue;
    }
    if (bottom === 0) continue;
    included[i] = 1;
    available += 1;
    sumTop += top;
    sumBottom += bottom;
  }

  const targetSource = options.target === undefined ? 'pooled' : 'set';
  const needed = targetSource === 'pooled' ? MIN_UNITS_POOLED : MIN_UNITS_SET_TARGET;
  if (available < needed) return { kind: 'insufficient-data', needed, available };
  const target = options.target ?? sumTop / sumBottom;

  // Values and z-scores under the target.
  const value = new Float64Array(count).fill(Number.NaN);
  const size = new Float64Array(count).fill(Number.NaN);
  const zScore = new Float64Array(count).fill(Number.NaN);
  const zCompact = new Float64Array(available);
  const seCompact = new Float64Array(available);
  let degenerate = false;
  for (let i = 0, j = 0; i < count; i += 1) {
    if (!included[i]) continue;
    const x = sizes[i] ?? Number.NaN;
    const y = (numerators[i] ?? Number.NaN) / x;
    const se = standardErrorUnderTarget(measure, target, x);
    value[i] = y;
    size[i] = x;
    if (se > 0) zScore[i] = (y - target) / se;
    else degenerate = true;
    zCompact[j] = zScore[i] ?? Number.NaN;
    seCompact[j] = se;
    j += 1;
  }

  const requested = options.overdispersion ?? 'additive';
  let dispersion: FunnelDispersion = { phi: null, overdispersed: false, requested, applied: 'none', tau2: 0, winsorisedAt: null };
  if (available >= MIN_UNITS_FOR_DISPERSION && !degenerate) {
    const estimate = estimateDispersion(zCompact, seCompact, options.winsorise ?? DEFAULT_WINSORISE_FRACTION);
    const applied = estimate.overdispersed ? requested : 'none';
    dispersion = {
      phi: estimate.phi,
      overdispersed: estimate.overdispersed,
      requested,
      applied,
      tau2: applied === 'additive' ? estimate.tau2 : 0,
      winsorisedAt: estimate.winsorisedAt,
    };
  }

  const spec: FunnelLimitSpec = {
    measure,
    target,
    method: options.limits ?? 'exact',
    adjustment: dispersion.applied,
    phi: dispersion.phi ?? 1,
    tau2: dispersion.tau2,
  };
  const unadjustedLimits = emptyLimits(count);
  const limits = dispersion.applied === 'none' ? unadjustedLimits : emptyLimits(count);
  const calculator = new LimitCalculator(spec);
  const row = new Float64Array(4);
  for (let i = 0; i < count; i += 1) {
    if (!included[i]) continue;
    const x = size[i] ?? Number.NaN;
    calculator.limitsAt(x, false, row);
    unadjustedLimits.lower95[i] = row[0] ?? Number.NaN;
    unadjustedLimits.upper95[i] = row[1] ?? Number.NaN;
    unadjustedLimits.lower998[i] = row[2] ?? Number.NaN;
    unadjustedLimits.upper998[i] = row[3] ?? Number.NaN;
    if (limits !== unadjustedLimits) {
      calculator.limitsAt(x, true, row);
      limits.lower95[i] = row[0] ?? Number.NaN;
      limits.upper95[i] = row[1] ?? Number.NaN;
      limits.lower998[i] = row[2] ?? Number.NaN;
      limits.upper998[i] = row[3] ?? Number.NaN;
    }
  }

  const position = classify(value, limits, included);
  const favourability = judge(position, options.polarity ?? 'neutral');
  const counts: Record<FunnelPosition, number> = { inside: 0, above_95: 0, above_998: 0, below_95: 0, below_998: 0 };
  for (let i = 0; i < count; i += 1) {
    const name = FUNNEL_POSITIONS[position[i] ?? POSITION_NONE];
    if (name) counts[name] += 1;
  }
  return {
    kind: 'funnel',
    measure,
    targetSource,
    spec,
    dispersion,
    units: available,
    suppressed,
    value,
    size,
    zScore,
    limits,
    unadjustedLimits,
    position,
    favourability,
    counts,
  };
}

function emptyLimits(count: number): FunnelLimits {
  return {
    lower95: new Float64Array(count).fill(Number.NaN),
    upper95: new Float64Array(count).fill(Number.NaN),
    lower998: new Float64Array(count).fill(Number.NaN),
    upper998: new Float64Array(count).fill(Number.NaN),
  };
}

/**
 * Position of each value against its limits (strictly beyond a limit is outside; on it is inside).
 * `include` marks the units to classify; the rest get POSITION_NONE.
 */
export function classify(value: ArrayLike<number>, limits: FunnelLimits, include?: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i += 1) {
    if (include && !include[i]) continue;
    const y = value[i] ?? Number.NaN;
    if (Number.isNaN(y)) continue;
    out[i] =
      y > (limits.upper998[i] ?? Number.NaN)
        ? POSITION_ABOVE_998
        : y > (limits.upper95[i] ?? Number.NaN)
          ? POSITION_ABOVE_95
          : y < (limits.lower998[i] ?? Number.NaN)
            ? POSITION_BELOW_998
            : y < (limits.lower95[i] ?? Number.NaN)
              ? POSITION_BELOW_95
              : POSITION_INSIDE;
  }
  return out;
}

/** Favourable / unfavourable for each outside position, given which direction is better. */
export function judge(position: Uint8Array, polarity: Polarity): Uint8Array {
  const out = new Uint8Array(position.length);
  if (polarity === 'neutral') return out;
  const high = polarity === 'increase' ? FAVOURABLE : UNFAVOURABLE;
  const low = polarity === 'increase' ? UNFAVOURABLE : FAVOURABLE;
  for (let i = 0; i < position.length; i += 1) {
    const p = position[i];
    if (p === POSITION_ABOVE_95 || p === POSITION_ABOVE_998) out[i] = high;
    else if (p === POSITION_BELOW_95 || p === POSITION_BELOW_998) out[i] = low;
  }
  return out;
}

/** One plotted unit as a plain record (for tables, charts and JSON). */
export interface FunnelPoint {
  index: number;
  value: number;
  size: number;
  zScore: number | null;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  position: FunnelPosition;
  favourability: Favourability | null;
}

/** The plotted units of a funnel as records, in input order (suppressed and empty units omitted). */
export function funnelPoints(plot: FunnelPlot): FunnelPoint[] {
  const points: FunnelPoint[] = [];
  for (let i = 0; i < plot.position.length; i += 1) {
    const position = FUNNEL_POSITIONS[plot.position[i] ?? POSITION_NONE];
    if (!position) continue;
    const z = plot.zScore[i] ?? Number.NaN;
    points.push({
      index: i,
      value: plot.value[i] ?? Number.NaN,
      size: plot.size[i] ?? Number.NaN,
      zScore: Number.isNaN(z) ? null : z,
      lower95: plot.limits.lower95[i] ?? Number.NaN,
      upper95: plot.limits.upper95[i] ?? Number.NaN,
      lower998: plot.limits.lower998[i] ?? Number.NaN,
      upper998: plot.limits.upper998[i] ?? Number.NaN,
      position,
      favourability: FAVOURABILITIES[plot.favourability[i] ?? FAVOURABILITY_NONE] ?? null,
    });
  }
  return points;
}

export { funnelLimitsAt, type DispersionAdjustment, type FunnelLimitSpec, type FunnelLimits, type FunnelMeasure, type LimitMethod } from './limits.ts';
