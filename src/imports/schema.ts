import { date, index, integer, jsonb, numeric, pgEnum, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { account } from '#src/auth/schema.ts';
import { createdAt, utcTimestamp } from '#src/db/columns.ts';
import { orgUnit } from '#src/org/schema.ts';

export const importStatus = pgEnum('import_status', ['applied', 'rejected']);

/**
 * One file offered for import: applied (its rows are in the fact tables) or rejected (with its row
 * errors). A file is identified by its SHA-256: an applied file imported again is a no-op.
 */
export const importBatch = pgTable(
  'import_batch',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    fileName: text('file_name').notNull(),
    fileHash: text('file_hash').notNull(),
    status: importStatus('status').notNull(),
    rows: integer('rows').notNull(),
    /** What the import changed: { inserted, updated, unchanged } and the months and units it touched. */
    summary: jsonb('summary').$type<ImportSummary>(),
    /** The first errors found (file, row, column, value, expected), for the history page. */
    errors: jsonb('errors').$type<ImportRowError[]>(),
    errorCount: integer('error_count').notNull().default(0),
    accountId: integer('account_id').references(() => account.id),
    startedAt: utcTimestamp('started_at').notNull(),
    finishedAt: utcTimestamp('finished_at').notNull(),
  },
  (t) => [index('import_batch_kind_idx').on(t.kind, t.fileHash)],
);

export interface ImportRowError {
  file: string;
  /** 1-based row in the file as a spreadsheet shows it (the header is row 1); 0 for the whole file. */
  row: number;
  column: string | null;
  value: string | null;
  expected: string;
}

export interface ImportSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Earliest and latest month ('YYYY-MM') the rows fall in, when the kind has months. */
  firstMonth: string | null;
  lastMonth: string | null;
  /** Org unit ids with rows in the file (leaf units as the file names them). */
  unitIds: number[];
}

const unitRef = () =>
  integer('unit_id')
    .notNull()
    .references(() => orgUnit.id);
const importRef = () =>
  integer('import_id')
    .notNull()
    .references(() => importBatch.id);

/** Budgeted establishment per unit and month (finance ledger export). */
export const establishment = pgTable(
  'establishment',
  {
    id: serial('id').primaryKey(),
    month: text('month').notNull(),
    unitId: unitRef(),
    budgetedFte: numeric('budgeted_fte', { precision: 9, scale: 2, mode: 'number' }).notNull(),
    importId: importRef(),
  },
  (t) => [uniqueIndex('establishment_key_idx').on(t.month, t.unitId)],
);

/** ESR starters report: one row per new hire. */
export const starter = pgTable(
  'starter',
  {
    id: serial('id').primaryKey(),
    staffNumber: text('staff_number').notNull(),
    unitId: unitRef(),
    jobTitle: text('job_title').notNull(),
    staffGroup: text('staff_group').notNull(),
    band: text('band').notNull(),
    fte: numeric('fte', { precision: 4, scale: 2, mode: 'number' }).notNull(),
    startDate: date('start_date').notNull(),
    importId: importRef(),
  },
  (t) => [uniqueIndex('starter_key_idx').on(t.staffNumber, t.startDate), index('starter_unit_idx').on(t.unitId)],
);

/** ESR leavers report: one row per termination. */
export const leaver = pgTable(
  'leaver',
  {
    id: serial('id').primaryKey(),
    staffNumber: text('staff_number').notNull(),
    unitId: unitRef(),
    jobTitle: text('job_title').notNull(),
    staffGroup: text('staff_group').notNull(),
    band: text('band').notNull(),
    fte: numeric('fte', { precision: 4, scale: 2, mode: 'number' }).notNull(),
    terminationDate: date('termination_date').notNull(),
    reason: text('reason').notNull(),
    lengthOfServiceYears: numeric('length_of_service_years', { precision: 5, scale: 2, mode: 'number' }).notNull(),
    importId: importRef(),
  },
  (t) => [uniqueIndex('leaver_key_idx').on(t.staffNumber, t.terminationDate), index('leaver_unit_idx').on(t.unitId)],
);

