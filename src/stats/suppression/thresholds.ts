/**
 * Minimum group sizes (`../shared/methods/suppression.md` "Minimum group sizes"): the defaults, and
 * the floors below which an analyst may never lower them.
 */

export interface MinimumGroupSize {
  /** What the group size counts. */
  countedOver: string;
  default: number;
  floor: number;
}

export const MINIMUM_GROUP_SIZES = {
  /** Staff and pulse survey results, team reflections: the NHS Staff Survey does not report groups under 11. */
  survey: { countedOver: 'respondents', default: 11, floor: 11 },
  /** Sickness, turnover, appraisal, training rates: common NHS disclosure practice for small counts. */
  workforce: { countedOver: 'headcount in the denominator', default: 5, floor: 3 },
  /** Speak-up counts and themes: a concern in a small team points at its author. */
  speakUp: { countedOver: 'staff in the unit', default: 50, floor: 20 },
  /** Protected-characteristic breakdowns: equality reporting practice. */
  edi: { countedOver: 'people in the cell', default: 10, floor: 5 },
  /** 360° feedback rater groups. */
  feedback360: { countedOver: 'raters', default: 3, floor: 3 },
} as const satisfies Record<string, MinimumGroupSize>;

export type SuppressionMetric = keyof typeof MINIMUM_GROUP_SIZES;

/**
 * The minimum group size N for a metric: the analyst's setting if given, else the default. A
 * setting below the floor, or not a whole number, is a programming error here (forms validate it
 * against `MINIMUM_GROUP_SIZES[metric].floor` first), so it throws.
 */
export function minimumGroupSize(metric: SuppressionMetric, setting?: number): number {
  const rule = MINIMUM_GROUP_SIZES[metric];
  if (setting === undefined) return rule.default;
  if (!Number.isInteger(setting)) throw new RangeError(`suppression: the minimum group size for ${metric} must be a whole number`);
  if (setting < rule.floor) throw new RangeError(`suppression: the minimum group size for ${metric} cannot be below ${rule.floor}`);
  return setting;
}
