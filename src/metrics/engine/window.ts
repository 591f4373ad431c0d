import { monthKeyOf, monthOrdinal } from './calendar.ts';
import { SURVEY_FIELDWORK_MONTH, SURVEY_VALID_MONTHS, WINDOW_MONTHS, type EngineMetric } from './metric.ts';
import type { RolledUp } from './rollup.ts';

/** The window aggregate of each unit that triangulation compares: sums over the window, where every cell in it is published. */
export interface WindowAggregates {
  fromPeriod: string;
  toPeriod: string;
  /** Periods the window spans, in words' terms (6 months, 12 months, 1 survey year). */
  months: number;
  numerator: Float64Array;
  denominator: Float64Array;
  /** 1 where the unit has a published aggregate. */
  published: Uint8Array;
}

/**
 * Latest 6 months summed (a window is published only when none of its cells is suppressed, so the
 * aggregate cannot reveal a hidden month); 12-month rolling metrics take their latest point (already
 * a 12-month figure); survey metrics their latest year, when its fieldwork is within 12 months of
 * the end month.
 */
export function windowAggregates(metric: EngineMetric, cells: RolledUp, reason: Uint8Array, units: number, endMonth: string): WindowAggregates | null {
  const T = cells.periods.length;
  if (T === 0) return null;
  const last = cells.periods[T - 1]!;
  let from = T - 1;
  let fromPeriod = last;
  let months = 1;
  if (metric.window === 'months') {
    from = Math.max(0, T - WINDOW_MONTHS);
    fromPeriod = cells.periods[from]!;
    months = T - from;
  } else if (metric.frequency === 'year') {
    const fieldwork = Number(last) * 12 + SURVEY_FIELDWORK_MONTH - 1;
    if (monthOrdinal(endMonth) - fieldwork > SURVEY_VALID_MONTHS) return null;
  } else {
    fromPeriod = monthKeyOf(monthOrdinal(last) - 11);
    months = 12;
  }
  const numerator = new Float64Array(units);
  const denominator = new Float64Array(units);
  const published = new Uint8Array(units);
  for (let u = 0; u < units; u++) {
    let ok = true;
    let any = false;
    let top = 0;
    let bottom = 0;
    for (let t = from; t < T; t++) {
      const cell = u * T + t;
      if (!cells.hasValue[cell]) continue;
      if (reason[cell]) {
        ok = false;
        break;
      }
      any = true;
      top += cells.numerator[cell]!;
      bottom += cells.denominator[cell]!;
    }
    if (ok && any && bottom > 0) {
      numerator[u] = top;
      denominator[u] = bottom;
      published[u] = 1;
    }
  }
  return { fromPeriod, toPeriod: last, months, numerator, denominator, published };
}