/** ESR sickness absence: one row per episode (an open episode has no end date). */
export const sicknessEpisode = pgTable(
  'sickness_episode',
  {
    id: serial('id').primaryKey(),
    staffNumber: text('staff_number').notNull(),
    unitId: unitRef(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    calendarDaysLost: numeric('calendar_days_lost', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    fteDaysLost: numeric('fte_days_lost', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    importId: importRef(),
  },
  (t) => [uniqueIndex('sickness_episode_key_idx').on(t.staffNumber, t.startDate), index('sickness_episode_unit_idx').on(t.unitId)],
);

/** ESR appraisal (PDR) records. */
export const appraisal = pgTable(
  'appraisal',
  {
    id: serial('id').primaryKey(),
    staffNumber: text('staff_number').notNull(),
    unitId: unitRef(),
    appraisalDate: date('appraisal_date').notNull(),
    importId: importRef(),
  },
  (t) => [uniqueIndex('appraisal_key_idx').on(t.staffNumber, t.appraisalDate), index('appraisal_unit_idx').on(t.unitId)],
);

/** ESR competence compliance, per unit, month and competence (statutory and mandatory training). */
export const trainingCompliance = pgTable(
  'training_compliance',
  {
    id: serial('id').primaryKey(),
    month: text('month').notNull(),
    unitId: unitRef(),
    competence: text('competence').notNull(),
    required: integer('required').notNull(),
    compliant: integer('compliant').notNull(),
    importId: importRef(),
  },
  (t) => [uniqueIndex('training_compliance_key_idx').on(t.month, t.unitId, t.competence)],
);

export const employeeRelationsCaseType = pgEnum('employee_relations_case_type', [
  'Disciplinary',
  'Grievance',
  'Bullying and harassment',
  'Capability',
]);

/** Employee relations case log (disciplinary, grievance, bullying and harassment, capability). */
export const employeeRelationsCase = pgTable(
  'employee_relations_case',
  {
    id: serial('id').primaryKey(),
    reference: text('reference').notNull().unique(),
    caseType: employeeRelationsCaseType('case_type').notNull(),
    staffNumber: text('staff_number').notNull(),
    unitId: unitRef(),
    openedOn: date('opened_on').notNull(),
    closedOn: date('closed_on'),
    outcome: text('outcome'),
    importId: importRef(),
  },
  (t) => [index('employee_relations_case_unit_idx').on(t.unitId)],
);

/** Complaints log (Datix-style). */
export const complaint = pgTable(
  'complaint',
  {
    id: serial('id').primaryKey(),
    reference: text('reference').notNull().unique(),
    receivedOn: date('received_on').notNull(),
    unitId: unitRef(),
    subject: text('subject').notNull(),
    outcome: text('outcome'),
    importId: importRef(),
  },
  (t) => [index('complaint_unit_idx').on(t.unitId)],
);

/** Compliments log. */
export const compliment = pgTable(
  'compliment',
  {
    id: serial('id').primaryKey(),
    reference: text('reference').notNull().unique(),
    receivedOn: date('received_on').notNull(),
    unitId: unitRef(),
    theme: text('theme').notNull(),
    importId: importRef(),
  },
  (t) => [index('compliment_unit_idx').on(t.unitId)],
);

/**
 * Staff survey responses without staff numbers: a respondent id, the unit and the answers
 * (question code → 1–5, or absent when not answered).
 */
export const surveyResponse = pgTable(
  'survey_response',
  {
    id: serial('id').primaryKey(),
    surveyYear: integer('survey_year').notNull(),
    respondentId: text('respondent_id').notNull(),
    unitId: unitRef(),
    answers: jsonb('answers').$type<Record<string, number>>().notNull(),
    importId: importRef(),
  },
  (t) => [uniqueIndex('survey_response_key_idx').on(t.surveyYear, t.respondentId), index('survey_response_unit_idx').on(t.unitId)],
);

/** Staff survey results as published per team: a measure's mean score (or % positive) and respondents. */
export const surveyTeamResult = pgTable(
  'survey_team_result',
  {
    id: serial('id').primaryKey(),
    surveyYear: integer('survey_year').notNull(),
    unitId: unitRef(),
    /** A survey metric key, e.g. 'staff_engagement'. */
    measure: text('measure').notNull(),
    respondents: integer('respondents').notNull(),
    score: numeric('score', { precision: 8, scale: 4, mode: 'number' }).notNull(),
    importId: importRef(),
  },
  (t) => [uniqueIndex('survey_team_result_key_idx').on(t.surveyYear, t.unitId, t.measure)],
);

/** Monthly operational figures (AmbSYS-style response times, call handling): one row per measure. */
export const operationalFigure = pgTable(
  'operational_figure',
  {
    id: serial('id').primaryKey(),
    month: text('month').notNull(),
    unitId: unitRef(),
    /** e.g. 'c1_mean_seconds', 'incidents', 'handovers_within_15', 'calls_999_answered'. */
    measure: text('measure').notNull(),
    value: numeric('value', { precision: 14, scale: 3, mode: 'number' }).notNull(),
    importId: importRef(),
  },
  (t) => [uniqueIndex('operational_figure_key_idx').on(t.month, t.unitId, t.measure)],
);

/** The header mapping an analyst chose for a kind: their file's header → our column. */
export const importHeaderMapping = pgTable(
  'import_header_mapping',
  {
    id: serial('id').primaryKey(),
    kind: text('kind').notNull(),
    header: text('header').notNull(),
    column: text('column').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('import_header_mapping_key_idx').on(t.kind, t.header)],
);
