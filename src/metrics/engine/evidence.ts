import { FORMATS } from '#src/metrics/catalogue.ts';
import { monthInWords } from './calendar.ts';
import type { EngineMetric } from './metric.ts';

/** A value in display units as pages show it ("4.2%", "6.1", "7.3 min"). */
export function formatValue(metric: Pick<EngineMetric, 'format'>, value: number): string {
  const suffix = metric.format === 'score' ? '' : FORMATS[metric.format].suffix;
  const digits = metric.format === 'rate-1000' ? 2 : 1;
  return `${value.toFixed(digits)}${suffix}`;
}

const span = (from: string, to: string): string => (from === to ? `in ${monthInWords(to)}` : `over ${monthInWords(from)} to ${monthInWords(to)}`);

/** "Sickness absence rate: special cause of concern since May 2026 (7.9% in October 2026; mean 5.1%)". */
export function spcEvidence(metric: EngineMetric, kind: 'concern' | 'improvement', since: string, last: string, value: number, mean: number): string {
  const latest = Number.isNaN(value) ? '' : ` (${formatValue(metric, value)} in ${monthInWords(last)}${Number.isNaN(mean) ? '' : `; mean ${formatValue(metric, mean)}`})`;
  return `${metric.name}: special cause of ${kind} since ${monthInWords(since)}${latest}`;
}

/**
 * Funnel evidence. Event counts: "5 cases opened in 6 months where 1.2 were expected (Formal
 * employee relations cases, above the 99.8% funnel limit)". Otherwise: "Staff engagement 5.9 in
 * 2025, below the 99.8% funnel limit of 6.4".
 */
export function funnelEvidence(
  metric: EngineMetric,
  window: { fromPeriod: string; toPeriod: string; months: number },
  side: 'above' | 'below',
  numerator: number,
  expected: number,
  value: number,
  limit: number,
): string {
  if (metric.countsEvents) {
    const noun = metric.numeratorLabel.toLowerCase();
    const period = window.months === 1 ? `in ${monthInWords(window.toPeriod)}` : `in ${window.months} months to ${monthInWords(window.toPeriod)}`;
    return `${Math.round(numerator)} ${noun} ${period} where ${expected.toFixed(1)} ${expected.toFixed(1) === '1.0' ? 'was' : 'were'} expected (${metric.name}, ${side} the 99.8% funnel limit)`;
  }
  const where = window.months === 12 ? `in the 12 months to ${monthInWords(window.toPeriod)}` : span(window.fromPeriod, window.toPeriod);
  return `${metric.name} ${formatValue(metric, value)} ${where}, ${side} the 99.8% funnel limit of ${formatValue(metric, limit)}`;
}
