import { describe, expect, it } from 'vitest';
import type { SeriesData } from '#src/metrics/schema.ts';
import { latestMonth, publishedCell, type SeriesRow } from './scorecard.ts';

function series(metricKey: string, points: [string, number | null, number | null, number | null, 0 | 1 | 2][]): SeriesRow {
  const data: SeriesData = {
    periods: points.map((p) => p[0]),
    values: points.map((p) => p[1]),
    numerators: points.map((p) => p[2]),
    denominators: points.map((p) => p[3]),
    suppressed: points.map((p) => p[4]),
    mean: points.map(() => null),
    lower: points.map(() => null),
    upper: points.map(() => null),
    pointTypes: points.map((_, i) => (i === points.length - 1 ? 'special_cause_concern' : 'common_cause')),
    funnel: null,
  };
  return { metricKey, data, latestPeriod: points.at(-1)?.[0] ?? null, variation: 'concern_high', assurance: 'fail', funnelPosition: 'above_998' };
}

describe('publishedCell', () => {
  const monthly = series('sickness_absence_rate', [
    ['2026-08', 4.2, 42, 1000, 0],
    ['2026-09', null, 3, 20, 1],
  ]);

  it('gives a shown month its figures, and the latest icons only for the latest month', () => {
    expect(publishedCell(monthly, '2026-08')).toEqual({
      metric: 'sickness_absence_rate',
      period: '2026-08',
      value: 4.2,
      numerator: 42,
      denominator: 1000,
      suppressed: false,
      suppressionReason: null,
      pointType: 'common_cause',
      variation: null,
      assurance: null,
      funnelPosition: null,
    });
  });

  it('never publishes any figure of a suppressed point, even if the stored arrays held one', () => {
    expect(publishedCell(monthly, '2026-09')).toMatchObject({ value: null, numerator: null, denominator: null, suppressed: true, suppressionReason: 'below-minimum-group-size', variation: 'concern_high' });
  });

  it('answers a month without data with nulls, not suppression', () => {
    expect(publishedCell(monthly, '2025-01')).toMatchObject({ period: null, value: null, suppressed: false, suppressionReason: null });
  });

  it('gives a yearly survey metric the latest year up to the month', () => {
    const survey = series('staff_engagement', [
      ['2024', 6.8, 680, 100, 0],
      ['2025', 6.5, 650, 100, 0],
    ]);
    expect(publishedCell(survey, '2026-03')).toMatchObject({ period: '2025', value: 6.5 });
    expect(publishedCell(survey, '2024-12')).toMatchObject({ period: '2024', value: 6.8 });
    expect(publishedCell(survey, '2023-12')).toMatchObject({ period: null, value: null });
  });
});

describe('latestMonth', () => {
  it('ignores survey years', () => {
    expect(latestMonth([series('a', [['2026-09', 1, 1, 1, 0]]), series('b', [['2027', 1, 1, 1, 0]])])).toBe('2026-09');
    expect(latestMonth([])).toBeUndefined();
  });
});
