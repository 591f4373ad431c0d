import { formatPeriodLong, formatPlain, formatValue } from '#src/scorecard/format.ts';

/**
 * Whether a success measure is on its way from baseline to target: Vitals' own rule (no national
 * one exists), written down with its reasons in docs/board.md.
 */
export type TrajectoryStatus = 'on-track' | 'at-risk' | 'off-track' | 'no-data';

export const TRAJECTORY_LABELS: Record<TrajectoryStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'no-data': 'No data',
};

/** A value in the metric's display units (10.7 for 10.7%) at a 'YYYY-MM' month or a 'YYYY' year. */
export interface PeriodValue {
  value: number;
  period: string;
}

export interface TrajectoryInput {
  /** Null when the measure has no metric linked. */
  metric: { format: string; polarity: 'increase' | 'decrease' | 'neutral' } | null;
  baseline: PeriodValue | null;
  target: PeriodValue | null;
  /** The metric's published series (suppressed points null), oldest first. */
  series: { periods: readonly string[]; values: readonly (number | null)[] } | null;
  /** 'YYYY-MM': judge with what was known at the end of this month. */
  asOf: string;
}

export interface Trajectory {
  status: TrajectoryStatus;
  /** The latest published value at or before the as-of month. */
  actual: PeriodValue | null;
  /** Where the straight line from baseline to target stands at the actual's period. */
  expected: number | null;
  /** How far the actual is behind the expected value in the direction of improvement (negative: ahead). */
  shortfall: number | null;
  /** How far behind still counts as at risk rather than off track. */
  tolerance: number | null;
  /** The evidence in one plain sentence. */
  sentence: string;
}

const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

/** 'YYYY-MM' or 'YYYY' (a yearly survey, counted as the year's last month) → months since year 0; null when neither. */
export function monthIndex(period: string): number | null {
  const match = PERIOD.exec(period);
  if (!match) return null;
  return Number(match[1]) * 12 + (match[2] === undefined ? 11 : Number(match[2]) - 1);
}

/** The straight line from baseline to target by month: the baseline before it starts, the target after it ends. */
export function expectedAt(baseline: PeriodValue, target: PeriodValue, period: string): number {
  const from = monthIndex(baseline.period) ?? 0;
  const to = monthIndex(target.period) ?? 0;
  const at = monthIndex(period) ?? 0;
  if (at <= from) return baseline.value;
  if (at >= to) return target.value;
  return baseline.value + ((target.value - baseline.value) * (at - from)) / (to - from);
}

function latestActual(series: TrajectoryInput['series'], asOf: number): PeriodValue | null {
  if (!series) return null;
  for (let i = series.periods.length - 1; i >= 0; i--) {
    const period = series.periods[i] ?? '';
    const value = series.values[i];
    const month = monthIndex(period);
    if (value !== null && value !== undefined && month !== null && month <= asOf) return { value, period };
  }
  return null;
}

/** Which way is better: +1 up, −1 down, 0 when the target is to stay where it is on a neutral metric. */
function improvementDirection(baseline: number, target: number, polarity: 'increase' | 'decrease' | 'neutral'): 1 | -1 | 0 {
  if (target > baseline) return 1;
  if (target < baseline) return -1;
  return polarity === 'increase' ? 1 : polarity === 'decrease' ? -1 : 0;
}

const roundOff = (value: number) => Math.round(value * 1e9) / 1e9;

function noData(sentence: string, actual: PeriodValue | null = null): Trajectory {
  return { status: 'no-data', actual, expected: null, shortfall: null, tolerance: null, sentence };
}

/** A gap in the metric's units: "1.3 percentage points", "0.26 points", "0.4 min". */
function formatGap(format: string, gap: number): string {
  if (format === 'percent') return `${formatPlain(format, gap)} percentage points`;
  if (format === 'score') return `${formatPlain(format, gap)} points`;
  return formatValue(format, gap);
}

export function trajectory(input: TrajectoryInput): Trajectory {
  const { metric, baseline, target } = input;
  if (!metric) return noData('No metric is linked to this measure.');
  if (!baseline || !target) return noData('The measure has no baseline or no target yet.');
  const asOf = monthIndex(input.asOf);
  const targetMonth = monthIndex(target.period);
  if (asOf === null || targetMonth === null || monthIndex(baseline.period) === null) return noData('The measure’s periods are not months or years.');
  const actual = latestActual(input.series, asOf);
  if (!actual) return noData(`No published value up to ${formatPeriodLong(input.asOf)}.`);

  const show = (value: number) => formatValue(metric.format, value);
  const direction = improvementDirection(baseline.value, target.value, metric.polarity);
  const expected = expectedAt(baseline, target, actual.period);
  // Rounded, so an actual exactly on the line is not "behind" by a floating-point crumb.
  const shortfall = roundOff(direction === 0 ? Math.abs(actual.value - expected) : direction * (expected - actual.value));
  const tolerance = roundOff(baseline.value === target.value ? 0.05 * Math.abs(target.value) : 0.1 * Math.abs(target.value - baseline.value));
  const when = `${show(actual.value)} in ${formatPeriodLong(actual.period)}`;
  const goal = `${show(target.value)} by ${formatPeriodLong(target.period)}`;
  const gap = formatGap(metric.format, Math.abs(shortfall));
  const evidence = { actual, expected, shortfall, tolerance };

  if (direction === 0) {
    // Holding a neutral metric where it is: on track within the tolerance either side, else off track.
    return shortfall <= tolerance
      ? { status: 'on-track', ...evidence, sentence: `${when}, within ${formatGap(metric.format, tolerance)} of the ${goal} it should hold.` }
      : { status: 'off-track', ...evidence, sentence: `${when}: ${gap} away from the ${goal} it should hold.` };
  }
  // From the target period on, only meeting the target counts: the line has run out.
  if ((monthIndex(actual.period) ?? 0) >= targetMonth) {
    return shortfall <= 0
      ? { status: 'on-track', ...evidence, sentence: `${when}: the target of ${goal} is met.` }
      : { status: 'off-track', ...evidence, sentence: `${when} against the target of ${goal}: ${gap} short of it.` };
  }
  if (direction * (actual.value - target.value) >= 0) {
    return { status: 'on-track', ...evidence, sentence: `${when}: already meets the target of ${goal}.` };
  }
  const status: TrajectoryStatus = shortfall <= 0 ? 'on-track' : shortfall <= tolerance ? 'at-risk' : 'off-track';
  const position = shortfall === 0 ? 'on the line' : shortfall < 0 ? `${gap} ahead` : `${gap} behind`;
  return { status, ...evidence, sentence: `${when} against ${show(expected)} expected on the way to ${goal}: ${position}.` };
}
