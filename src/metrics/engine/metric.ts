import { FORMATS, METRICS, type MetricDefinition } from '#src/metrics/catalogue.ts';
import type { MetricSetting } from '#src/metrics/facts.ts';
import { minimumGroupSize } from '#src/stats/suppression/thresholds.ts';

/**
 * A catalogue metric with the analyst's settings applied and the traits the engine needs to compute
 * it (how it rolls up, which window the funnel compares, when a value exists).
 */
export interface EngineMetric extends MetricDefinition {
  /** Minimum group size; 0 = no suppression. */
  minimum: number;
  /** NaN without one (display units). */
  target: number;
  /** Display scale of the ratio (FORMATS[format].scale); 1 for reported values. */
  scale: number;
  /** 'sum': a parent's numerator and denominator are its children's plus its own; 'none': values as reported per unit. */
  rollUp: 'sum' | 'none';
  /** 'reported': the denominator is a figure reported per unit (incidents): a unit's own when it has one, else its children's sum. */
  denominator: 'sum' | 'reported';
  /** 'ratio': numerator / denominator × scale; 'reported': the numerator is the value (operational figures). */
  value: 'ratio' | 'reported';
  /** Units below one where the facts are recorded have no value (speak-up concerns are recorded at hub or directorate). */
  noValueBelowRecording: boolean;
  /** The funnel compares the latest point (already a 12-month or yearly figure) instead of summing the latest months. */
  window: 'months' | 'latest';
  /** Scores (0–max) enter a proportion funnel as score / max per respondent. */
  scoreMaximum: number;
  /**
   * Whether the metric raises signals: not a neutral one (more speak-up concerns can mean more trust
   * as well as more problems), and not the vacancy rate, which follows the finance ledger's
   * establishment (budget changes move it in steps) and has no funnel: it is context on the page;
   * nor ethnic-minority representation, which describes who works in a unit, not how it is doing.
   */
  signals: boolean;
  /** The numerator counts events, so evidence can say "4 concerns in 6 months where 0.9 were expected". */
  countsEvents: boolean;
}

/** The latest months the funnel compares (triangulation.md "over a window (default: the latest 6 months)"). */
export const WINDOW_MONTHS = 6;
/** A survey result counts for the 12 months after its fieldwork, taken to end in October of its year. */
export const SURVEY_VALID_MONTHS = 12;
export const SURVEY_FIELDWORK_MONTH = 10;
/** Monthly series length. */
export const SERIES_MONTHS = 60;

/** 12-month figures at each month end (appraisal "in the last 12 months" too): consecutive points overlap. */
const ROLLING = new Set(['leaver_rate', 'stability_index', 'first_year_leavers', 'appraisal_rate']);
const EVENT_COUNTS = new Set(['speak_up_concerns', 'employee_relations_cases', 'bullying_harassment_cases', 'complaints_rate', 'compliments_rate']);
const CONTEXT_ONLY = new Set(['vacancy_rate', 'ethnic_minority_share']);
const REPORTED_VALUES = new Set(['c1_mean', 'c1_90th', 'c2_mean', 'c2_90th', 'c3_90th', 'c4_90th']);

export function engineMetric(definition: MetricDefinition, setting?: MetricSetting): EngineMetric {
  const rule = definition.suppressionRule;
  const operational = definition.source === 'operational';
  return {
    ...definition,
    polarity: setting?.polarity ?? definition.polarity,
    minimum: rule === 'none' ? 0 : minimumGroupSize(rule, setting?.minimumGroupSize ?? undefined),
    target: setting?.target ?? Number.NaN,
    scale: REPORTED_VALUES.has(definition.key) ? 1 : FORMATS[definition.format].scale,
    rollUp: operational ? 'none' : 'sum',
    denominator: definition.source === 'patient-feedback' ? 'reported' : 'sum',
    value: REPORTED_VALUES.has(definition.key) ? 'reported' : 'ratio',
    noValueBelowRecording: definition.source === 'speak-up',
    window: ROLLING.has(definition.key) || definition.frequency === 'year' ? 'latest' : 'months',
    scoreMaximum: definition.format === 'score' ? 10 : 0,
    countsEvents: EVENT_COUNTS.has(definition.key),
    signals: (setting?.polarity ?? definition.polarity) !== 'neutral' && !CONTEXT_ONLY.has(definition.key),
  };
}

/** The catalogue as the engine computes it, with the analysts' settings where given. */
export function engineMetrics(settings: readonly MetricSetting[] = [], keys?: ReadonlySet<string>): EngineMetric[] {
  const byKey = new Map(settings.map((s) => [s.key, s]));
  return METRICS.filter((m) => !keys || keys.has(m.key)).map((m) => engineMetric(m, byKey.get(m.key)));
}
