import { describe, expect, it } from 'vitest';
import type { SeriesData } from '#src/metrics/schema.ts';
import { spc } from '#src/stats/spc/index.ts';
import { iconsAt, periodAtOrBefore, periodIndexAt, seriesUpTo } from './at-month.ts';

function months(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `20${24 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
}

/** A series as the engine stores it: values with the SPC of the whole series. */
function stored(values: (number | null)[], polarity: 'increase' | 'decrease' | 'neutral', target: number | null): { data: SeriesData; variation: string | null; assurance: string | null } {
  const chart = spc(values, { improvement: polarity, ...(target === null ? {} : { target }) });
  return {
    data: {
      periods: months(values.length),
      numerators: values.map((v) => (v === null ? null : v * 10)),
      denominators: values.map((v) => (v === null ? null : 1000)),
      values,
      suppressed: values.map(() => 0),
      mean: chart.mean,
      lower: chart.lower,
      upper: chart.upper,
      pointTypes: values.map((v, i) => (v === null ? '' : (chart.points[i]?.type ?? ''))),
      funnel: null,
    },
    variation: chart.variation,
    assurance: chart.assurance,
  };
}

const steady = [5, 5.2, 4.9, 5.1, 5, 4.8, 5.3, 5, 5.1, 4.9, 5.2, 5, 5.1, 4.9, 5];
const rising = [...steady, 5.6, 5.8, 6.1, 6.3, 6.5, 6.8, 7.2];

describe('the period a report month shows', () => {
  it('takes the month itself, or the latest year at or before it for a yearly survey', () => {
    expect(periodAtOrBefore('2026-10', '2026-10')).toBe(true);
    expect(periodAtOrBefore('2026-11', '2026-10')).toBe(false);
    expect(periodAtOrBefore('2026', '2026-10')).toBe(true);
    expect(periodAtOrBefore('2027', '2026-10')).toBe(false);
    expect(periodIndexAt(['2023', '2024', '2025'], '2026-10')).toBe(2);
    expect(periodIndexAt(['2026-08', '2026-09', '2026-10', '2026-11'], '2026-10')).toBe(2);
    expect(periodIndexAt(['2026-11'], '2026-10')).toBe(-1);
  });

  it('cuts every array of the series at the period, dropping the funnel', () => {
    const { data } = stored(rising, 'increase', null);
    const cut = seriesUpTo(data, 4);
    for (const key of ['periods', 'numerators', 'denominators', 'values', 'suppressed', 'mean', 'lower', 'upper', 'pointTypes'] as const) {
      expect(cut[key], key).toEqual(data[key].slice(0, 5));
    }
    expect(cut.funnel).toBeNull();
  });
});

describe('icons at a period', () => {
  it('equal the SPC icons of the latest point at the series end, for every polarity and target', () => {
    for (const values of [steady, rising, [...rising].reverse()]) {
      for (const polarity of ['increase', 'decrease', 'neutral'] as const) {
        for (const target of [null, 3, 5, 9]) {
          const { data, variation, assurance } = stored(values, polarity, target);
          expect(iconsAt(data, data.periods.length - 1, polarity, target), `${polarity} ${target} ${values.join()}`).toEqual({ variation, assurance });
        }
      }
    }
  });

  it('read the point at an earlier month, and step back over a missing value as the kernel does', () => {
    const { data } = stored(rising, 'increase', null);
    expect(iconsAt(data, data.periods.length - 1, 'increase', null).variation).toBe('improvement_high');
    // The stored classification of the whole series: month 11 is in the run below the later mean.
    expect(data.pointTypes[10]).toBe('special_cause_concern');
    expect(iconsAt(data, 10, 'increase', null).variation).toBe('concern_low');
    const gap = stored([...rising.slice(0, -1), null], 'increase', null);
    expect(iconsAt(gap.data, gap.data.periods.length - 1, 'increase', null)).toEqual({ variation: gap.variation, assurance: gap.assurance });
    expect(gap.variation).toBe('improvement_high');
  });

  it('are absent for a chart too short for limits', () => {
    const { data, variation } = stored(steady.slice(0, 8), 'increase', 5);
    expect(variation).toBeNull();
    expect(iconsAt(data, 7, 'increase', 5)).toEqual({ variation: null, assurance: null });
  });
});
