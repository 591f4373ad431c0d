import type { ReportMetric, ReportSnapshot } from '#src/board/snapshot.ts';
import type { SeriesData } from '#src/metrics/schema.ts';

/**
 * A hand-made report for the output tests: three metrics under two objectives (a monthly percentage
 * with a suppressed month, a monthly response time, a yearly survey score), spots, speak-up themes
 * with a suppressed cell, and changes since the last report.
 */

function months(last: string, count: number): string[] {
  const [year = 0, month = 1] = last.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.UTC(year, month - 1 - (count - 1 - i), 1));
    return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

function series(periods: string[], values: number[], options: { suppressedAt?: number; denominator: number }): SeriesData {
  const shown = values.filter((_, i) => i !== options.suppressedAt);
  const mean = shown.reduce((sum, v) => sum + v, 0) / shown.length;
  const movingRanges = shown.slice(1).map((v, i) => Math.abs(v - (shown[i] ?? v)));
  const spread = (2.66 * movingRanges.reduce((sum, v) => sum + v, 0)) / Math.max(1, movingRanges.length);
  const suppressed = (i: number) => i === options.suppressedAt;
  return {
    periods,
    numerators: values.map((v, i) => (suppressed(i) ? null : Math.round((v / 100) * options.denominator))),
    denominators: values.map((_, i) => (suppressed(i) ? null : options.denominator)),
    values: values.map((v, i) => (suppressed(i) ? null : v)),
    suppressed: values.map((_, i) => (suppressed(i) ? 1 : 0)),
    mean: values.map(() => mean),
    lower: values.map(() => mean - spread),
    upper: values.map(() => mean + spread),
    pointTypes: values.map((v, i) => (suppressed(i) ? '' : v > mean + spread ? 'special_cause_concern' : 'common_cause')),
    funnel: null,
  };
}

const sicknessPeriods = months('2026-10', 24);
const sicknessValues = sicknessPeriods.map((_, i) => 4.6 + 0.4 * Math.sin(i / 2) + (i === 23 ? 2.1 : 0));
const c2Periods = months('2026-10', 18);
const c2Values = c2Periods.map((_, i) => 31 - i * 0.4 + 1.5 * Math.cos(i));

export const SAMPLE_METRICS: ReportMetric[] = [
  {
    key: 'sickness_absence_rate',
    name: 'Sickness absence rate',
    description: 'FTE days lost to sickness as a share of FTE days available in the month.',
    source: 'sickness',
    format: 'percent',
    numeratorLabel: 'FTE days lost',
    denominatorLabel: 'FTE days available',
    suppressionRule: 'workforce',
    minimumGroupSize: null,
    polarity: 'decrease',
    owner: 'Director of People',
    period: '2026-10',
    value: sicknessValues[23] ?? null,
    target: 4.5,
    variation: 'concern_high',
    assurance: 'fail',
    series: series(sicknessPeriods, sicknessValues, { suppressedAt: 5, denominator: 52_000 }),
    commentary: {
      chartTellsUs: 'Sickness rose sharply in October, above the upper process limit for the first time in two years.',
      actions: 'Occupational health is reviewing the long-term cases in the two stations with the highest rates.',
      expectChange: 'From January 2027, once the winter vaccination campaign has finished.',
      author: 'Priya Shah',
    },
  },
  {
    key: 'c2_mean',
    name: 'Category 2 mean response',
    description: 'Mean response to Category 2 (emergency) calls; the standard is 18 minutes.',
    source: 'operational',
    format: 'minutes',
    numeratorLabel: 'Total response minutes',
    denominatorLabel: 'Incidents',
    suppressionRule: 'none',
    minimumGroupSize: null,
    polarity: 'decrease',
    owner: 'Chief Operating Officer',
    period: '2026-10',
    value: c2Values[17] ?? null,
    target: 30,
    variation: 'improvement_low',
    assurance: 'hit_and_miss',
    series: series(c2Periods, c2Values, { denominator: 9_000 }),
    commentary: null,
  },
  {
    key: 'staff_engagement',
    name: 'Staff engagement',
    description: 'NHS Staff Survey engagement theme (0–10).',
    source: 'survey',
    format: 'score',
    numeratorLabel: 'Score total',
    denominatorLabel: 'Respondents',
    suppressionRule: 'survey',
    minimumGroupSize: null,
    polarity: 'increase',
    owner: 'Chief People Officer',
    period: '2025',
    value: 6.4,
    target: null,
    variation: null,
    assurance: null,
    series: {
      periods: ['2023', '2024', '2025'],
      numerators: [null, null, null],
      denominators: [1210, 1302, 1288],
      values: [6.1, 6.3, 6.4],
      suppressed: [0, 0, 0],
      mean: [null, null, null],
      lower: [null, null, null],
      upper: [null, null, null],
      pointTypes: ['', '', ''],
      funnel: null,
    },
    commentary: null,
  },
];

export const SAMPLE_SNAPSHOT: ReportSnapshot = {
  month: '2026-10',
  trustName: 'North Vale Ambulance Service NHS Trust',
  takenAt: '2026-11-02T10:00:00.000Z',
  objectives: [
    { title: 'Our people', commitment: 'Make this the best place to work.', metrics: [SAMPLE_METRICS[0] as ReportMetric, SAMPLE_METRICS[2] as ReportMetric] },
    { title: 'Our patients', commitment: 'Reach every patient in time.', metrics: [SAMPLE_METRICS[1] as ReportMetric] },
  ],
  spots: [
    { kind: 'dark', unitName: 'Hartley Station', evidence: ['Sickness absence rate: special cause of concern', 'Leaver rate: failing target'] },
    { kind: 'bright', unitName: 'Clinical Hub', evidence: ['Appraisal rate: special cause of improvement'] },
  ],
  speakUp: {
    quarter: '2026-Q2',
    categories: ['Patient safety', 'Bullying or harassment'],
    rows: [
      { directorate: 'Operations', cases: 14, byCategory: [6, 8] },
      { directorate: 'Corporate', cases: null, byCategory: [null, null] },
    ],
    note: 'Counts below 5 are suppressed, with another cell where one could be worked out from a total.',
  },
  changesSinceMonth: '2026-09',
  changes: [{ metricKey: 'sickness_absence_rate', name: 'Sickness absence rate', previousValue: 4.8, value: sicknessValues[23] ?? null, previousVariation: 'common_cause', variation: 'concern_high' }],
};
