/**
 * Financial-year quarters, as the National Guardian's Office collects its return: Q1 is April to
 * June, Q4 January to March of the next calendar year. Written "2026-Q2" in addresses (the year the
 * financial year starts) and "2026/27 Q2" on pages and in files.
 */

export interface Quarter {
  /** The calendar year the financial year starts in (April). */
  year: number;
  number: 1 | 2 | 3 | 4;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function quarterKey(quarter: Quarter): string {
  return `${quarter.year}-Q${quarter.number}`;
}

export function quarterLabel(quarter: Quarter): string {
  return `${quarter.year}/${pad((quarter.year + 1) % 100)} Q${quarter.number}`;
}

/** "2026-Q2" → the quarter; undefined for anything else. */
export function parseQuarter(text: string): Quarter | undefined {
  const match = /^(\d{4})-Q([1-4])$/.exec(text.trim());
  if (!match) return undefined;
  return { year: Number(match[1]), number: Number(match[2]) as Quarter['number'] };
}

export function quarterOf(day: string): Quarter {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (month >= 4) return { year, number: (Math.floor((month - 4) / 3) + 1) as Quarter['number'] };
  return { year: year - 1, number: 4 };
}

/** First day (inclusive), ISO. */
export function quarterStart(quarter: Quarter): string {
  return quarter.number === 4 ? `${quarter.year + 1}-01-01` : `${quarter.year}-${pad(3 * quarter.number + 1)}-01`;
}

/** Last day (inclusive), ISO. */
export function quarterEnd(quarter: Quarter): string {
  const start = quarterStart(quarter);
  const lastDay = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) + 2, 0));
  return lastDay.toISOString().slice(0, 10);
}

export function isInQuarter(day: string, quarter: Quarter): boolean {
  return quarterStart(quarter) <= day && day <= quarterEnd(quarter);
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarter.number === 1 ? { year: quarter.year - 1, number: 4 } : { year: quarter.year, number: (quarter.number - 1) as Quarter['number'] };
}

/** The last quarter that ended before `today` (a quarter is complete the day after its last day). */
export function latestCompleteQuarter(today: string): Quarter {
  return previousQuarter(quarterOf(today));
}

/** `count` quarters ending with `last`, oldest first. */
export function quartersEnding(last: Quarter, count: number): Quarter[] {
  const quarters = [last];
  while (quarters.length < count) quarters.unshift(previousQuarter(quarters[0] ?? last));
  return quarters;
}

export function sameQuarter(a: Quarter, b: Quarter): boolean {
  return a.year === b.year && a.number === b.number;
}

/** Quarters from `first` to `last` inclusive, newest first (empty when `first` is after `last`). */
export function quartersBetween(first: Quarter, last: Quarter): Quarter[] {
  const quarters: Quarter[] = [];
  for (let quarter = last; quarterStart(quarter) >= quarterStart(first); quarter = previousQuarter(quarter)) quarters.push(quarter);
  return quarters;
}
