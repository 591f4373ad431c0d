import type { Db } from '#src/db/client.ts';
import { metric } from '#src/db/schema.ts';

/**
 * Triangulation sources (`../shared/methods/triangulation.md`): each counts once, however many
 * metrics it has. Equality measures describe who works in a unit, not how it is doing: they are
 * charted and raise no signals.
 */
export const SOURCES = {
  sickness: 'Sickness absence',
  retention: 'Retention',
  development: 'Development',
  'speak-up': 'Speak up',
  'employee-relations': 'Employee relations',
  'patient-feedback': 'Patient feedback',
  survey: 'Staff survey',
  operational: 'Operational',
  equality: 'Equality, diversity and inclusion',
} as const;
export type MetricSource = keyof typeof SOURCES;

/** How a value is shown and how many units of the ratio it is: percent ×100, rate-100 ×100 … */
export const FORMATS = {
  percent: { scale: 100, suffix: '%' },
  'rate-100': { scale: 100, suffix: ' per 100 staff a year' },
  'rate-1000': { scale: 1000, suffix: ' per 1,000 incidents' },
  score: { scale: 1, suffix: '' },
  minutes: { scale: 1, suffix: ' min' },
  seconds: { scale: 1, suffix: ' s' },
} as const;
export type MetricFormat = keyof typeof FORMATS;

/** Which minimum group size applies (`MINIMUM_GROUP_SIZES`); 'edi' for protected-characteristic measures. */
export type SuppressionRule = 'workforce' | 'survey' | 'speakUp' | 'edi' | 'none';

export interface MetricDefinition {
  key: string;
  name: string;
  description: string;
  source: MetricSource;
  polarity: 'increase' | 'decrease' | 'neutral';
  format: MetricFormat;
  numeratorLabel: string;
  denominatorLabel: string;
  suppressionRule: SuppressionRule;
  /** Monthly, or yearly (the staff survey: its SPC uses the periods it has, no interpolation). */
  frequency: 'month' | 'year';
  /** How the funnel compares units: a proportion (numerator ≤ denominator) or a rate per exposure; null: no funnel. */
  funnel: 'proportion' | 'rate' | null;
  /** Not verified against a published definition (nhs-definitions.md [P]/[U]). */
  provisional: boolean;
}

const workforce = { suppressionRule: 'workforce', frequency: 'month' } as const;
const survey = { source: 'survey', suppressionRule: 'survey', frequency: 'year', polarity: 'increase' } as const;
const operational = { source: 'operational', suppressionRule: 'none', frequency: 'month', funnel: null, provisional: false } as const;

