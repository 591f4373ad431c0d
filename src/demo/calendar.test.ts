import { describe, expect, it } from 'vitest';
import {
  dayFromIso,
  DEMO_END_MONTH,
  DEMO_MONTH_COUNT,
  isoFromDay,
  monthEndDay,
  monthIndex,
  monthIndexOfDay,
  monthKey,
  PERIOD_END_DAY,
  PERIOD_START_DAY,
} from '#src/demo/calendar.ts';

describe('calendar', () => {
  it('agrees with the UTC calendar', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2021-11-01', '2024-02-29', '2026-10-31', '2100-03-01']) {
      expect(dayFromIso(iso)).toBe(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
      expect(isoFromDay(dayFromIso(iso))).toBe(iso);
    }
  });

  it('spans 60 months ending in the end month', () => {
    expect(monthKey(0)).toBe('2021-11');
    expect(monthKey(DEMO_MONTH_COUNT - 1)).toBe(DEMO_END_MONTH);
    expect(isoFromDay(PERIOD_START_DAY)).toBe('2021-11-01');
    expect(isoFromDay(PERIOD_END_DAY)).toBe('2026-10-31');
    expect(isoFromDay(monthEndDay(monthIndex('2024-02')))).toBe('2024-02-29');
    expect(monthIndexOfDay(dayFromIso('2022-01-15'))).toBe(2);
  });
});
