import { SOURCES } from '#src/metrics/catalogue.ts';
import type { SeriesData } from '#src/metrics/schema.ts';
import type { OrgUnitNode } from '#src/org/tree.ts';
import { spcChartSvg } from '#src/web/charts/spc-chart.ts';
import { heatCell, type HeatCell } from './cells.ts';
import { axisLabel, formatPeriod, formatTick, formatValue, minimumFor } from './format.ts';
import { publishedSeries, seriesRows } from './series-rows.ts';
import type { MetricPanel } from './team-view.tsx';
import type { MetricRow, SeriesRow } from './store.ts';

/** The metric whose denominator is the average headcount over 12 months: the team page's headline size. */
const HEADCOUNT_METRIC = 'leaver_rate';

export function latestOf(series: SeriesRow | undefined): HeatCell {
  if (!series) return { kind: 'no-data' };
  const last = series.data.suppressed.at(-1);
  return heatCell({ ...series, lastSuppressed: last ?? null });
}

/** The average headcount of the latest period, when it is published. */
export function headcountOf(series: readonly SeriesRow[]): { value: number; period: string } | null {
  const row = series.find((s) => s.metricKey === HEADCOUNT_METRIC);
  if (!row) return null;
  const last = row.data.periods.length - 1;
  const denominator = row.data.denominators[last];
  const period = row.data.periods[last];
  if (last < 0 || row.data.suppressed[last] !== 0 || denominator === null || denominator === undefined || period === undefined) return null;
  return { value: denominator, period };
}

function suppressionNotes(data: SeriesData, metric: MetricRow): string[] {
  const primary = data.suppressed.filter((code) => code === 1).length;
  const complementary = data.suppressed.filter((code) => code === 2).length;
  const total = data.periods.length;
  const notes: string[] = [];
  const minimum = minimumFor(metric);
  if (primary > 0) {
    const why = minimum ? `fewer than ${minimum.size} (${minimum.countedOver})` : 'too few to show';
    notes.push(primary === total ? `Every period is suppressed: ${why}.` : `${primary} of ${total} periods suppressed: ${why}.`);
  }
  if (complementary > 0) {
    notes.push(`${complementary} of ${total} ${complementary === 1 ? 'period is' : 'periods are'} hidden so that a smaller group’s value cannot be worked out from this one.`);
  }
  return notes;
}

/** A metric's published series as an SPC chart: the one drawing the team page, the board report and its PDF share. */
export function seriesChartSvg(metric: Pick<MetricRow, 'key' | 'name' | 'format' | 'target'>, unitName: string, data: SeriesData): string {
  return spcChartSvg({
    id: `chart-${metric.key}`,
    title: `${metric.name}, ${unitName}`,
    yLabel: axisLabel(metric.format),
    periods: data.periods,
    values: data.values,
    mean: data.mean,
    lower: data.lower,
    upper: data.upper,
    pointTypes: data.pointTypes,
    suppressed: data.suppressed,
    target: metric.target,
    formatValue: (value) => formatValue(metric.format, value),
    formatTick,
    formatPeriod,
  });
}

/** Everything one metric's section of the team page shows, suppression applied by the codes. */
export function metricPanel(unit: OrgUnitNode, metric: MetricRow, series: SeriesRow | undefined): MetricPanel {
  if (!series) return { metric, latest: { kind: 'no-data' }, chartSvg: null, rows: [], notes: [] };
  const data = publishedSeries(series.data);
  const hasValues = data.values.some((v) => v !== null);
  return {
    metric,
    latest: latestOf(series),
    chartSvg: hasValues ? seriesChartSvg(metric, unit.name, data) : null,
    rows: seriesRows(data, metric),
    notes: suppressionNotes(data, metric),
  };
}

/** The metrics grouped by source in catalogue order, each with its panel. */
export function teamSections(unit: OrgUnitNode, metrics: readonly MetricRow[], series: readonly SeriesRow[]) {
  const bySeries = new Map(series.map((s) => [s.metricKey, s]));
  const sections: { source: string; name: string; panels: MetricPanel[] }[] = [];
  for (const metric of metrics) {
    const panel = metricPanel(unit, metric, bySeries.get(metric.key));
    const last = sections.at(-1);
    if (last && last.source === metric.source) last.panels.push(panel);
    else sections.push({ source: metric.source, name: (SOURCES as Record<string, string>)[metric.source] ?? metric.source, panels: [panel] });
  }
  return sections;
}
