import type { TrustFacts } from '#src/metrics/facts.ts';
import { dayOf, monthEndDay, monthStartDay } from './calendar.ts';
import type { UnitTree } from './tree.ts';

/**
 * Staffing per unit × month derived from assignments (unit-major, `u * months + t`), and each
 * person's unit at every month end, which the "in post" metrics (stability, appraisal) read.
 */
export interface Staffing {
  months: number;
  /** Ordinal of month 0. */
  firstMonth: number;
  /** Distinct people in post on the last day of the month. */
  headcount: Float64Array;
  /** FTE in post on the last day. */
  fte: Float64Array;
  /** FTE × calendar days in post during the month (sickness absence denominator). */
  fteDays: Float64Array;
  /** Person-days in post during the month ÷ 365.25 (rates per 100 staff a year). */
  staffYears: Float64Array;
  /** Person index by staff number. */
  personIndex: Map<string, number>;
  /** Unit index each person is in at each month end (their largest-FTE assignment), −1 when not in post. */
  unitAtEnd: Int32Array;
  /** Earliest assignment start (day number) per person. */
  serviceStart: Float64Array;
}

const DAYS_PER_YEAR = 365.25;

export function deriveStaffing(facts: TrustFacts, tree: UnitTree, firstMonth: number, months: number): Staffing {
  const personIndex = new Map<string, number>();
  const days = new Map<string, number>();
  const dayOfDate = (iso: string): number => {
    let day = days.get(iso);
    if (day === undefined) {
      day = dayOf(iso);
      days.set(iso, day);
    }
    return day;
  };
  const rows = facts.assignments
    .map((a) => {
      let p = personIndex.get(a.staffNumber);
      if (p === undefined) {
        p = personIndex.size;
        personIndex.set(a.staffNumber, p);
      }
      return { p, u: tree.indexById.get(a.unitId) ?? -1, fte: a.fte, start: dayOfDate(a.startDate), end: a.endDate === null ? Number.POSITIVE_INFINITY : dayOfDate(a.endDate) };
    })
    .filter((r) => r.u >= 0)
    .sort((a, b) => a.p - b.p || a.u - b.u || a.start - b.start);

  const people = personIndex.size;
  const cells = tree.size * months;
  const headcount = new Float64Array(cells);
  const fte = new Float64Array(cells);
  const fteDays = new Float64Array(cells);
  const staffYears = new Float64Array(cells);
  const unitAtEnd = new Int32Array(people * months).fill(-1);
  const fteAtEnd = new Float64Array(people * months);
  const counted = new Int32Array(people * months).fill(-1);
  const serviceStart = new Float64Array(people).fill(Number.POSITIVE_INFINITY);
  const starts = Float64Array.from({ length: months }, (_, t) => monthStartDay(firstMonth + t));
  const ends = Float64Array.from({ length: months }, (_, t) => monthEndDay(firstMonth + t));
  const lastDay = ends[months - 1] ?? 0;
  const firstDay = starts[0] ?? 0;

  for (const r of rows) {
    if (r.start < serviceStart[r.p]!) serviceStart[r.p] = r.start;
    if (r.start > lastDay || r.end < firstDay) continue;
    // First month the assignment touches: binary-free scan from the month of its start.
    let t = 0;
    while (t < months && ends[t]! < r.start) t++;
    for (; t < months && starts[t]! <= r.end; t++) {
      const cell = r.u * months + t;
      const from = Math.max(r.start, starts[t]!);
      const to = Math.min(r.end, ends[t]!);
      const days = to - from + 1;
      fteDays[cell]! += r.fte * days;
      staffYears[cell]! += days / DAYS_PER_YEAR;
      if (r.end >= ends[t]!) {
        fte[cell]! += r.fte;
        const pt = r.p * months + t;
        if (counted[pt] !== r.u) {
          headcount[cell]! += 1;
          counted[pt] = r.u;
        }
        if (unitAtEnd[pt] === -1 || r.fte > fteAtEnd[pt]!) {
          unitAtEnd[pt] = r.u;
          fteAtEnd[pt] = r.fte;
        }
      }
    }
  }
  return { months, firstMonth, headcount, fte, fteDays, staffYears, personIndex, unitAtEnd, serviceStart };
}
