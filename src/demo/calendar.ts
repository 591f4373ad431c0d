/**
 * Dates for the demo trust as whole day numbers (days since 1970-01-01) and calendar months,
 * computed arithmetically so nothing depends on the clock or the time zone.
 */

/** The last month of the demo's reference period; the generator never reads the clock. */
export const DEMO_END_MONTH = '2026-10';
export const DEMO_MONTH_COUNT = 60;

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function dayFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function partsFromDay(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** 'YYYY-MM-DD'. */
export function isoFromDay(dayNumber: number): string {
  const { year, month, day } = partsFromDay(dayNumber);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function dayFromIso(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`Not a date: ${iso}`);
  return dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
}

function parseMonth(monthKey: string): { year: number; month: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(monthKey);
  if (!match) throw new Error(`Not a month: ${monthKey}`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

const END = parseMonth(DEMO_END_MONTH);
const END_ORDINAL = END.year * 12 + END.month - 1;
/** Ordinal (year × 12 + month − 1) of the first month of the period. */
const START_ORDINAL = END_ORDINAL - DEMO_MONTH_COUNT + 1;

/** Month index within the period (0 = first month) of a 'YYYY-MM' key; may be outside 0..59. */
export function monthIndex(monthKey: string): number {
  const { year, month } = parseMonth(monthKey);
  return year * 12 + month - 1 - START_ORDINAL;
}

export function monthKey(index: number): string {
  const ordinal = START_ORDINAL + index;
  return `${Math.floor(ordinal / 12)}-${pad2((ordinal % 12) + 1)}`;
}

/** Calendar month 1..12 of a month index. */
export function calendarMonth(index: number): number {
  return ((START_ORDINAL + index) % 12) + 1;
}

function computeMonthStartDay(index: number): number {
  const ordinal = START_ORDINAL + index;
  return dayFromParts(Math.floor(ordinal / 12), (ordinal % 12) + 1, 1);
}

/** The period's month starts, and the one after, precomputed: generators ask for them millions of times. */
const MONTH_STARTS = Array.from({ length: DEMO_MONTH_COUNT + 1 }, (_, i) => computeMonthStartDay(i));

export function monthStartDay(index: number): number {
  return MONTH_STARTS[index] ?? computeMonthStartDay(index);
}

export function monthEndDay(index: number): number {
  return monthStartDay(index + 1) - 1;
}

export function monthIndexOfDay(dayNumber: number): number {
  const { year, month } = partsFromDay(dayNumber);
  return year * 12 + month - 1 - START_ORDINAL;
}

export const PERIOD_START_DAY = monthStartDay(0);
export const PERIOD_END_DAY = monthEndDay(DEMO_MONTH_COUNT - 1);
