import type { SeriesData, SuppressionCode } from '#src/metrics/schema.ts';

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

const SUPPRESSION_REASONS: Record<SuppressionCode, string | null> = {
  0: null,
  1: 'below-minimum-group-size',
  2: 'hidden-so-another-value-cannot-be-worked-out',
};

export interface SeriesRow {
  metricKey: string;
  data: SeriesData;
  latestPeriod: string | null;
  variation: string | null;
  assurance: string | null;
  funnelPosition: string | null;
}

export interface ScorecardCell {
  metric: string;
  /** The period the figures are for: the month asked for, or for a yearly survey the latest year up to it; null without data. */
  period: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
  /** SPC classification of this period's point. */
  pointType: string | null;
  /** Variation and assurance icons and funnel position describe the latest period only; null for earlier ones. */
  variation: string | null;
  assurance: string | null;
  funnelPosition: string | null;
}

const isYearly = (data: SeriesData) => data.periods.length > 0 && data.periods.every((period) => period.length === 4);

function periodIndex(data: SeriesData, month: string): number {
  if (!isYearly(data)) return data.periods.indexOf(month);
  const year = month.slice(0, 4);
  let found = -1;
  data.periods.forEach((period, index) => {
    if (period <= year) found = index;
  });
  return found;
}

/**
 * One published cell for the API, read only from the engine's published series: a suppressed
 * point has no value, numerator or denominator, whatever the stored arrays hold.
 */
export function publishedCell(series: SeriesRow, month: string): ScorecardCell {
  const { data } = series;
  const index = periodIndex(data, month);
  const period = index < 0 ? null : (data.periods[index] ?? null);
  const code: SuppressionCode = index < 0 ? 0 : (data.suppressed[index] ?? 0);
  const isShown = index >= 0 && code === 0;
  const isLatest = period !== null && period === series.latestPeriod;
  return {
    metric: series.metricKey,
    period,
    value: isShown ? (data.values[index] ?? null) : null,
    numerator: isShown ? (data.numerators[index] ?? null) : null,
    denominator: isShown ? (data.denominators[index] ?? null) : null,
    suppressed: code !== 0,
    suppressionReason: SUPPRESSION_REASONS[code],
    pointType: index < 0 ? null : (data.pointTypes[index] ?? null),
    variation: isLatest ? series.variation : null,
    assurance: isLatest ? series.assurance : null,
    funnelPosition: isLatest ? series.funnelPosition : null,
  };
}

/** The latest month any of the series has (yearly survey periods do not count). */
export function latestMonth(series: readonly SeriesRow[]): string | undefined {
  let latest: string | undefined;
  for (const row of series) {
    for (const period of row.data.periods) if (PERIOD_PATTERN.test(period) && (latest === undefined || period > latest)) latest = period;
  }
  return latest;
}
