import type { OrgLevel } from '#src/org/tree.ts';

/**
 * Every fact the scorecard engine reads for one trust, as the fact tables hold them (dates
 * 'YYYY-MM-DD', months 'YYYY-MM', units by org_unit id). `facts-store.ts` loads them from the
 * database; `demo-facts.ts` builds them straight from the demo generator for tests and benches.
 * A source that was not asked for is an empty array.
 */
export interface TrustFacts {
  /** The tree as it stands in the latest period: every open unit with its parent. */
  units: FactUnit[];
  /** The last month of the analysis: series cover the 60 months to it. */
  endMonth: string;
  assignments: AssignmentFact[];
  establishment: { month: string; unitId: number; budgetedFte: number }[];
  starters: { staffNumber: string; unitId: number; startDate: string }[];
  leavers: { staffNumber: string; unitId: number; terminationDate: string; lengthOfServiceYears: number }[];
  sickness: SicknessFact[];
  appraisals: { staffNumber: string; unitId: number; appraisalDate: string }[];
  training: { month: string; unitId: number; competence: string; required: number; compliant: number }[];
  employeeRelations: { unitId: number; caseType: string; openedOn: string }[];
  complaints: { unitId: number; receivedOn: string }[];
  compliments: { unitId: number; receivedOn: string }[];
  /** Answers by question code (any case: 'Q2A' or 'q2a'), 1–5; unanswered questions are absent. */
  surveyResponses: { surveyYear: number; unitId: number; answers: Record<string, number | null> }[];
  /** Published team results, used where a unit-year has no respondent-level rows. Score in display units. */
  surveyTeamResults: { surveyYear: number; unitId: number; measure: string; respondents: number; score: number }[];
  speakUp: { unitId: number; receivedOn: string; detrimentIndicated: boolean }[];
  /** One row per measure (`operational-measures.ts`), durations in seconds. */
  operational: { month: string; unitId: number; measure: string; value: number }[];
  /**
   * Each person's WRES ethnic group from ESR equality monitoring ('White', 'Ethnic minority',
   * 'Not stated'); a person without a row has none recorded.
   */
  ethnicGroups: { staffNumber: string; ethnicGroup: string }[];
}

export interface FactUnit {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  parentId: number | null;
}

export interface AssignmentFact {
  staffNumber: string;
  unitId: number;
  fte: number;
  startDate: string;
  /** Last day, inclusive; null while it continues. */
  endDate: string | null;
}

export interface SicknessFact {
  staffNumber: string;
  unitId: number;
  startDate: string;
  /** Null while the episode continues. */
  endDate: string | null;
  calendarDaysLost: number;
  fteDaysLost: number;
}

/** An analyst's settings for a metric (the `metric` table): they override the catalogue. */
export interface MetricSetting {
  key: string;
  polarity: 'increase' | 'decrease' | 'neutral';
  target: number | null;
  minimumGroupSize: number | null;
}

/** The competence that is its own metric, left out of overall training compliance. */
export const SEXUAL_SAFETY_COMPETENCE = 'Sexual Safety and Active Bystander';
export const BULLYING_CASE_TYPE = 'Bullying and harassment';
/** A sickness episode this long or longer (calendar days) is long-term. */
export const LONG_TERM_SICKNESS_DAYS = 28;

export const emptyFacts = (units: FactUnit[], endMonth: string): TrustFacts => ({
  units,
  endMonth,
  assignments: [],
  establishment: [],
  starters: [],
  leavers: [],
  sickness: [],
  appraisals: [],
  training: [],
  employeeRelations: [],
  complaints: [],
  compliments: [],
  surveyResponses: [],
  surveyTeamResults: [],
  speakUp: [],
  operational: [],
  ethnicGroups: [],
});
