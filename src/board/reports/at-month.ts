import type { SeriesData } from '#src/metrics/schema.ts';
import { ASSURANCE_NAMES, POINT_TYPE_NAMES, spcAssuranceCode, spcVariationCode, VARIATION_NAMES } from '#src/stats/spc/index.ts';

/** Whether a series period ('YYYY-MM', or 'YYYY' for a yearly survey) is at or before the report month. */
export function periodAtOrBefore(period: string, month: string): boolean {
  return period.length === 4 ? period <= month.slice(0, 4) : period <= month;
}

/** The index of the period a report for `month` shows: the last at or before it; -1 when none is. */
export function periodIndexAt(periods: readonly string[], month: string): number {
  let found = -1;
  for (let i = 0; i < periods.length; i++) if (periodAtOrBefore(periods[i] ?? '', month)) found = i;
  return found;
}

/** The series up to and including `index`, as the report's chart and table show it. */
export function seriesUpTo(data: SeriesData, index: number): SeriesData {
  const end = index + 1;
  return {
    periods: data.periods.slice(0, end),
    numerators: data.numerators.slice(0, end),
    denominators: data.denominators.slice(0, end),
    values: data.values.slice(0, end),
    suppressed: data.suppressed.slice(0, end),
    mean: data.mean.slice(0, end),
    lower: data.lower.slice(0, end),
    upper: data.upper.slice(0, end),
    pointTypes: data.pointTypes.slice(0, end),
    funnel: null,
  };
}

const DIRECTION = { increase: 1, decrease: -1, neutral: 0 } as const;

/**
 * Making Data Count's icons at `index` of a stored series, as the engine names them for the latest
 * point (src/stats/spc/kernel.ts): the variation of the last charted point at or before it and the
 * assurance from that point's limits and the target. A chart too short for limits (mdc: fewer than
 * 13 points, stored without limits anywhere) has no icons. At the series' last period this gives
 * exactly the scorecard's `variation` and `assurance`.
 */
export function iconsAt(
  data: SeriesData,
  index: number,
  polarity: keyof typeof DIRECTION,
  target: number | null,
): { variation: string | null; assurance: string | null } {
  const none = { variation: null, assurance: null };
  if (data.lower.every((limit) => limit === null)) return none;
  let last = index;
  while (last >= 0 && (data.values[last] ?? null) === null) last--;
  if (last < 0) return none;
  const direction = DIRECTION[polarity];
  const type = POINT_TYPE_NAMES.indexOf(data.pointTypes[last] as (typeof POINT_TYPE_NAMES)[number]);
  const variation = VARIATION_NAMES[spcVariationCode(Math.max(type, 0), direction)] ?? null;
  const assurance = ASSURANCE_NAMES[spcAssuranceCode('mdc', direction, target ?? Number.NaN, data.lower[last] ?? Number.NaN, data.upper[last] ?? Number.NaN)] ?? null;
  return { variation, assurance };
}
