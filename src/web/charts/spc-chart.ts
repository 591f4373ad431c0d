import { MARKS, lineAttributes, markOfPointType, markSvg, type MarkKind } from './marks.ts';
import { coord, escapeXml, linearScale, niceTicks, pathWithGaps, svgOpen, thinnedLabelIndices } from './svg.ts';

/** One XmR chart as the engine stored it, already suppressed, in display units. */
export interface SpcChartData {
  /** Unique on the page: the SVG's id and the prefix of its title and description ids. */
  id: string;
  title: string;
  /** What the y axis measures, e.g. "Per cent" or "Per 100 staff a year". */
  yLabel: string;
  periods: readonly string[];
  values: readonly (number | null)[];
  mean: readonly (number | null)[];
  lower: readonly (number | null)[];
  upper: readonly (number | null)[];
  pointTypes: readonly string[];
  /** 0 shown, 1 or 2 suppressed. */
  suppressed: readonly number[];
  target: number | null;
  formatValue: (value: number) => string;
  formatTick: (value: number) => string;
  formatPeriod: (period: string) => string;
}

export const SPC_WIDTH = 640;
export const SPC_HEIGHT = 280;
const MARGIN = { left: 60, right: 16, top: 28, bottom: 40 };
const MAX_X_LABELS = 6;

export interface SpcGeometry {
  x: (index: number) => number;
  y: (value: number) => number;
  yTicks: number[];
  xLabels: number[];
}

/** Where everything goes: the x position of each period, the y scale and its ticks. */
export function spcGeometry(data: SpcChartData): SpcGeometry {
  const numbers = [...data.values, ...data.lower, ...data.upper, ...data.mean, data.target].filter((v): v is number => v !== null && Number.isFinite(v));
  const min = numbers.length > 0 ? Math.min(...numbers) : 0;
  const max = numbers.length > 0 ? Math.max(...numbers) : 1;
  const yTicks = niceTicks(min, max, 5);
  const bottom = SPC_HEIGHT - MARGIN.bottom;
  const y = linearScale([yTicks[0] ?? min, yTicks.at(-1) ?? max], [bottom, MARGIN.top]);
  const n = Math.max(1, data.periods.length);
  const step = (SPC_WIDTH - MARGIN.left - MARGIN.right) / n;
  return { x: (i) => MARGIN.left + (i + 0.5) * step, y, yTicks, xLabels: thinnedLabelIndices(data.periods.length, MAX_X_LABELS) };
}

