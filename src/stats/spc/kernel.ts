import { compensatedMean, sumError } from './accurate-mean.ts';
import {
  ASSURANCE_FAIL,
  ASSURANCE_HIT_AND_MISS,
  ASSURANCE_NONE,
  ASSURANCE_PASS,
  ASSURANCE_SHIFT,
  LIMIT_FACTOR,
  MDC_MIN_POINTS,
  NEAR_FACTOR,
  POINT_COMMON,
  POINT_CONCERN,
  POINT_IMPROVEMENT,
  POINT_NEUTRAL_HIGH,
  POINT_NEUTRAL_LOW,
  RULE_OUTSIDE,
  RULE_SHIFT,
  RULE_TREND,
  RULE_TWO_OF_THREE,
  SCREEN_FACTOR,
  VARIATION_COMMON,
  VARIATION_CONCERN_HIGH,
  VARIATION_CONCERN_LOW,
  VARIATION_IMPROVEMENT_HIGH,
  VARIATION_IMPROVEMENT_LOW,
  VARIATION_MASK,
  VARIATION_NEUTRAL_HIGH,
  VARIATION_NEUTRAL_LOW,
  VARIATION_NONE,
} from './constants.ts';
import type { SpcBuffers, SpcProfile, SpcSettings } from './types.ts';

/*
 * The XmR kernel of ../shared/methods/spc.md: one series in, typed arrays out, no allocation.
 *
 * Missing values are NaN. How they behave differs by profile, and is a choice where spc.md only
 * says "missing values keep their place in time but take part in no mean, range or rule":
 * - mdc: the rules and moving ranges see the series with its gaps closed up, as the MDC SQL tool
 *   sees a table without its empty months: a range spans a gap (|y_i − y_prev|), and a run of
 *   points (shift, trend, two of three) continues across it. Counts of points (the 13-point
 *   minimum, baseline and fixAfter) count values, not months.
 * - ptd: as NHSRplotthedots 0.2.2: a range next to a missing value is missing (`diff` gives NA),
 *   every 7-window and 3-window containing it fails, so a gap breaks runs, and `fixAfter` counts
 *   rows. (R itself stops with "missing value where TRUE/FALSE needed" when a 7-window holding an NA
 *   has every other move in the same direction; Vitals treats that window as broken too.)
 */

/** Temporary trend-direction bits (mdc), held in `type` until the final pass overwrites it. */
const TREND_UP = 1;
const TREND_DOWN = 2;
const SIDE_RULES = RULE_OUTSIDE | RULE_SHIFT | RULE_TWO_OF_THREE;

/** Allocates output buffers for `length` points. */
export function createSpcBuffers(length: number): SpcBuffers {
  return {
    mean: new Float64Array(length),
    lower: new Float64Array(length),
    upper: new Float64Array(length),
    type: new Uint8Array(length),
    rules: new Uint8Array(length),
  };
}

// Group statistics are returned through these slots so the hot path allocates nothing.
let groupMean = 0;
let groupAmr = 0;
let groupPresent = 0;
let rangeScratch = new Float64Array(64);

/**
 * Centre line and mean moving range of one group (spc.md "Common to both profiles"): the mean of
 * the basis values and the mean of the moving ranges inside the basis, where the basis is the
 * whole group or its first `fixAfter` points (mdc: the first group's first `baseline` points when
 * a baseline is set). With screening on, ranges ≥ 3.267·mR̄ (ptd) or > 3.267·mR̄ (mdc) are dropped
 * and mR̄ recomputed once; mdc also recomputes the mean without the points whose range was dropped
 * (the later point of each pair: a range belongs to the point it ends at), ptd keeps the mean.
 */
