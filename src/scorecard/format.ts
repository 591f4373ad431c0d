import { FORMATS, type MetricFormat } from '#src/metrics/catalogue.ts';
import { MINIMUM_GROUP_SIZES, type SuppressionMetric } from '#src/stats/suppression/thresholds.ts';

/** Decimal places each format is shown with. */
const DECIMALS: Record<MetricFormat, number> = { percent: 1, 'rate-100': 1, 'rate-1000': 2, score: 2, minutes: 1, seconds: 0 };

const AXIS_LABELS: Record<MetricFormat, string> = {
  percent: 'Per cent',
  'rate-100': 'Per 100 staff a year',
  'rate-1000': 'Per 1,000 incidents',
  score: 'Score (0 to 10)',
  minutes: 'Minutes',
  seconds: 'Seconds',
};

const numberFormats = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format;
}

function asFormat(format: string): MetricFormat {
  return format in FORMATS ? (format as MetricFormat) : 'score';
}

/** A value in display units with its suffix: "4.2%", "3.1 per 100 staff a year", "7.3 min". */
export function formatValue(format: string, value: number): string {
  const f = asFormat(format);
  return `${numberFormat(DECIMALS[f]).format(value)}${FORMATS[f].suffix}`;
}

/** A value for an axis or a table column already headed with its unit. */
export function formatPlain(format: string, value: number): string {
  return numberFormat(DECIMALS[asFormat(format)]).format(value);
}

/** An axis tick: as few decimals as the tick needs. */
export function formatTick(value: number): string {
  return numberFormat(Number.isInteger(value) ? 0 : Math.min(3, String(value).split('.')[1]?.length ?? 0)).format(value);
}

export function axisLabel(format: string): string {
  return AXIS_LABELS[asFormat(format)];
}

/** A count or a size (numerators and denominators): whole numbers plainly, others to one decimal place. */
export function formatCount(value: number): string {
  return numberFormat(Number.isInteger(value) ? 0 : 1).format(value);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 'YYYY-MM' → "Oct 2026"; 'YYYY' stays as it is. */
export function formatPeriod(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  return `${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

/** 'YYYY-MM' → "October 2026", for sentences. */
export function formatPeriodLong(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return period;
  return `${LONG_MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

export const POINT_TYPE_LABELS: Record<string, string> = {
  common_cause: 'Common cause',
  special_cause_improvement: 'Special cause of improvement',
  special_cause_concern: 'Special cause of concern',
  special_cause_neutral_high: 'Special cause (higher)',
  special_cause_neutral_low: 'Special cause (lower)',
};

export const POLARITY_LABELS: Record<string, string> = {
  increase: 'Higher is better',
  decrease: 'Lower is better',
  neutral: 'Neither higher nor lower is better',
};

export interface MetricSuppression {
  suppressionRule: string;
  minimumGroupSize: number | null;
}

/** The minimum group size N that applies to a metric, and what it counts; null when the metric is never suppressed. */
export function minimumFor(metric: MetricSuppression): { size: number; countedOver: string } | null {
  if (!(metric.suppressionRule in MINIMUM_GROUP_SIZES)) return null;
  const rule = MINIMUM_GROUP_SIZES[metric.suppressionRule as SuppressionMetric];
  return { size: metric.minimumGroupSize ?? rule.default, countedOver: rule.countedOver };
}

/**
 * What a suppressed cell says instead of its value. The count given is the minimum, never the
 * actual size (suppression.md); a cell hidden only so that another cannot be worked out says so.
 */
export function suppressedText(code: number, metric: MetricSuppression): string {
  if (code === 2) return 'suppressed (so a smaller group cannot be worked out)';
  const minimum = minimumFor(metric);
  return minimum ? `suppressed (fewer than ${minimum.size})` : 'suppressed';
}

/** What the engine multiplies a funnel's ratio by to store it: a score enters as a proportion of its maximum of 10. */
export function funnelDisplayFactor(format: string): number {
  const f = asFormat(format);
  return f === 'score' ? 10 : FORMATS[f].scale;
}
