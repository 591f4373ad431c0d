import type { SeriesData } from '#src/metrics/schema.ts';
import { formatCount, formatPeriod, formatPlain, POINT_TYPE_LABELS, suppressedText, type MetricSuppression } from './format.ts';

/** One period of a series as a table (or download) shows it; a suppressed period carries only its reason. */
export type SeriesRowView =
  | { period: string; suppressed: false; numerator: number | null; denominator: number | null; value: number | null; pointType: string; mean: number | null; lower: number | null; upper: number | null }
  | { period: string; suppressed: true; reason: string };

/**
 * The periods of a series, newest first. The suppression code decides: whatever a suppressed
 * period's other fields hold, none of them is passed on.
 */
export function seriesRows(data: SeriesData, metric: MetricSuppression): SeriesRowView[] {
  const rows: SeriesRowView[] = [];
  for (let i = data.periods.length - 1; i >= 0; i -= 1) {
    const period = data.periods[i] ?? '';
    const code = data.suppressed[i] ?? 0;
    if (code !== 0) {
      rows.push({ period, suppressed: true, reason: suppressedText(code, metric) });
      continue;
    }
    const value = data.values[i] ?? null;
    rows.push({
      period,
      suppressed: false,
      numerator: data.numerators[i] ?? null,
      denominator: data.denominators[i] ?? null,
      value,
      pointType: value === null ? '' : (data.pointTypes[i] ?? ''),
      mean: data.mean[i] ?? null,
      lower: data.lower[i] ?? null,
      upper: data.upper[i] ?? null,
    });
  }
  return rows;
}

/** The cells of one row for the page's data table: period, numerator, denominator, value, point type. */
export function seriesRowCells(row: SeriesRowView, format: string): string[] {
  if (row.suppressed) return [formatPeriod(row.period), row.reason, row.reason, row.reason, ''];
  return [
    formatPeriod(row.period),
    row.numerator === null ? 'no data' : formatCount(row.numerator),
    row.denominator === null ? 'no data' : formatCount(row.denominator),
    row.value === null ? 'no data' : formatPlain(format, row.value),
    POINT_TYPE_LABELS[row.pointType] ?? '',
  ];
}

/** The series with every suppressed point emptied: what a chart may draw. */
export function publishedSeries(data: SeriesData): SeriesData {
  const shown = (i: number) => (data.suppressed[i] ?? 0) === 0;
  return {
    ...data,
    numerators: data.numerators.map((v, i) => (shown(i) ? v : null)),
    denominators: data.denominators.map((v, i) => (shown(i) ? v : null)),
    values: data.values.map((v, i) => (shown(i) ? v : null)),
    pointTypes: data.pointTypes.map((t, i) => (shown(i) ? t : '')),
  };
}