function groupStatistics(v: Float64Array, gs: number, ge: number, s: SpcSettings, mdc: boolean, first: boolean): void {
  let be = ge;
  const fix = mdc && first && s.baseline > 0 ? s.baseline : s.fixAfter;
  if (fix > 0) {
    if (mdc) {
      let count = 0;
      be = gs;
      while (be < ge && count < fix) {
        const y = v[be]!;
        if (y === y) count++;
        be++;
      }
    } else be = Math.min(ge, gs + fix);
  }
  if (rangeScratch.length < be - gs) rangeScratch = new Float64Array(2 * (be - gs));
  const ranges = rangeScratch;

  let sum = 0;
  let comp = 0;
  let count = 0;
  let rSum = 0;
  let rComp = 0;
  let rCount = 0;
  let prev = Number.NaN;
  for (let i = gs; i < be; i++) {
    const y = v[i]!;
    if (y !== y) {
      if (!mdc) prev = Number.NaN;
      continue;
    }
    let t = sum + y;
    comp += sumError(sum, y, t);
    sum = t;
    count++;
    if (prev === prev) {
      const r = Math.abs(y - prev);
      ranges[rCount++] = r;
      t = rSum + r;
      rComp += sumError(rSum, r, t);
      rSum = t;
    }
    prev = y;
  }
  let mean = compensatedMean(sum, comp, count);
  let amr = compensatedMean(rSum, rComp, rCount);
  groupPresent = count;

  if (s.screenOutliers && rCount > 0) {
    const cut = SCREEN_FACTOR * amr;
    rSum = rComp = 0;
    let kept = 0;
    if (!mdc) {
      for (let k = 0; k < rCount; k++) {
        const r = ranges[k]!;
        if (r < cut) {
          const t = rSum + r;
          rComp += sumError(rSum, r, t);
          rSum = t;
          kept++;
        }
      }
    } else {
      // mdc: a dropped range also drops the point it ends at from the mean.
      sum = comp = 0;
      count = 0;
      let k = 0;
      let first = true;
      for (let i = gs; i < be; i++) {
        const y = v[i]!;
        if (y !== y) continue;
        let keepPoint = true;
        if (!first) {
          const r = ranges[k++]!;
          if (r <= cut) {
            const t = rSum + r;
            rComp += sumError(rSum, r, t);
            rSum = t;
            kept++;
          } else keepPoint = false;
        }
        first = false;
        if (keepPoint) {
          const t = sum + y;
          comp += sumError(sum, y, t);
          sum = t;
          count++;
        }
      }
      mean = compensatedMean(sum, comp, count);
    }
    amr = compensatedMean(rSum, rComp, kept);
  }
  groupMean = mean;
  groupAmr = amr;
}

// Indices of points that take part in any rule, so the labelling pass visits only those.
let flaggedScratch = new Int32Array(64);

/**
 * Marks the last `n` present points up to index `to` with `bit` (and, for an mdc trend, its
 * direction in `bits`, the `type` array until the labelling pass); returns the new flagged count.
 */
function markBack(rules: Uint8Array, bits: Uint8Array, v: Float64Array, to: number, n: number, bit: number, dirBit: number, flagged: Int32Array, count: number): number {
  for (let k = to; n > 0; k--) {
    if (v[k]! !== v[k]!) continue;
    n--;
    if (rules[k] === 0) flagged[count++] = k;
    rules[k]! |= bit;
    bits[k]! |= dirBit;
  }
  return count;
}

function isGroupStart(starts: Int32Array, offset: number): boolean {
  for (let g = 0; g < starts.length; g++) if (starts[g] === offset) return true;
  return false;
}

function classify(dir: number, direction: number): number {
  if (direction === 0) return dir > 0 ? POINT_NEUTRAL_HIGH : POINT_NEUTRAL_LOW;
  return dir === direction ? POINT_IMPROVEMENT : POINT_CONCERN;
}

/**
 * The assurance icon code from the last point's limits (spc.md "Assurance icon"). For "increase
 * is better" a target beyond the lower limit is a pass and beyond the upper a fail; mirrored for
 * "decrease". mdc counts a target exactly on a limit as beyond it, checking pass first (so a
 * constant series sitting on its target passes); without limits there is no icon. ptd is strict
 * and, like NHSRplotthedots (`case_when` falls through on NA), undefined limits give hit and miss.
 */
