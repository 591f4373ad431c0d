/**
 * Named constants of XmR statistical process control as ../shared/methods/spc.md states them, and
 * the small integer codes the low-level kernel writes into typed arrays.
 */

/** Process limits sit at `mean ± 2.66·mR̄` (spc.md "Common to both profiles"). */
export const LIMIT_FACTOR = 2.66;

/**
 * "Near" (two-sigma) lines sit at `mean ± (2/3)·2.66·mR̄`. Written exactly as NHSRplotthedots
 * computes it (`limitclose <- 2 * (limit / 3)`) so the double is bit-for-bit the same.
 */
export const NEAR_FACTOR = 2 * (LIMIT_FACTOR / 3);

/** Moving-range screening drops ranges at or above (ptd) / above (mdc) `3.267·mR̄`. */
export const SCREEN_FACTOR = 3.267;

/** mdc: limits, rules and icons need at least this many (non-null) points in the series. */
export const MDC_MIN_POINTS = 13;

/** ptd: `fixAfter` must be at least this (NHSRplotthedots `ptd_spc_options`). */
export const PTD_MIN_FIX_AFTER = 12;

/** Run lengths: mdc defaults to 6 (per metric 6–8); ptd uses 7. */
export const MDC_DEFAULT_RUN = 6;
export const PTD_RUN = 7;
export const MIN_RUN = 6;
export const MAX_RUN = 8;

/** Point classification codes (Uint8Array `type`). */
export const POINT_COMMON = 0;
export const POINT_IMPROVEMENT = 1;
export const POINT_CONCERN = 2;
export const POINT_NEUTRAL_HIGH = 3;
export const POINT_NEUTRAL_LOW = 4;

/** Rule bits (Uint8Array `rules`): every rule a point takes part in. */
export const RULE_OUTSIDE = 1;
export const RULE_SHIFT = 2;
export const RULE_TREND = 4;
export const RULE_TWO_OF_THREE = 8;

/** Variation icon codes; 0 means no icon (null). */
export const VARIATION_NONE = 0;
export const VARIATION_COMMON = 1;
export const VARIATION_IMPROVEMENT_HIGH = 2;
export const VARIATION_IMPROVEMENT_LOW = 3;
export const VARIATION_CONCERN_HIGH = 4;
export const VARIATION_CONCERN_LOW = 5;
export const VARIATION_NEUTRAL_HIGH = 6;
export const VARIATION_NEUTRAL_LOW = 7;

/** Assurance icon codes; 0 means no icon (null). */
export const ASSURANCE_NONE = 0;
export const ASSURANCE_PASS = 1;
export const ASSURANCE_FAIL = 2;
export const ASSURANCE_HIT_AND_MISS = 3;

/** The kernel returns both icons packed in one small integer: `variation | assurance << 3`. */
export const ASSURANCE_SHIFT = 3;
export const VARIATION_MASK = 7;

export const POINT_TYPE_NAMES = [
  'common_cause',
  'special_cause_improvement',
  'special_cause_concern',
  'special_cause_neutral_high',
  'special_cause_neutral_low',
] as const;

export const RULE_NAMES = [
  [RULE_OUTSIDE, 'outside_limits'],
  [RULE_SHIFT, 'shift'],
  [RULE_TREND, 'trend'],
  [RULE_TWO_OF_THREE, 'two_of_three'],
] as const;

export const VARIATION_NAMES = [
  null,
  'common_cause',
  'improvement_high',
  'improvement_low',
  'concern_high',
  'concern_low',
  'neutral_high',
  'neutral_low',
] as const;

export const ASSURANCE_NAMES = [null, 'pass', 'fail', 'hit_and_miss'] as const;
