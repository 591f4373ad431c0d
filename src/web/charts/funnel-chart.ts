import { lineAttributes, markSvg, type MarkKind } from './marks.ts';
import { coord, escapeXml, linearScale, niceTicks, pathWithGaps, svgOpen } from './svg.ts';

export type FunnelChartPosition = 'inside' | 'above_95' | 'above_998' | 'below_95' | 'below_998';

export interface FunnelChartPoint {
  label: string;
  size: number;
  value: number;
  position: FunnelChartPosition;
  /** Judged with the metric's polarity; null for a neutral metric or a unit inside the limits. */
  favourability: 'favourable' | 'unfavourable' | null;
}

/** The limit curves over a grid of sizes, in the same units as the points. */
export interface FunnelCurves {
  sizes: readonly number[];
  lower95: readonly number[];
  upper95: readonly number[];
  lower998: readonly number[];
  upper998: readonly number[];
}

export interface FunnelChartData {
  id: string;
  title: string;
  xLabel: string;
  yLabel: string;
  points: readonly FunnelChartPoint[];
  target: number;
  curves: FunnelCurves;
  formatValue: (value: number) => string;
  formatTick: (value: number) => string;
  formatSize: (size: number) => string;
}

export const FUNNEL_WIDTH = 640;
export const FUNNEL_HEIGHT = 320;
const MARGIN = { left: 60, right: 16, top: 28, bottom: 48 };

export const POSITION_WORDS: Record<FunnelChartPosition, string> = {
  inside: 'within the 95% limits',
  above_95: 'above the 95% limit',
  above_998: 'above the 99.8% limit',
  below_95: 'below the 95% limit',
  below_998: 'below the 99.8% limit',
};

/** The mark of a funnel point: shape by how far out it is, colour (and shape) by favourability. */
export function funnelMark(point: Pick<FunnelChartPoint, 'position' | 'favourability'>): MarkKind {
  if (point.position === 'inside') return 'common';
  if (point.favourability === 'unfavourable') return 'concern';
  if (point.favourability === 'favourable') return 'improvement';
  return point.position.startsWith('above') ? 'neutral' : 'neutral-low';
}

/** Sizes at which to draw the curves: evenly spaced from a little below the smallest unit to the largest. */
export function curveSizes(points: readonly { size: number }[], count = 60): number[] {
  const sizes = points.map((p) => p.size).filter((s) => s > 0 && Number.isFinite(s));
  if (sizes.length === 0) return [];
  const max = Math.max(...sizes) * 1.05;
  const min = Math.max(Math.min(...sizes) * 0.5, max / 200);
  return Array.from({ length: count }, (_, i) => min + ((max - min) * i) / (count - 1));
}

export interface FunnelGeometry {
  x: (size: number) => number;
  y: (value: number) => number;
  xTicks: number[];
  yTicks: number[];
}

export function funnelGeometry(data: FunnelChartData): FunnelGeometry {
  const sizes = data.points.map((p) => p.size);
  const xTicks = niceTicks(0, Math.max(1, ...sizes, ...data.curves.sizes), 5);
  // The y range covers the points, the target and the 99.8% limits from the median size up: the
  // mouth of the funnel at tiny sizes would otherwise squash everything else.
  const median = [...sizes].sort((a, b) => a - b)[Math.floor(sizes.length / 2)] ?? 0;
  const limitValues = data.curves.sizes.flatMap((s, i) => (s >= median ? [data.curves.lower998[i] ?? Number.NaN, data.curves.upper998[i] ?? Number.NaN] : []));
  const numbers = [...data.points.map((p) => p.value), data.target, ...limitValues].filter(Number.isFinite);
  const yTicks = niceTicks(Math.min(...numbers), Math.max(...numbers), 5);
  return {
    x: linearScale([0, xTicks.at(-1) ?? 1], [MARGIN.left, FUNNEL_WIDTH - MARGIN.right]),
    y: linearScale([yTicks[0] ?? 0, yTicks.at(-1) ?? 1], [FUNNEL_HEIGHT - MARGIN.bottom, MARGIN.top]),
    xTicks,
    yTicks,
  };
}