export function spcAssuranceCode(profile: SpcProfile, direction: number, target: number, lower: number, upper: number): number {
  if (direction === 0 || target !== target) return ASSURANCE_NONE;
  if (profile === 'ptd') {
    if (target > upper) return direction > 0 ? ASSURANCE_FAIL : ASSURANCE_PASS;
    if (target < lower) return direction > 0 ? ASSURANCE_PASS : ASSURANCE_FAIL;
    return ASSURANCE_HIT_AND_MISS;
  }
  if (lower !== lower || upper !== upper) return ASSURANCE_NONE;
  if (direction > 0) return target <= lower ? ASSURANCE_PASS : target >= upper ? ASSURANCE_FAIL : ASSURANCE_HIT_AND_MISS;
  return target >= upper ? ASSURANCE_PASS : target <= lower ? ASSURANCE_FAIL : ASSURANCE_HIT_AND_MISS;
}

/** The variation icon code for a point type, named by side (spc.md "Variation icon"). */
export function spcVariationCode(type: number, direction: number): number {
  switch (type) {
    case POINT_IMPROVEMENT:
      return direction > 0 ? VARIATION_IMPROVEMENT_HIGH : VARIATION_IMPROVEMENT_LOW;
    case POINT_CONCERN:
      return direction > 0 ? VARIATION_CONCERN_LOW : VARIATION_CONCERN_HIGH;
    case POINT_NEUTRAL_HIGH:
      return VARIATION_NEUTRAL_HIGH;
    case POINT_NEUTRAL_LOW:
      return VARIATION_NEUTRAL_LOW;
    default:
      return VARIATION_COMMON;
  }
}

/**
 * XmR chart of `values[start .. start+length)` (NaN = missing) under resolved `settings`, written
 * into `out` at the same indices: per point the group's mean, lower and upper process limits (NaN
 * where undefined), the classification code and the bitmask of rules it takes part in. Returns the
 * icons packed as `variation | assurance << ASSURANCE_SHIFT` (0 = no icon). Throws a RangeError for
 * an infinite value. `settings.groupStarts` must lie inside the series (see `resolveSpcSettings`).
 *
 * Rules per spc.md: a point strictly outside a process limit; a shift of `shift` points strictly
 * on one side of the mean (a point on the mean breaks it); a trend of `trend` points each strictly
 * above (below) the one before (a tie breaks it); two of three consecutive points strictly on one
 * side with at least two beyond the near line (mdc: beyond-near points count, limits included;
 * ptd: only points strictly between the near line and the limit count). Every point of a qualifying
 * run or window is marked; two of three marks only the counted points. Shift and two of three stay
 * inside a group; the trend crosses group starts in mdc but not in ptd.
 *
 * Labelling: mdc takes the side of every rule a point is in (a trend's side is its direction) and,
 * when they disagree, the `conflict` setting picks improvement or concern (neutral: the side of the
 * mean, or for a turning point on the mean the direction of the move into it). ptd follows
 * NHSRplotthedots: outside limits > trend > two of three > shift, the winner's direction decides,
 * and a trend point takes the direction of the next move when the next point is also in a trend,
 * else of the previous move (a tie there reads as decreasing, as `ifelse(sdy == 1, "In", "De")`).
 */
