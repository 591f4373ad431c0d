/**
 * Small helpers for hand-written SVG. Charts are built as strings rather than with ECharts or JSX
 * nodes: a team page draws about 30 charts and must render with p99 under 100 ms under load
 * (issue 4, Done-when 4), and string building costs tens of microseconds per chart.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for SVG/HTML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** A coordinate rounded to 0.1 of a viewBox unit: enough for the eye, short in the markup. */
export function coord(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** A linear map from a domain to a range (a degenerate domain maps to the middle of the range). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  const factor = (r1 - r0) / (d1 - d0);
  return (value) => r0 + (value - d0) * factor;
}

/** Round tick values (1, 2, 2.5 or 5 × 10^k apart) covering [min, max], about `count` of them. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let tick = first; tick <= max + step * 0.5 && ticks.length < 50; tick += step) ticks.push(Number(tick.toPrecision(12)));
  if ((ticks.at(-1) ?? max) < max) ticks.push(Number((first + ticks.length * step).toPrecision(12)));
  return ticks;
}

/** Indices of at most `maxLabels` evenly spaced labels out of `count`, always including the last. */
export function thinnedLabelIndices(count: number, maxLabels: number): number[] {
  if (count <= 0) return [];
  const step = Math.max(1, Math.ceil(count / Math.max(1, maxLabels)));
  const indices: number[] = [];
  for (let i = (count - 1) % step; i < count; i += step) indices.push(i);
  return indices;
}

/** The SVG element every chart shares: a fixed viewBox that scales to the width of its container. */
export function svgOpen(id: string, width: number, height: number, title: string, desc: string): string {
  return (
    `<svg class="vitals-chart" id="${escapeXml(id)}" viewBox="0 0 ${width} ${height}" role="img" ` +
    `aria-labelledby="${escapeXml(id)}-title ${escapeXml(id)}-desc" preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${escapeXml(id)}-title">${escapeXml(title)}</title><desc id="${escapeXml(id)}-desc">${escapeXml(desc)}</desc>`
  );
}

/** Joins points into path data, starting a new subpath after every gap (null). */
export function pathWithGaps(points: readonly (readonly [number, number] | null)[]): string {
  let d = '';
  let pen = false;
  for (const point of points) {
    if (!point) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${coord(point[0])} ${coord(point[1])}`;
    pen = true;
  }
  return d;
}
