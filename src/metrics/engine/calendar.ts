/** Dates as whole day numbers (days since 1970-01-01, UTC) and months as ordinals (year × 12 + month − 1). */

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → day number. */
export function dayOf(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

/** 'YYYY-MM' (or a date) → month ordinal. */
export function monthOrdinal(key: string): number {
  return Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
}

export function monthKeyOf(ordinal: number): string {
  const year = Math.floor(ordinal / 12);
  return `${year}-${String(ordinal - year * 12 + 1).padStart(2, '0')}`;
}

export function monthStartDay(ordinal: number): number {
  const year = Math.floor(ordinal / 12);
  return Date.UTC(year, ordinal - year * 12, 1) / DAY_MS;
}

export function monthEndDay(ordinal: number): number {
  return monthStartDay(ordinal + 1) - 1;
}

/** Month ordinal of a day number. */
export function monthOfDay(day: number): number {
  const date = new Date(day * DAY_MS);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'YYYY-MM' → 'May 2026'; 'YYYY' stays as it is. */
export function monthInWords(period: string): string {
  if (period.length === 4) return period;
  return `${MONTH_NAMES[Number(period.slice(5, 7)) - 1] ?? '?'} ${period.slice(0, 4)}`;
}

/** The `count` month keys ending at `endMonth`, oldest first. */
export function monthsEndingAt(endMonth: string, count: number): string[] {
  const end = monthOrdinal(endMonth);
  return Array.from({ length: count }, (_, i) => monthKeyOf(end - count + 1 + i));
}