export function spcKernel(values: Float64Array, start: number, length: number, settings: SpcSettings, out: SpcBuffers): number {
  const v = values;
  const { mean: meanOut, lower, upper, type, rules } = out;
  const end = start + length;
  const mdc = settings.profile === 'mdc';
  const direction = settings.direction;
  const shiftN = settings.shift;
  const trendN = settings.trend;
  const starts = settings.groupStarts;
  const groups = starts.length;
  if (flaggedScratch.length < length) flaggedScratch = new Int32Array(2 * length);
  const flagged = flaggedScratch;
  let nf = 0;

  // mdc draws limits only with 13 values; for the common single unfixed group the statistics pass
  // counts them anyway.
  let short = false;
  let firstDone = false;
  if (mdc) {
    let present = 0;
    if (groups === 1 && settings.fixAfter === 0 && settings.baseline === 0) {
      groupStatistics(v, start, end, settings, true, true);
      present = groupPresent;
      firstDone = true;
    } else for (let i = start; i < end; i++) if (v[i]! === v[i]!) present++;
    short = present < MDC_MIN_POINTS;
  }

  // Trend state (consecutive rises and falls); mdc carries it across group starts, ptd starts
  // afresh in each group.
  const trendMoves = trendN - 1;
  let riseLen = 0;
  let fallLen = 0;
  let prevY = Number.NaN;

  for (let g = 0; g < groups; g++) {
    const gs = start + starts[g]!;
    const ge = g + 1 < groups ? start + starts[g + 1]! : end;
    if (!(firstDone && g === 0)) groupStatistics(v, gs, ge, settings, mdc, g === 0);
    const m = groupMean;
    if (short) {
      for (let i = gs; i < ge; i++) {
        const y = v[i]!;
        if (y === Infinity || y === -Infinity) throw new RangeError(`values[${i - start}] is not a finite number (${y})`);
        meanOut[i] = m;
        lower[i] = Number.NaN;
        upper[i] = Number.NaN;
        type[i] = POINT_COMMON;
        rules[i] = 0;
      }
      continue;
    }
    const a = groupAmr;
    const lo = m - LIMIT_FACTOR * a;
    const hi = m + LIMIT_FACTOR * a;
    const nearLo = m - NEAR_FACTOR * a;
    const nearHi = m + NEAR_FACTOR * a;

    // One pass: outputs, outside limits, two of three, shift and trend. Comparisons are taken as
    // 0/1 integers and run lengths counted arithmetically, so noisy data cost no mispredicted
    // branches; only the rare events (a run reaching its length, a qualifying window) branch.
    let w1 = 0; // the previous two points of the two-of-three window (side 0 = no point)
    let w2 = 0;
    let s1 = 0;
    let s2 = 0;
    let n1 = 0;
    let n2 = 0;
    let aboveLen = 0; // consecutive points strictly above / below the mean
    let belowLen = 0;
    if (!mdc) {
      riseLen = fallLen = 0;
      prevY = Number.NaN;
    }
    for (let i = gs; i < ge; i++) {
      meanOut[i] = m;
      lower[i] = lo;
      upper[i] = hi;
      type[i] = 0;
      const y = v[i]!;
      if (y - y !== 0) {
        if (y === y) throw new RangeError(`values[${i - start}] is not a finite number (${y})`);
        rules[i] = 0;
        if (!mdc) {
          s1 = s2 = 0;
          aboveLen = belowLen = riseLen = fallLen = 0;
          prevY = Number.NaN;
        }
        continue;
      }
      const up = +(y > m);
      const dn = +(y < m);
      const side = up - dn;
      const outside = +(y > hi) | +(y < lo);
      const near = mdc ? (up & +(y > nearHi)) | (dn & +(y < nearLo)) : (outside ^ 1) & (+(y < nearLo) | +(y > nearHi));
      let r = outside; // RULE_OUTSIDE is 1
      if ((+(side !== 0) & +(side === s1) & +(side === s2) & +(near + n1 + n2 >= 2)) !== 0) {
        r |= near * RULE_TWO_OF_THREE;
        if (n1 !== 0) nf = markBack(rules, type, v, w1, 1, RULE_TWO_OF_THREE, 0, flagged, nf);
        if (n2 !== 0) nf = markBack(rules, type, v, w2, 1, RULE_TWO_OF_THREE, 0, flagged, nf);
      }
      rules[i] = r;
      if (r !== 0) flagged[nf++] = i;
      w2 = w1;
      s2 = s1;
      n2 = n1;
      w1 = i;
      s1 = side;
      n1 = near;

      aboveLen = (aboveLen + 1) & -up;
      belowLen = (belowLen + 1) & -dn;
      if ((+(aboveLen >= shiftN) | +(belowLen >= shiftN)) !== 0) {
        nf = markBack(rules, type, v, i, (aboveLen | belowLen) === shiftN ? shiftN : 1, RULE_SHIFT, 0, flagged, nf);
      }

      const rise = +(y > prevY); // both 0 after a gap (prevY NaN) and on a tie
      const fall = +(y < prevY);
      riseLen = (riseLen + 1) & -rise;
      fallLen = (fallLen + 1) & -fall;
      if ((+(riseLen >= trendMoves) | +(fallLen >= trendMoves)) !== 0) {
        const n = (riseLen | fallLen) === trendMoves ? trendN : 1;
        nf = markBack(rules, type, v, i, n, RULE_TREND, mdc ? (rise !== 0 ? TREND_UP : TREND_DOWN) : 0, flagged, nf);
      }
      prevY = y;
    }
  }
  if (short) return VARIATION_NONE;

  // Labelling pass over the flagged points only.
  for (let f = 0; f < nf; f++) {
    const i = flagged[f]!;
    const r = rules[i]!;
    const y = v[i]!;
    const m = meanOut[i]!;
    const side = y > m ? 1 : y < m ? -1 : 0;
    let dir: number;
    if (mdc) {
      const bits = type[i]!;
      const sided = (r & SIDE_RULES) !== 0;
      const high = (sided && side > 0) || (bits & TREND_UP) !== 0;
      const low = (sided && side < 0) || (bits & TREND_DOWN) !== 0;
      if (high && low) {
        if (direction !== 0) dir = settings.conflict * direction;
        else if (side !== 0) dir = side;
        else {
          // a turning point on the mean: a peak (reached by a rise) is high
          let k = i - 1;
          while (v[k]! !== v[k]!) k--;
          dir = y > v[k]! ? 1 : -1;
        }
      } else dir = high ? 1 : -1;
    } else if ((r & RULE_OUTSIDE) !== 0) dir = side === 1 ? 1 : -1;
    else if ((r & RULE_TREND) !== 0) {
      const nextInTrend = i + 1 < end && (rules[i + 1]! & RULE_TREND) !== 0 && !isGroupStart(starts, i + 1 - start);
      const step = nextInTrend ? v[i + 1]! - y : isGroupStart(starts, i - start) ? 0 : y - v[i - 1]!;
      dir = step > 0 ? 1 : -1;
    } else dir = side > 0 ? 1 : -1;
    type[i] = classify(dir, direction);
  }

  if (length === 0) return VARIATION_NONE;
  let last = end - 1;
  if (mdc) while (last >= start && v[last]! !== v[last]!) last--;
  if (last < start) return VARIATION_NONE;
  const variation = spcVariationCode(type[last]!, direction) & VARIATION_MASK;
  const assurance = spcAssuranceCode(settings.profile, direction, settings.target, lower[last]!, upper[last]!);
  return variation | (assurance << ASSURANCE_SHIFT);
}

/** Icons of a batch, one entry per series (codes as `VARIATION_*` / `ASSURANCE_*`). */
export interface SpcBatchIcons {
  readonly variation: Uint8Array;
  readonly assurance: Uint8Array;
}

/**
 * Runs the kernel over `values.length / seriesLength` series laid end to end, all with the same
 * settings, writing per-point outputs into `out` and icons into `icons` (one entry per series).
 */
export function spcBatch(values: Float64Array, seriesLength: number, settings: SpcSettings, out: SpcBuffers, icons: SpcBatchIcons): void {
  if (seriesLength <= 0 || values.length % seriesLength !== 0) throw new RangeError(`spcBatch: ${values.length} values do not split into series of ${seriesLength}`);
  const series = values.length / seriesLength;
  for (let k = 0; k < series; k++) {
    const packed = spcKernel(values, k * seriesLength, seriesLength, settings, out);
    icons.variation[k] = packed & VARIATION_MASK;
    icons.assurance[k] = packed >> ASSURANCE_SHIFT;
  }
}