function lastNumber(values: readonly (number | null)[]): number | null {
  for (let i = values.length - 1; i >= 0; i -= 1) {
    const v = values[i];
    if (v !== null && v !== undefined) return v;
  }
  return null;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The chart in words, for its <desc> (and so for screen readers). */
export function describeSpcChart(data: SpcChartData): string {
  const n = data.periods.length;
  if (n === 0) return 'No periods to show.';
  const sentences: string[] = [];
  const first = data.periods[0] ?? '';
  const last = data.periods[n - 1] ?? '';
  sentences.push(`${plural(n, 'period')} from ${data.formatPeriod(first)} to ${data.formatPeriod(last)}.`);
  const suppressed = data.periods.filter((_, i) => (data.suppressed[i] ?? 0) !== 0).map(data.formatPeriod);
  const missing = data.periods.filter((_, i) => (data.suppressed[i] ?? 0) === 0 && data.values[i] === null).length;
  if (suppressed.length > 0) sentences.push(`${plural(suppressed.length, 'period is', 'periods are')} suppressed and shown as gaps: ${suppressed.join(', ')}.`);
  if (missing > 0) sentences.push(`${plural(missing, 'period has', 'periods have')} no data.`);
  const published = data.values.filter((v) => v !== null).length;
  if (published === 0) {
    sentences.push('No value is published.');
    return sentences.join(' ');
  }
  const lastIndex = data.values.findLastIndex((v) => v !== null);
  const latest = data.values[lastIndex];
  if (latest !== null && latest !== undefined) sentences.push(`Latest value ${data.formatValue(latest)} in ${data.formatPeriod(data.periods[lastIndex] ?? '')}.`);
  const mean = lastNumber(data.mean);
  const lower = lastNumber(data.lower);
  const upper = lastNumber(data.upper);
  if (mean !== null) sentences.push(`Mean ${data.formatValue(mean)}.`);
  if (lower !== null && upper !== null) sentences.push(`Process limits ${data.formatValue(lower)} to ${data.formatValue(upper)}.`);
  else sentences.push('Too few points for process limits: a run chart.');
  if (data.target !== null) sentences.push(`Target ${data.formatValue(data.target)}.`);
  const counts = new Map<MarkKind, number>();
  data.values.forEach((v, i) => {
    if (v === null) return;
    const kind = markOfPointType(data.pointTypes[i] ?? '');
    if (kind !== 'common') counts.set(kind, (counts.get(kind) ?? 0) + 1);
  });
  if (counts.size === 0) sentences.push('Every point shows common cause variation.');
  else sentences.push(`${[...counts].map(([kind, count]) => `${plural(count, 'point')}: ${MARKS[kind].label.toLowerCase()}`).join('; ')}.`);
  return sentences.join(' ');
}

/** An XmR chart as an SVG string: values with marks by point type, mean, dashed process limits, target, gaps where suppressed. */
export function spcChartSvg(data: SpcChartData): string {
  const g = spcGeometry(data);
  const n = data.periods.length;
  const step = n > 0 ? (SPC_WIDTH - MARGIN.left - MARGIN.right) / n : 0;
  const bottom = SPC_HEIGHT - MARGIN.bottom;
  const parts: string[] = [svgOpen(data.id, SPC_WIDTH, SPC_HEIGHT, data.title, describeSpcChart(data))];

  for (let i = 0; i < n; i += 1) {
    if ((data.suppressed[i] ?? 0) !== 0) {
      parts.push(`<rect class="vitals-chart__suppressed" x="${coord(g.x(i) - step / 2)}" y="${MARGIN.top}" width="${coord(step)}" height="${bottom - MARGIN.top}" fill="#e8edee"/>`);
    }
  }
  parts.push(`<g class="vitals-chart__axis" font-size="13" fill="#212b32">`);
  for (const tick of g.yTicks) {
    const y = coord(g.y(tick));
    parts.push(`<line x1="${MARGIN.left}" x2="${SPC_WIDTH - MARGIN.right}" y1="${y}" y2="${y}" stroke="#d8dde0" stroke-width="1"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(data.formatTick(tick))}</text>`);
  }
  for (const i of g.xLabels) {
    const x = coord(g.x(i));
    parts.push(`<line x1="${x}" x2="${x}" y1="${bottom}" y2="${bottom + 5}" stroke="#212b32"/>`);
    // A label near the right edge ends at its tick so it is not cut off.
    const anchor = g.x(i) > SPC_WIDTH - MARGIN.right - 30 ? 'end' : 'middle';
    parts.push(`<text x="${x}" y="${bottom + 20}" text-anchor="${anchor}">${escapeXml(data.formatPeriod(data.periods[i] ?? ''))}</text>`);
  }
  parts.push(`<line x1="${MARGIN.left}" x2="${SPC_WIDTH - MARGIN.right}" y1="${bottom}" y2="${bottom}" stroke="#212b32"/>`);
  parts.push(`<text x="${MARGIN.left}" y="${MARGIN.top - 12}" text-anchor="start">${escapeXml(data.yLabel)}</text></g>`);

  const series = (values: readonly (number | null)[]) => pathWithGaps(data.periods.map((_, i) => {
    const v = values[i];
    return v === null || v === undefined ? null : [g.x(i), g.y(v)] as const;
  }));
  const limitsPath = series(data.upper) + series(data.lower);
  if (limitsPath) parts.push(`<path class="vitals-chart__limits" d="${limitsPath}" ${lineAttributes('limit')}/>`);
  const meanPath = series(data.mean);
  if (meanPath) parts.push(`<path class="vitals-chart__mean" d="${meanPath}" ${lineAttributes('mean')}/>`);
  if (data.target !== null && n > 0) {
    const y = coord(g.y(data.target));
    parts.push(`<line class="vitals-chart__target" x1="${MARGIN.left}" x2="${SPC_WIDTH - MARGIN.right}" y1="${y}" y2="${y}" ${lineAttributes('target')}/>`);
  }
  const valuesPath = series(data.values);
  if (valuesPath) parts.push(`<path class="vitals-chart__values" d="${valuesPath}" ${lineAttributes('values')}/>`);
  parts.push('<g class="vitals-chart__points">');
  for (let i = 0; i < n; i += 1) {
    const v = data.values[i];
    if (v === null || v === undefined) continue;
    const kind = markOfPointType(data.pointTypes[i] ?? '');
    parts.push(markSvg(kind, g.x(i), g.y(v), kind === 'common' ? 3.5 : 5));
  }
  parts.push('</g></svg>');
  return parts.join('');
}
