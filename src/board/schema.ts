import { doublePrecision, index, integer, json, pgEnum, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { account } from '#src/auth/schema.ts';
import { createdAt, utcTimestamp } from '#src/db/columns.ts';
import { metric } from '#src/metrics/schema.ts';
import type { ReportSnapshot } from './snapshot.ts';

/** The trust's vision and the period its strategy covers: one row. */
export const strategy = pgTable('strategy', {
  id: serial('id').primaryKey(),
  title: text('title').notNull(),
  vision: text('vision').notNull(),
  /** "2021–2026". */
  period: text('period').notNull(),
  updatedAt: utcTimestamp('updated_at'),
  updatedBy: integer('updated_by').references(() => account.id),
});

export const strategyValue = pgTable('strategy_value', {
  id: serial('id').primaryKey(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull(),
});

export const strategicObjective = pgTable('strategic_objective', {
  id: serial('id').primaryKey(),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  /** The one-line commitment under the title ("Our commitment to provide the best care for all patients"). */
  commitment: text('commitment').notNull(),
});

export const strategicPriority = pgTable(
  'strategic_priority',
  {
    id: serial('id').primaryKey(),
    objectiveId: integer('objective_id')
      .notNull()
      .references(() => strategicObjective.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('strategic_priority_objective_idx').on(t.objectiveId)],
);

/**
 * "How will we know we have been successful?": a measure under an objective, optionally linked to
 * a metric with a baseline, a target and the date it should be met; progress runs in a straight
 * line from baseline to target (trajectory.ts).
 */
export const successMeasure = pgTable(
  'success_measure',
  {
    id: serial('id').primaryKey(),
    objectiveId: integer('objective_id')
      .notNull()
      .references(() => strategicObjective.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    metricKey: text('metric_key').references(() => metric.key),
    baselineValue: doublePrecision('baseline_value'),
    /** The period the baseline was measured: 'YYYY-MM' (or 'YYYY' for a yearly survey measure). */
    baselinePeriod: text('baseline_period'),
    targetValue: doublePrecision('target_value'),
    targetPeriod: text('target_period'),
  },
  (t) => [index('success_measure_objective_idx').on(t.objectiveId)],
);

/** The metrics the board sees each month, under the objective they serve, with who answers for them. */
export const boardMetric = pgTable(
  'board_metric',
  {
    id: serial('id').primaryKey(),
    objectiveId: integer('objective_id')
      .notNull()
      .references(() => strategicObjective.id, { onDelete: 'cascade' }),
    metricKey: text('metric_key')
      .notNull()
      .references(() => metric.key),
    position: integer('position').notNull(),
    /** The executive lead who writes the commentary ("Director of People"). */
    owner: text('owner').notNull(),
  },
  (t) => [uniqueIndex('board_metric_key_idx').on(t.metricKey)],
);

export const boardReportStatus = pgEnum('board_report_status', ['draft', 'ready', 'published']);

/**
 * The integrated performance report for one month. Draft and ready reports are computed from the
 * scorecard when read; publishing freezes the whole report into `snapshot`, so later imports never
 * change what the board was given.
 */
export const boardReport = pgTable(
  'board_report',
  {
    id: serial('id').primaryKey(),
    month: text('month').notNull(),
    status: boardReportStatus('status').notNull().default('draft'),
    snapshot: json('snapshot').$type<ReportSnapshot>(),
    createdAt: createdAt(),
    createdBy: integer('created_by').references(() => account.id),
    publishedAt: utcTimestamp('published_at'),
    publishedBy: integer('published_by').references(() => account.id),
  },
  (t) => [uniqueIndex('board_report_month_idx').on(t.month)],
);

/** The metric owner's words for one metric in one report, written before publication. */
export const boardCommentary = pgTable(
  'board_commentary',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => boardReport.id, { onDelete: 'cascade' }),
    metricKey: text('metric_key')
      .notNull()
      .references(() => metric.key),
    chartTellsUs: text('chart_tells_us').notNull(),
    actions: text('actions').notNull(),
    expectChange: text('expect_change').notNull(),
    updatedAt: utcTimestamp('updated_at').notNull(),
    updatedBy: integer('updated_by').references(() => account.id),
  },
  (t) => [uniqueIndex('board_commentary_metric_idx').on(t.reportId, t.metricKey)],
);
