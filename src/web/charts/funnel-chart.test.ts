import { describe, expect, it } from 'vitest';
import { curveSizes, describeFunnelChart, FUNNEL_WIDTH, funnelChartSvg, funnelGeometry, funnelMark, type FunnelChartData } from './funnel-chart.ts';

function chart(overrides: Partial<FunnelChartData> = {}): FunnelChartData {
  const sizes = [20, 60, 100, 140];
  return {
    id: 'funnel-test',
    title: 'Appraisal rate: the teams of North hub',
    xLabel: 'Eligible staff',
    yLabel: 'Per cent',
    points: [
      { label: 'Team A', size: 20, value: 80, position: 'inside', favourability: null },
      { label: 'Team B', size: 60, value: 95, position: 'above_998', favourability: 'favourable' },
      { label: 'Team C', size: 100, value: 70, position: 'below_95', favourability: 'unfavourable' },
    ],
    target: 82,
    curves: { sizes, lower95: [65, 73, 75, 76], upper95: [99, 91, 89, 88], lower998: [55, 66, 70, 72], upper998: [100, 96, 94, 92] },
    formatValue: (v) => `${v.toFixed(1)}%`,
    formatTick: String,
    formatSize: String,
    ...overrides,
  };
}

describe('funnel plot', () => {
  it('is an image with a title and a description naming the units outside the limits', () => {
    const svg = funnelChartSvg(chart());
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="funnel-test-title">Appraisal rate: the teams of North hub</title>');
    expect(describeFunnelChart(chart())).toBe(
      '3 units plotted by eligible staff against value. Target 82.0%. Outside the limits: Team B 95.0% (above the 99.8% limit, favourable); Team C 70.0% (below the 95% limit, unfavourable).',
    );
    expect(describeFunnelChart(chart({ points: [] }))).toBe('No unit has a published value to plot.');
  });

  it('draws each unit with a mark whose shape says whether it is inside, favourable or unfavourable', () => {
    expect(funnelMark({ position: 'inside', favourability: null })).toBe('common');
    expect(funnelMark({ position: 'above_998', favourability: 'favourable' })).toBe('improvement');
    expect(funnelMark({ position: 'below_95', favourability: 'unfavourable' })).toBe('concern');
    expect(funnelMark({ position: 'above_95', favourability: null })).toBe('neutral');
    const points = /<g class="vitals-chart__points">(.*)<\/g><\/svg>$/.exec(funnelChartSvg(chart()))?.[1] ?? '';
    expect(points.match(/<circle /g)?.length).toBe(1);
    expect(points.match(/<rect /g)?.length).toBe(1);
    expect(points.match(/<path /g)?.length).toBe(1);
    expect(points).toContain('<title>Team B: 95.0%, above the 99.8% limit</title>');
  });

  it('puts a larger unit further right and a higher value higher up, limits clipped to the frame', () => {
    const g = funnelGeometry(chart());
    expect(g.x(60)).toBeGreaterThan(g.x(20));
    expect(g.x(0)).toBeGreaterThan(0);
    expect(g.x(g.xTicks.at(-1) ?? 0)).toBeLessThanOrEqual(FUNNEL_WIDTH);
    expect(g.y(95)).toBeLessThan(g.y(70));
    expect(funnelChartSvg(chart())).toContain('clip-path="url(#funnel-test-clip)"');
  });

  it('draws the curves from a little below the smallest unit to just past the largest', () => {
    const sizes = curveSizes([{ size: 20 }, { size: 100 }], 5);
    expect(sizes[0]).toBe(10);
    expect(sizes.at(-1)).toBeCloseTo(105);
    expect(curveSizes([])).toEqual([]);
  });
});
