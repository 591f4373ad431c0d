import type { ASSURANCE_NAMES, POINT_TYPE_NAMES, RULE_NAMES, VARIATION_NAMES } from './constants.ts';

export type Improvement = 'increase' | 'decrease' | 'neutral';
export type SpcProfile = 'mdc' | 'ptd';
export type ConflictSetting = 'improvement' | 'concern';

/** Options of one SPC chart, as the `vitals spc` CLI contract names them (issue 3). */
export interface SpcOptions {
  readonly improvement: Improvement;
  /** `mdc` (default): NHS England's Making Data Count tools; `ptd`: NHSRplotthedots 0.2.2. */
  readonly profile?: SpcProfile;
  /** Assurance target; no assurance icon without one (or for a neutral measure). */
  readonly target?: number;
  /** 0-based indices where a new group (recalculation) starts. */
  readonly rebase?: readonly number[];
  /** Fix each group's mean and limits on its first n points. */
  readonly fixAfter?: number;
  /** mdc only: fix the first group's mean and limits on its first n points. */
  readonly baseline?: number;
  /** Moving-range screening; mdc default off, ptd default on. */
  readonly screenOutliers?: boolean;
  /** Points in a shift run (6–8); mdc default 6, ptd 7. */
  readonly shift?: number;
  /** Points in a trend run (6–8); mdc default 6, ptd 7. */
  readonly trend?: number;
  /** mdc only: which side wins when one point is flagged both ways (default `improvement`). */
  readonly conflict?: ConflictSetting;
}

export type SpcPointType = (typeof POINT_TYPE_NAMES)[number];
export type SpcRule = (typeof RULE_NAMES)[number][1];
export type SpcVariation = Exclude<(typeof VARIATION_NAMES)[number], null>;
export type SpcAssurance = Exclude<(typeof ASSURANCE_NAMES)[number], null>;

export interface SpcPoint {
  type: SpcPointType;
  rules: SpcRule[];
}

/**
 * One chart, one entry per input value. `null` where a number is undefined: limits of a short mdc
 * series or of a group without moving ranges, the mean of a group without values.
 */
export interface SpcResult {
  mean: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  points: SpcPoint[];
  variation: SpcVariation | null;
  assurance: SpcAssurance | null;
}

/** Options resolved to numbers for the kernel (see `resolveSpcSettings`). */
export interface SpcSettings {
  readonly profile: SpcProfile;
  /** +1 increase is better, -1 decrease is better, 0 neutral. */
  readonly direction: -1 | 0 | 1;
  /** NaN when there is no target. */
  readonly target: number;
  /** Sorted, distinct group starts relative to the series start; always begins with 0. */
  readonly groupStarts: Int32Array;
  /** 0 = not fixed. */
  readonly fixAfter: number;
  /** 0 = no baseline (mdc only). */
  readonly baseline: number;
  readonly screenOutliers: boolean;
  readonly shift: number;
  readonly trend: number;
  /** mdc: +1 the improvement side wins a conflict, -1 the concern side. */
  readonly conflict: -1 | 1;
}

/** Preallocated outputs of the kernel, indexed like the input values. */
export interface SpcBuffers {
  readonly mean: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Point classification code (`POINT_*`). */
  readonly type: Uint8Array;
  /** Bitmask of `RULE_*`. */
  readonly rules: Uint8Array;
}

/** A problem with the options, naming the field (e.g. `rebase[1]`). */
export interface SpcProblem {
  readonly field: string;
  readonly message: string;
}