/** The catalogue, in the order pages show it. */
export const METRICS: readonly MetricDefinition[] = [
  { key: 'sickness_absence_rate', name: 'Sickness absence rate', description: 'FTE days lost to sickness as a share of FTE days available in the month (NHS Digital sickness absence rates).', source: 'sickness', polarity: 'decrease', format: 'percent', numeratorLabel: 'FTE days lost', denominatorLabel: 'FTE days available', funnel: 'rate', provisional: false, ...workforce },
  { key: 'sickness_long_term_share', name: 'Long-term sickness share', description: 'Days lost in episodes of 28 days or more as a share of all days lost.', source: 'sickness', polarity: 'neutral', format: 'percent', numeratorLabel: 'FTE days lost in long-term episodes', denominatorLabel: 'FTE days lost', funnel: null, provisional: false, ...workforce },
  { key: 'leaver_rate', name: 'Leaver rate (12 months)', description: 'Leavers from the trust in the 12 months to the month, as a share of the average headcount over those months.', source: 'retention', polarity: 'decrease', format: 'percent', numeratorLabel: 'Leavers in 12 months', denominatorLabel: 'Average headcount', funnel: 'proportion', provisional: false, ...workforce },
  { key: 'stability_index', name: 'Stability index', description: 'Staff in post 12 months before the end of the month who are still in post at its end.', source: 'retention', polarity: 'increase', format: 'percent', numeratorLabel: 'Still in post', denominatorLabel: 'In post 12 months before', funnel: 'proportion', provisional: false, ...workforce },
  { key: 'first_year_leavers', name: 'First-year leavers', description: 'Leavers with under 12 months’ service in the 12 months to the month, as a share of starters in the 12 months before that.', source: 'retention', polarity: 'decrease', format: 'percent', numeratorLabel: 'Leavers in their first year', denominatorLabel: 'Starters in the prior 12 months', funnel: 'rate', provisional: true, ...workforce },
  { key: 'vacancy_rate', name: 'Vacancy rate', description: 'Budgeted establishment FTE not filled by staff in post at the end of the month, as a share of establishment.', source: 'retention', polarity: 'decrease', format: 'percent', numeratorLabel: 'Vacant FTE', denominatorLabel: 'Establishment FTE', funnel: null, provisional: false, ...workforce },
  { key: 'appraisal_rate', name: 'Appraisal rate', description: 'Staff in post at the end of the month with an appraisal in the last 12 months, of those in post for at least 12 months.', source: 'development', polarity: 'increase', format: 'percent', numeratorLabel: 'Appraised in 12 months', denominatorLabel: 'Eligible staff', funnel: 'proportion', provisional: false, ...workforce },
  { key: 'training_compliance', name: 'Statutory and mandatory training', description: 'Course places in date, of all course places required, across the Core Skills Training Framework subjects.', source: 'development', polarity: 'increase', format: 'percent', numeratorLabel: 'Places in date', denominatorLabel: 'Places required', funnel: 'proportion', provisional: false, ...workforce },
  { key: 'sexual_safety_training', name: 'Sexual safety and bystander training', description: 'Staff in date with the sexual safety and active bystander course, of those who need it.', source: 'development', polarity: 'increase', format: 'percent', numeratorLabel: 'Staff trained', denominatorLabel: 'Staff who need it', funnel: 'proportion', provisional: false, ...workforce },
  { key: 'speak_up_concerns', name: 'Speak-up concerns', description: 'Freedom to Speak Up concerns raised, per 100 staff a year. More concerns can mean more trust in speaking up as well as more problems, so the measure is neutral.', source: 'speak-up', polarity: 'neutral', format: 'rate-100', numeratorLabel: 'Concerns', denominatorLabel: 'Staff-years', funnel: 'rate', provisional: false, suppressionRule: 'speakUp', frequency: 'month' },
  { key: 'speak_up_detriment', name: 'Concerns with detriment indicated', description: 'Speak-up concerns where the person said they had suffered detriment for speaking up, of all concerns.', source: 'speak-up', polarity: 'decrease', format: 'percent', numeratorLabel: 'Concerns with detriment', denominatorLabel: 'Concerns', funnel: 'proportion', provisional: false, suppressionRule: 'speakUp', frequency: 'month' },
  { key: 'employee_relations_cases', name: 'Formal employee relations cases', description: 'Disciplinary, grievance, bullying and harassment, and capability cases opened, per 100 staff a year.', source: 'employee-relations', polarity: 'decrease', format: 'rate-100', numeratorLabel: 'Cases opened', denominatorLabel: 'Staff-years', funnel: 'rate', provisional: false, ...workforce },
  { key: 'bullying_harassment_cases', name: 'Bullying and harassment cases', description: 'Formal bullying and harassment cases opened, per 100 staff a year.', source: 'employee-relations', polarity: 'decrease', format: 'rate-100', numeratorLabel: 'Cases opened', denominatorLabel: 'Staff-years', funnel: 'rate', provisional: false, ...workforce },
  { key: 'complaints_rate', name: 'Complaints', description: 'Complaints received per 1,000 incidents attended.', source: 'patient-feedback', polarity: 'decrease', format: 'rate-1000', numeratorLabel: 'Complaints', denominatorLabel: 'Incidents attended', funnel: 'rate', provisional: false, suppressionRule: 'none', frequency: 'month' },
  { key: 'compliments_rate', name: 'Compliments', description: 'Compliments received per 1,000 incidents attended.', source: 'patient-feedback', polarity: 'increase', format: 'rate-1000', numeratorLabel: 'Compliments', denominatorLabel: 'Incidents attended', funnel: 'rate', provisional: false, suppressionRule: 'none', frequency: 'month' },
  { key: 'staff_engagement', name: 'Staff engagement', description: 'NHS Staff Survey engagement theme (0–10): the mean of the motivation, involvement and advocacy sub-scores over respondents.', format: 'score', numeratorLabel: 'Sum of respondent scores', denominatorLabel: 'Respondents', funnel: 'proportion', provisional: true, ...survey },
  { key: 'engagement_motivation', name: 'Motivation', description: 'Staff engagement sub-score (0–10) from questions 2a–2c.', format: 'score', numeratorLabel: 'Sum of respondent scores', denominatorLabel: 'Respondents', funnel: null, provisional: true, ...survey },
  { key: 'engagement_involvement', name: 'Involvement', description: 'Staff engagement sub-score (0–10) from questions 3c, 3d and 3f.', format: 'score', numeratorLabel: 'Sum of respondent scores', denominatorLabel: 'Respondents', funnel: null, provisional: true, ...survey },
  { key: 'engagement_advocacy', name: 'Advocacy', description: 'Staff engagement sub-score (0–10) from questions 25a, 25c and 25d.', format: 'score', numeratorLabel: 'Sum of respondent scores', denominatorLabel: 'Respondents', funnel: null, provisional: true, ...survey },
  { key: 'raising_concerns', name: 'Raising concerns', description: 'People Promise “We each have a voice that counts” raising concerns sub-score (0–10) from questions 20a, 20b, 25e and 25f, for respondents who answered at least three.', format: 'score', numeratorLabel: 'Sum of respondent scores', denominatorLabel: 'Respondents', funnel: null, provisional: true, ...survey },
  { key: 'safe_to_speak_up', name: 'Feel safe to speak up', description: '“I feel safe to speak up about anything that concerns me in this organisation” (question 25e): agree or strongly agree, of those who answered.', format: 'percent', numeratorLabel: 'Agree or strongly agree', denominatorLabel: 'Answered', funnel: 'proportion', provisional: false, ...survey },
  { key: 'c1_mean', name: 'Category 1 mean response', description: 'Mean response time to Category 1 (life-threatening) calls; the national standard is 7 minutes.', polarity: 'decrease', format: 'minutes', numeratorLabel: 'Mean (minutes)', denominatorLabel: 'Incidents', ...operational },
  { key: 'c1_90th', name: 'Category 1 90th centile', description: '90th centile response to Category 1 calls; the standard is 15 minutes.', polarity: 'decrease', format: 'minutes', numeratorLabel: '90th centile (minutes)', denominatorLabel: 'Incidents', ...operational },
  { key: 'c2_mean', name: 'Category 2 mean response', description: 'Mean response to Category 2 (emergency) calls; the standard is 18 minutes (30 minutes in the 2025/26 recovery plan).', polarity: 'decrease', format: 'minutes', numeratorLabel: 'Mean (minutes)', denominatorLabel: 'Incidents', ...operational },
  { key: 'c2_90th', name: 'Category 2 90th centile', description: '90th centile response to Category 2 calls; the standard is 40 minutes.', polarity: 'decrease', format: 'minutes', numeratorLabel: '90th centile (minutes)', denominatorLabel: 'Incidents', ...operational },
  { key: 'c3_90th', name: 'Category 3 90th centile', description: '90th centile response to Category 3 (urgent) calls; the standard is 120 minutes.', polarity: 'decrease', format: 'minutes', numeratorLabel: '90th centile (minutes)', denominatorLabel: 'Incidents', ...operational },
  { key: 'c4_90th', name: 'Category 4 90th centile', description: '90th centile response to Category 4 (less urgent) calls; the standard is 180 minutes.', polarity: 'decrease', format: 'minutes', numeratorLabel: '90th centile (minutes)', denominatorLabel: 'Incidents', ...operational },
  { key: 'handover_15', name: 'Handovers within 15 minutes', description: 'Patients handed over at hospital within 15 minutes of arrival, of all handovers.', polarity: 'increase', format: 'percent', numeratorLabel: 'Within 15 minutes', denominatorLabel: 'Handovers', ...operational },
  { key: 'handover_30', name: 'Handovers within 30 minutes', description: 'Handed over within 30 minutes of arrival, of all handovers.', polarity: 'increase', format: 'percent', numeratorLabel: 'Within 30 minutes', denominatorLabel: 'Handovers', ...operational },
  { key: 'handover_60', name: 'Handovers within 60 minutes', description: 'Handed over within 60 minutes of arrival, of all handovers.', polarity: 'increase', format: 'percent', numeratorLabel: 'Within 60 minutes', denominatorLabel: 'Handovers', ...operational },
  { key: 'calls_999_within_5s', name: '999 calls answered within 5 seconds', description: '999 calls answered within 5 seconds, of calls answered.', polarity: 'increase', format: 'percent', numeratorLabel: 'Answered within 5 seconds', denominatorLabel: 'Calls answered', ...operational },
  // Last, so a database that already holds the catalogue gives it the next sort order.
  { key: 'ethnic_minority_share', name: 'Ethnic minority representation', description: 'Staff in post at the end of the month from an ethnic minority background (every group other than White, as in the Workforce Race Equality Standard), as a share of staff whose ethnic group is recorded; not stated or unknown is left out of both.', source: 'equality', polarity: 'increase', format: 'percent', numeratorLabel: 'Ethnic minority staff', denominatorLabel: 'Staff with ethnic group recorded', suppressionRule: 'edi', frequency: 'month', funnel: null, provisional: true },
];

export const METRICS_BY_KEY: ReadonlyMap<string, MetricDefinition> = new Map(METRICS.map((m) => [m.key, m]));

/**
 * Adds catalogue metrics the database lacks. Existing rows keep the analyst's edits (name,
 * description, target, minimum group size, polarity): code owns only how a metric is computed.
 */
export async function syncMetricCatalogue(db: Db): Promise<void> {
  await db
    .insert(metric)
    .values(
      METRICS.map((m, i) => ({
        key: m.key,
        name: m.name,
        description: m.description,
        source: m.source,
        polarity: m.polarity,
        format: m.format,
        numeratorLabel: m.numeratorLabel,
        denominatorLabel: m.denominatorLabel,
        suppressionRule: m.suppressionRule,
        provisional: m.provisional ? 1 : 0,
        sortOrder: i + 1,
      })),
    )
    .onConflictDoNothing({ target: metric.key });
}