export function describeFunnelChart(data: FunnelChartData): string {
  if (data.points.length === 0) return 'No unit has a published value to plot.';
  const sentences = [`${data.points.length} ${data.points.length === 1 ? 'unit' : 'units'} plotted by ${data.xLabel.toLowerCase()} against value. Target ${data.formatValue(data.target)}.`];
  const outside = data.points.filter((p) => p.position !== 'inside');
  if (outside.length === 0) sentences.push('Every unit is within the 95% limits.');
  else {
    sentences.push(
      `Outside the limits: ${outside
        .map((p) => `${p.label} ${data.formatValue(p.value)} (${POSITION_WORDS[p.position]}${p.favourability ? `, ${p.favourability}` : ''})`)
        .join('; ')}.`,
    );
  }
  return sentences.join(' ');
}

/** A funnel plot as an SVG string: a point per unit, the target, and 95% and 99.8% limit curves. */
export function funnelChartSvg(data: FunnelChartData): string {
  const g = funnelGeometry(data);
  const bottom = FUNNEL_HEIGHT - MARGIN.bottom;
  const right = FUNNEL_WIDTH - MARGIN.right;
  const clipId = `${data.id}-clip`;
  const parts: string[] = [svgOpen(data.id, FUNNEL_WIDTH, FUNNEL_HEIGHT, data.title, describeFunnelChart(data))];
  parts.push(`<defs><clipPath id="${escapeXml(clipId)}"><rect x="${MARGIN.left}" y="${MARGIN.top}" width="${right - MARGIN.left}" height="${bottom - MARGIN.top}"/></clipPath></defs>`);
  parts.push('<g class="vitals-chart__axis" font-size="13" fill="#212b32">');
  for (const tick of g.yTicks) {
    const y = coord(g.y(tick));
    parts.push(`<line x1="${MARGIN.left}" x2="${right}" y1="${y}" y2="${y}" stroke="#d8dde0"/>`);
    parts.push(`<text x="${MARGIN.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${escapeXml(data.formatTick(tick))}</text>`);
  }
  for (const tick of g.xTicks) {
    const x = coord(g.x(tick));
    parts.push(`<line x1="${x}" x2="${x}" y1="${bottom}" y2="${bottom + 5}" stroke="#212b32"/>`);
    parts.push(`<text x="${x}" y="${bottom + 20}" text-anchor="middle">${escapeXml(data.formatSize(tick))}</text>`);
  }
  parts.push(`<line x1="${MARGIN.left}" x2="${right}" y1="${bottom}" y2="${bottom}" stroke="#212b32"/>`);
  parts.push(`<text x="${MARGIN.left}" y="${MARGIN.top - 12}">${escapeXml(data.yLabel)}</text>`);
  parts.push(`<text x="${right}" y="${FUNNEL_HEIGHT - 6}" text-anchor="end">${escapeXml(data.xLabel)}</text></g>`);

  const curve = (values: readonly number[]) =>
    pathWithGaps(data.curves.sizes.map((s, i) => {
      const v = values[i];
      return v === undefined || !Number.isFinite(v) ? null : ([g.x(s), g.y(v)] as const);
    }));
  parts.push(`<g clip-path="url(#${escapeXml(clipId)})">`);
  parts.push(`<path class="vitals-chart__limits95" d="${curve(data.curves.upper95)}${curve(data.curves.lower95)}" ${lineAttributes('limit95')}/>`);
  parts.push(`<path class="vitals-chart__limits" d="${curve(data.curves.upper998)}${curve(data.curves.lower998)}" ${lineAttributes('limit')}/>`);
  const ty = coord(g.y(data.target));
  parts.push(`<line class="vitals-chart__target" x1="${MARGIN.left}" x2="${right}" y1="${ty}" y2="${ty}" ${lineAttributes('mean')}/></g>`);
  parts.push('<g class="vitals-chart__points">');
  for (const point of data.points) {
    const kind = funnelMark(point);
    parts.push(`<g><title>${escapeXml(`${point.label}: ${data.formatValue(point.value)}, ${POSITION_WORDS[point.position]}`)}</title>${markSvg(kind, g.x(point.size), g.y(point.value), kind === 'common' ? 4 : 5.5)}</g>`);
  }
  parts.push('</g></svg>');
  return parts.join('');
}
