import type { LatestCell, MetricRow } from './store.ts';
import { formatValue } from './format.ts';

/** What one heatmap cell shows: a published value with its icons, "suppressed" or "no data". */
export type HeatCell =
  | { kind: 'value'; value: number; period: string; variation: string | null; assurance: string | null }
  | { kind: 'suppressed'; code: number }
  | { kind: 'no-data' };

/** The suppression code decides, whatever else the row holds: a suppressed cell never shows a value. */
export function heatCell(latest: LatestCell | undefined): HeatCell {
  if (!latest || latest.latestPeriod === null) return { kind: 'no-data' };
  if (latest.lastSuppressed !== null && latest.lastSuppressed !== 0) return { kind: 'suppressed', code: latest.lastSuppressed };
  if (latest.latestValue === null) return { kind: 'no-data' };
  return { kind: 'value', value: latest.latestValue, period: latest.latestPeriod, variation: latest.variation, assurance: latest.assurance };
}

/** A cell as text for a download: the value with its unit, "suppressed" or "no data". */
export function heatCellText(cell: HeatCell, metric: Pick<MetricRow, 'format'>): string {
  if (cell.kind === 'suppressed') return 'suppressed';
  if (cell.kind === 'no-data') return 'no data';
  return formatValue(metric.format, cell.value);
}

/** The most common latest period of a column, named in its header; cells from another period say theirs. */
export function usualPeriod(cells: readonly HeatCell[]): string | null {
  const counts = new Map<string, number>();
  for (const cell of cells) if (cell.kind === 'value') counts.set(cell.period, (counts.get(cell.period) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 0;
  for (const [period, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && period > best)) {
      best = period;
      bestCount = count;
    }
  }
  return best;
}
