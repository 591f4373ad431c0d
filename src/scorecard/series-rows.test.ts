import { describe, expect, it } from 'vitest';
import type { SeriesData } from '#src/metrics/schema.ts';
import { heatCell } from './cells.ts';
import { formatPeriod, formatValue, suppressedText } from './format.ts';
import { publishedSeries, seriesRowCells, seriesRows } from './series-rows.ts';

const workforce = { suppressionRule: 'workforce', minimumGroupSize: null };

/** A series whose suppressed points still hold numbers, as a buggy writer might leave them. */
const data: SeriesData = {
  periods: ['2026-08', '2026-09', '2026-10'],
  numerators: [3.5, 777, 888],
  denominators: [70, 3, 999],
  values: [5, 25.9, 88.8],
  suppressed: [0, 1, 2],
  mean: [5, 5, 5],
  lower: [1, 1, 1],
  upper: [9, 9, 9],
  pointTypes: ['common_cause', 'special_cause_concern', 'common_cause'],
  funnel: null,
};

describe('series rows', () => {
  it('go newest first and carry nothing but the reason for a suppressed period', () => {
    const rows = seriesRows(data, workforce);
    expect(rows.map((r) => r.period)).toEqual(['2026-10', '2026-09', '2026-08']);
    expect(rows[0]).toEqual({ period: '2026-10', suppressed: true, reason: 'suppressed (so a smaller group cannot be worked out)' });
    expect(rows[1]).toEqual({ period: '2026-09', suppressed: true, reason: 'suppressed (fewer than 5)' });
    expect(seriesRowCells(rows[2]!, 'percent')).toEqual(['Aug 2026', '3.5', '70', '5.0', 'Common cause']);
    expect(seriesRowCells(rows[1]!, 'percent')).toEqual(['Sep 2026', 'suppressed (fewer than 5)', 'suppressed (fewer than 5)', 'suppressed (fewer than 5)', '']);
  });

  it('give charts only the published points', () => {
    const shown = publishedSeries(data);
    expect(shown.values).toEqual([5, null, null]);
    expect(shown.numerators).toEqual([3.5, null, null]);
    expect(shown.pointTypes).toEqual(['common_cause', '', '']);
  });
});

describe('suppression text', () => {
  it('names the minimum that applies, never the size', () => {
    expect(suppressedText(1, { suppressionRule: 'survey', minimumGroupSize: null })).toBe('suppressed (fewer than 11)');
    expect(suppressedText(1, { suppressionRule: 'speakUp', minimumGroupSize: 60 })).toBe('suppressed (fewer than 60)');
    expect(suppressedText(1, { suppressionRule: 'none', minimumGroupSize: null })).toBe('suppressed');
  });

  it('lets the code decide a heatmap cell, whatever the latest value says', () => {
    const base = { unitId: 1, metricKey: 'm', latestPeriod: '2026-10', latestValue: 42, variation: 'common_cause', assurance: null };
    expect(heatCell({ ...base, lastSuppressed: 1 })).toEqual({ kind: 'suppressed', code: 1 });
    expect(heatCell({ ...base, lastSuppressed: 0 })).toMatchObject({ kind: 'value', value: 42 });
    expect(heatCell({ ...base, latestValue: null, lastSuppressed: 0 })).toEqual({ kind: 'no-data' });
    expect(heatCell(undefined)).toEqual({ kind: 'no-data' });
  });
});

describe('formats', () => {
  it('shows values in the metric’s units', () => {
    expect(formatValue('percent', 4.25)).toBe('4.3%');
    expect(formatValue('rate-100', 3.14)).toBe('3.1 per 100 staff a year');
    expect(formatValue('minutes', 7.04)).toBe('7.0 min');
    expect(formatValue('score', 6.789)).toBe('6.79');
    expect(formatPeriod('2026-01')).toBe('Jan 2026');
    expect(formatPeriod('2025')).toBe('2025');
  });
});
