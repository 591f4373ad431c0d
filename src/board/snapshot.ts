import type { SeriesData } from '#src/metrics/schema.ts';

/**
 * Everything a board report shows, as plain data. A draft is built from the scorecard each time it
 * is read; a published report stores this and renders only from it, so its numbers, charts and
 * commentary never change afterwards. The HTML page, the PDF and the XLSX pack all read this.
 */
export interface ReportSnapshot {
  /** 'YYYY-MM': the month the report is for. */
  month: string;
  trustName: string;
  /** When the numbers were taken from the scorecard (ISO date-time). */
  takenAt: string;
  objectives: ReportObjective[];
  spots: ReportSpot[];
  speakUp: ReportSpeakUpThemes | null;
  /** What moved since the last published report (empty for the first). */
  changes: ReportChange[];
  /** 'YYYY-MM' of the last published report the changes compare with; null for the first. */
  changesSinceMonth: string | null;
}

export interface ReportObjective {
  title: string;
  commitment: string;
  metrics: ReportMetric[];
}

export interface ReportMetric {
  key: string;
  name: string;
  description: string;
  /** 'people' | 'speak-up' | 'survey' | 'operational' … (the catalogue source). */
  source: string;
  format: string;
  /** Headings of the data table's count columns ("Days lost", "Days available"). */
  numeratorLabel: string;
  denominatorLabel: string;
  /** Which minimum group size applies and the analyst's setting: what a suppressed period says. */
  suppressionRule: string;
  minimumGroupSize: number | null;
  polarity: 'increase' | 'decrease' | 'neutral';
  owner: string;
  /** The period shown for this metric: the report month, or the latest survey year before it. */
  period: string | null;
  value: number | null;
  target: number | null;
  /** Making Data Count icons at that period ('common_cause', 'improvement_high' …; 'pass', 'fail', 'hit_and_miss'), null without SPC. */
  variation: string | null;
  assurance: string | null;
  /** The trust's series up to and including the period, for the SPC chart and its data table. */
  series: SeriesData;
  commentary: ReportCommentary | null;
}

export interface ReportCommentary {
  chartTellsUs: string;
  actions: string;
  expectChange: string;
  author: string | null;
}

export interface ReportSpot {
  kind: 'dark' | 'bright';
  unitName: string;
  /** In words: the signals behind it, as the scorecard lists them. */
  evidence: string[];
}

export interface ReportSpeakUpThemes {
  /** 'YYYY-Qn' of the last complete quarter up to the month. */
  quarter: string;
  /** Column headings, then rows: directorate, cases, then one count per category; suppressed cells null. */
  categories: string[];
  rows: { directorate: string; cases: number | null; byCategory: (number | null)[] }[];
  note: string;
}

export interface ReportChange {
  metricKey: string;
  name: string;
  previousValue: number | null;
  value: number | null;
  previousVariation: string | null;
  variation: string | null;
}
