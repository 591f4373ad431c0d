import type { OrgUnitNode } from '#src/org/tree.ts';
import { ASSURANCE_ICONS, VARIATION_ICONS } from '#src/web/charts/icons.tsx';
import type { HeatCell } from './cells.ts';
import type { DownloadTable } from './downloads.ts';
import { axisLabel, POINT_TYPE_LABELS } from './format.ts';
import { sourceName } from './metric-view.tsx';
import { seriesRows } from './series-rows.ts';
import type { MetricRow, SeriesRow } from './store.ts';

const round = (value: number | null, digits = 4): number | null => (value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits);

/** The heatmap in long form: one row per unit and measure. */
export function heatmapTable(metrics: readonly MetricRow[], rows: readonly { unit: OrgUnitNode; cells: HeatCell[] }[]): DownloadTable {
  return {
    sheet: 'Scorecard',
    columns: ['Unit code', 'Unit', 'Measure', 'Source', 'Period', 'Value', 'Units', 'Variation', 'Assurance'],
    rows: rows.flatMap(({ unit, cells }) =>
      metrics.map((metric, i) => {
        const cell = cells[i] ?? { kind: 'no-data' };
        const base = [unit.code, unit.name, metric.name, sourceName(metric.source)];
        if (cell.kind === 'suppressed') return [...base, '', 'suppressed', axisLabel(metric.format), '', ''];
        if (cell.kind === 'no-data') return [...base, '', 'no data', axisLabel(metric.format), '', ''];
        return [
          ...base,
          cell.period,
          round(cell.value),
          axisLabel(metric.format),
          cell.variation ? (VARIATION_ICONS[cell.variation]?.label ?? cell.variation) : '',
          cell.assurance && metric.target !== null ? (ASSURANCE_ICONS[cell.assurance]?.label ?? cell.assurance) : '',
        ];
      }),
    ),
  };
}

/** Every series of a unit in long form: one row per measure and period, suppressed periods saying so. */
export function unitSeriesTable(unit: OrgUnitNode, metrics: readonly MetricRow[], series: readonly SeriesRow[]): DownloadTable {
  const bySeries = new Map(series.map((s) => [s.metricKey, s]));
  const rows: DownloadTable['rows'] = [];
  for (const metric of metrics) {
    const found = bySeries.get(metric.key);
    if (!found) continue;
    for (const row of seriesRows(found.data, metric).reverse()) {
      const base = [unit.code, unit.name, metric.key, metric.name, row.period];
      if (row.suppressed) rows.push([...base, 'suppressed', 'suppressed', 'suppressed', axisLabel(metric.format), row.reason, '', '', '', '']);
      else {
        rows.push([
          ...base,
          round(row.numerator),
          round(row.denominator),
          round(row.value),
          axisLabel(metric.format),
          '',
          POINT_TYPE_LABELS[row.pointType] ?? '',
          round(row.mean),
          round(row.lower),
          round(row.upper),
        ]);
      }
    }
  }
  return {
    sheet: 'Series',
    columns: ['Unit code', 'Unit', 'Measure key', 'Measure', 'Period', 'Numerator', 'Denominator', 'Value', 'Units', 'Suppressed', 'Point type', 'Mean', 'Lower process limit', 'Upper process limit'],
    rows,
  };
}

export interface ComparisonDownloadRow {
  unit: OrgUnitNode;
  value: number | 'suppressed' | null;
  size: number | 'suppressed' | null;
  position: string;
  period: string;
}

/** The metric page's comparison of a parent's units. */
export function comparisonTable(metric: MetricRow, rows: readonly ComparisonDownloadRow[], sizeLabel: string): DownloadTable {
  return {
    sheet: metric.name,
    columns: ['Unit code', 'Unit', 'Measure', 'Period', 'Value', 'Units', sizeLabel, 'Position'],
    rows: rows.map((row) => [
      row.unit.code,
      row.unit.name,
      metric.name,
      row.period,
      typeof row.value === 'number' ? round(row.value) : (row.value ?? 'no data'),
      axisLabel(metric.format),
      typeof row.size === 'number' ? round(row.size, 3) : (row.size ?? ''),
      row.position,
    ]),
  };
}
