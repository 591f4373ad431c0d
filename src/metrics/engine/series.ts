import type { SeriesData, SuppressionCode } from '#src/metrics/schema.ts';
import { ASSURANCE_NAMES, POINT_TYPE_NAMES, VARIATION_NAMES } from '#src/stats/spc/index.ts';
import type { MetricComputation } from './compute.ts';
import type { UnitTree } from './tree.ts';

/** One scorecard_series row as the engine produces it. */
export interface SeriesRow {
  unitId: number;
  metricKey: string;
  data: SeriesData;
  latestPeriod: string | null;
  latestValue: number | null;
  variation: string | null;
  assurance: string | null;
  funnelPosition: string | null;
}

/** x rounded to the decimals `factor` (10 ** decimals) keeps; null when not finite. */
const round = (x: number, factor: number): number | null => (Number.isFinite(x) ? Math.round(x * factor) / factor : null);
const COUNT = 1e3;
const VALUE = 1e4;

/**
 * The series of every unit that has a value in any period (before suppression), with suppressed
 * points carrying null numerator, denominator and value. A period with no published value has the
 * point type '' (no point).
 */
export function buildSeries(tree: UnitTree, c: MetricComputation): SeriesRow[] {
  const { cells, reason, value, spc } = c;
  const periods = cells.periods;
  const T = periods.length;
  const rows: SeriesRow[] = [];
  for (let u = 0; u < tree.size; u++) {
    const base = u * T;
    let any = false;
    for (let t = 0; t < T; t++) if (cells.hasValue[base + t]) any = true;
    if (!any) continue;
    const data: SeriesData = {
      periods,
      numerators: new Array<number | null>(T),
      denominators: new Array<number | null>(T),
      values: new Array<number | null>(T),
      suppressed: new Array<SuppressionCode>(T),
      mean: new Array<number | null>(T),
      lower: new Array<number | null>(T),
      upper: new Array<number | null>(T),
      pointTypes: new Array<string>(T),
      funnel: c.funnels?.summary[u] ?? null,
    };
    for (let t = 0; t < T; t++) {
      const i = base + t;
      const shown = cells.hasValue[i] === 1 && reason[i] === 0;
      data.suppressed[t] = (cells.hasValue[i] ? reason[i] : 0) as SuppressionCode;
      data.numerators[t] = shown ? round(cells.numerator[i]!, COUNT) : null;
      data.denominators[t] = shown ? round(cells.denominator[i]!, COUNT) : null;
      data.values[t] = shown ? round(value[i]!, VALUE) : null;
      data.mean[t] = round(spc.mean[i]!, VALUE);
      data.lower[t] = round(spc.lower[i]!, VALUE);
      data.upper[t] = round(spc.upper[i]!, VALUE);
      data.pointTypes[t] = Number.isNaN(value[i]!) ? '' : POINT_TYPE_NAMES[spc.type[i]!] ?? '';
    }
    const position = data.funnel?.position ?? null;
    rows.push({
      unitId: tree.ids[u]!,
      metricKey: c.metric.key,
      data,
      latestPeriod: T > 0 ? periods[T - 1]! : null,
      latestValue: T > 0 ? data.values[T - 1]! : null,
      variation: VARIATION_NAMES[c.variation[u]!] ?? null,
      assurance: ASSURANCE_NAMES[c.assurance[u]!] ?? null,
      funnelPosition: position,
    });
  }
  return rows;
}
