import { describe, expect, it } from 'vitest';
import { describeSpcChart, SPC_HEIGHT, SPC_WIDTH, spcChartSvg, spcGeometry, type SpcChartData } from './spc-chart.ts';

function chart(overrides: Partial<SpcChartData> = {}): SpcChartData {
  const periods = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
  return {
    id: 'chart-test',
    title: 'Sickness absence rate, North team',
    yLabel: 'Per cent',
    periods,
    values: [4, 4.2, 3.9, null, null, 4.1, 4.4, 4.0, 3.8, 4.3, 6.5, 4.1],
    mean: periods.map(() => 4.2),
    lower: periods.map(() => 3),
    upper: periods.map(() => 5.4),
    pointTypes: periods.map((_, i) => (i === 10 ? 'special_cause_concern' : 'common_cause')),
    suppressed: [0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0],
    target: null,
    formatValue: (v) => `${v.toFixed(1)}%`,
    formatTick: (v) => String(v),
    formatPeriod: (p) => p,
    ...overrides,
  };
}

describe('SPC chart geometry', () => {
  it('places periods left to right inside the frame and values bottom to top', () => {
    const g = spcGeometry(chart());
    expect(g.x(0)).toBeLessThan(g.x(11));
    expect(g.x(0)).toBeGreaterThan(0);
    expect(g.x(11)).toBeLessThan(SPC_WIDTH);
    expect(g.y(6.5)).toBeLessThan(g.y(3));
    for (const tick of g.yTicks) {
      expect(g.y(tick)).toBeGreaterThanOrEqual(0);
      expect(g.y(tick)).toBeLessThanOrEqual(SPC_HEIGHT);
    }
  });

  it('keeps the limits, the target and every value inside the y axis', () => {
    const g = spcGeometry(chart({ target: 7 }));
    expect(g.yTicks[0]).toBeLessThanOrEqual(3);
    expect(g.yTicks.at(-1)).toBeGreaterThanOrEqual(7);
  });
});

describe('SPC chart SVG', () => {
  const svg = spcChartSvg(chart());

  it('is an image with a title and a description, scaling from a fixed viewBox', () => {
    expect(svg).toMatch(/^<svg class="vitals-chart" id="chart-test" viewBox="0 0 640 280" role="img" aria-labelledby="chart-test-title chart-test-desc"/);
    expect(svg).toContain('<title id="chart-test-title">Sickness absence rate, North team</title>');
    expect(svg).not.toMatch(/width="\d+" height="\d+" role/);
  });

  it('draws a point per published value, special causes as a different shape', () => {
    const points = /<g class="vitals-chart__points">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(points.match(/<circle /g)?.length).toBe(9);
    expect(points.match(/<rect /g)?.length).toBe(1);
  });

  it('leaves a gap at suppressed periods, shading them', () => {
    const values = /class="vitals-chart__values" d="([^"]+)"/.exec(svg)?.[1] ?? '';
    expect(values.match(/M/g)?.length).toBe(2);
    expect(svg.match(/class="vitals-chart__suppressed"/g)?.length).toBe(2);
  });

  it('draws the process limits dashed and the mean solid', () => {
    expect(svg).toMatch(/class="vitals-chart__limits" d="[^"]+" fill="none" stroke="#212b32" stroke-width="1" stroke-dasharray="6 4"/);
    expect(svg).toMatch(/class="vitals-chart__mean" d="[^"]+" fill="none" stroke="#212b32" stroke-width="1.5"\/>/);
    expect(svg).not.toContain('vitals-chart__target');
    expect(spcChartSvg(chart({ target: 5 }))).toContain('vitals-chart__target');
  });

  it('labels no more than six periods on the x axis', () => {
    const long = chart({
      periods: Array.from({ length: 60 }, (_, i) => `P${i}`),
      values: Array.from({ length: 60 }, () => 1),
      mean: [],
      lower: [],
      upper: [],
      pointTypes: [],
      suppressed: [],
    });
    const labels = spcChartSvg(long).match(/>P\d+<\/text>/g) ?? [];
    expect(labels).toHaveLength(6);
    expect(labels.at(-1)).toBe('>P59</text>');
  });
});

describe('SPC chart description', () => {
  it('says what the chart shows in words', () => {
    expect(describeSpcChart(chart())).toBe(
      '12 periods from 2026-01 to 2026-12. 2 periods are suppressed and shown as gaps: 2026-04, 2026-05. Latest value 4.1% in 2026-12. ' +
        'Mean 4.2%. Process limits 3.0% to 5.4%. 1 point: special cause of concern.',
    );
  });

  it('says when there are no limits, no special causes, or nothing published', () => {
    const run = describeSpcChart(chart({ lower: [], upper: [], pointTypes: [], target: 4 }));
    expect(run).toContain('Too few points for process limits: a run chart.');
    expect(run).toContain('Target 4.0%.');
    expect(run).toContain('Every point shows common cause variation.');
    const none = describeSpcChart(chart({ values: chart().values.map(() => null), suppressed: chart().values.map(() => 1) }));
    expect(none).toBe('12 periods from 2026-01 to 2026-12. 12 periods are suppressed and shown as gaps: 2026-01, 2026-02, 2026-03, 2026-04, 2026-05, 2026-06, 2026-07, 2026-08, 2026-09, 2026-10, 2026-11, 2026-12. No value is published.');
  });
});
