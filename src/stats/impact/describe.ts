import type { Interval } from './bootstrap.ts';
import { includesZero, type ImpactResult } from './estimate.ts';

/**
 * Plain-English reporting of an impact estimate (impact.md: "Report in plain words … and say
 * plainly when the data cannot tell"). The data cannot tell when there were too few teams, when
 * the 95% interval includes no difference, or when the estimate is not credible (pre-trends
 * differed, or could not be checked).
 */
export interface OutcomeWording {
  /** The outcome as it reads mid-sentence: "turnover", "employee-relations cases". */
  name: string;
  /** Units of a difference: "percentage points", "cases per 100 staff"; "" for none. */
  units: string;
  /** Decimal places shown; 1 unless given. */
  decimals?: number;
}

/** The treated teams as they read mid-sentence; capitalised when they start one. */
export const DEFAULT_SUBJECT = 'teams led by graduates';
const DEFAULT_DECIMALS = 1;

/**
 * For example: "Teams led by graduates saw turnover fall by 1.8 percentage points more than
 * comparable teams (95% interval 0.4 to 3.1; 23 teams; pre-trends similar)."
 */
export function describeImpact(result: ImpactResult, outcome: OutcomeWording, subject = DEFAULT_SUBJECT): string {
  const decimals = outcome.decimals ?? DEFAULT_DECIMALS;
  const number = (x: number): string => formatMagnitude(x, decimals);
  const withUnits = (text: string): string => (outcome.units === '' ? text : `${text} ${outcome.units}`);
  const change = (x: number): string => {
    const magnitude = number(x);
    return Number(magnitude) === 0 ? 'no difference' : `a ${x < 0 ? 'fall' : 'rise'} of ${withUnits(magnitude)}`;
  };
  /** "0.4 to 3.1" for an interval on one side of 0 (magnitudes, smaller first), else "from a fall of 2.1 to a rise of 0.9". */
  const span = (interval: Interval): string => {
    if (includesZero(interval)) return `from ${change(interval.lower)} to ${change(interval.upper)}`;
    const [near, far] = interval.upper < 0 ? [interval.upper, interval.lower] : [interval.lower, interval.upper];
    return `${number(near)} to ${number(far)}`;
  };
  const percent = (interval: Interval): string => `${Math.round(interval.level * 100)}%`;
  const cannotTell = `The data cannot tell whether ${subject} saw ${outcome.name} change differently from comparable teams`;

  if (result.kind === 'insufficient-data') {
    const { treatedUsed, needed, settings } = result;
    return `${cannotTell}: only ${teams(treatedUsed)} had ${settings.minPreMonths} months of data before and ${settings.minPostMonths} after the change and a comparable team to set against, and at least ${needed} are needed.`;
  }

  const { att, interval, treatedUsed, placebo, preTrend } = result;
  const level = percent(interval);
  if (preTrend === 'different' && placebo.kind === 'estimate') {
    const drift = placebo.att < 0 ? 'falling' : 'rising';
    return `${cannotTell}: ${outcome.name} in these teams was already ${drift} by ${withUnits(number(placebo.att))} more than in comparable teams before the change (${percent(placebo.interval)} interval ${span(placebo.interval)}), so the estimate (${change(att)}; ${level} interval ${span(interval)}; ${teams(treatedUsed)}) cannot be credited to it.`;
  }
  if (preTrend === 'unchecked') {
    return `${cannotTell}: too few teams had enough months before the change to check that their trends matched comparable teams beforehand (estimate ${change(att)}; ${level} interval ${span(interval)}; ${teams(treatedUsed)}).`;
  }
  if (includesZero(interval)) {
    return `${cannotTell}: the estimate is ${change(att)}, but the ${level} interval runs ${span(interval)} (${teams(treatedUsed)}; pre-trends similar).`;
  }
  const direction = att < 0 ? 'fall' : 'rise';
  return `${capitalise(subject)} saw ${outcome.name} ${direction} by ${withUnits(number(att))} more than comparable teams (${level} interval ${span(interval)}; ${teams(treatedUsed)}; pre-trends similar).`;
}

const teams = (n: number): string => `${n} ${n === 1 ? 'team' : 'teams'}`;
const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** |x| to the given decimals, never "-0.0". */
function formatMagnitude(x: number, decimals: number): string {
  return Math.abs(x).toFixed(decimals);
}
