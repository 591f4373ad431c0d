import { describe, expect, it } from 'vitest';
import {
  isInQuarter,
  latestCompleteQuarter,
  parseQuarter,
  quarterEnd,
  quarterKey,
  quarterLabel,
  quarterOf,
  quartersBetween,
  quartersEnding,
  quarterStart,
} from './quarters.ts';

describe('financial-year quarters', () => {
  it('runs Q1 April to June through Q4 January to March of the next calendar year', () => {
    expect(quarterOf('2026-04-01')).toEqual({ year: 2026, number: 1 });
    expect(quarterOf('2026-06-30')).toEqual({ year: 2026, number: 1 });
    expect(quarterOf('2026-07-01')).toEqual({ year: 2026, number: 2 });
    expect(quarterOf('2026-12-31')).toEqual({ year: 2026, number: 3 });
    expect(quarterOf('2027-01-01')).toEqual({ year: 2026, number: 4 });
    expect(quarterOf('2027-03-31')).toEqual({ year: 2026, number: 4 });
    expect([1, 2, 3, 4].map((number) => [quarterStart({ year: 2023, number: number as 1 }), quarterEnd({ year: 2023, number: number as 1 })])).toEqual([
      ['2023-04-01', '2023-06-30'],
      ['2023-07-01', '2023-09-30'],
      ['2023-10-01', '2023-12-31'],
      ['2024-01-01', '2024-03-31'],
    ]);
    expect(isInQuarter('2024-02-29', { year: 2023, number: 4 })).toBe(true);
    expect(isInQuarter('2024-04-01', { year: 2023, number: 4 })).toBe(false);
  });

  it('is written 2026-Q2 in addresses and 2026/27 Q2 on pages', () => {
    expect(parseQuarter('2026-Q2')).toEqual({ year: 2026, number: 2 });
    expect(quarterKey({ year: 2026, number: 2 })).toBe('2026-Q2');
    expect(quarterLabel({ year: 2026, number: 2 })).toBe('2026/27 Q2');
    expect(quarterLabel({ year: 1999, number: 4 })).toBe('1999/00 Q4');
    for (const bad of ['2026-Q5', '2026Q2', '26-Q1', '2026-q2', '2026/27 Q2', '']) expect(parseQuarter(bad)).toBeUndefined();
  });

  it('knows the latest complete quarter and counts back', () => {
    expect(latestCompleteQuarter('2026-11-02')).toEqual({ year: 2026, number: 2 });
    expect(latestCompleteQuarter('2026-09-30')).toEqual({ year: 2026, number: 1 });
    expect(latestCompleteQuarter('2026-04-01')).toEqual({ year: 2025, number: 4 });
    expect(quartersEnding({ year: 2026, number: 2 }, 8).map(quarterKey)).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(quartersBetween({ year: 2025, number: 4 }, { year: 2026, number: 2 }).map(quarterKey)).toEqual(['2026-Q2', '2026-Q1', '2025-Q4']);
    expect(quartersBetween({ year: 2026, number: 3 }, { year: 2026, number: 2 })).toEqual([]);
  });
});
