import { bigserial, date, doublePrecision, index, integer, json, jsonb, pgEnum, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { account } from '#src/auth/schema.ts';
import { createdAt, utcTimestamp } from '#src/db/columns.ts';
import { importBatch } from '#src/imports/schema.ts';
import { orgUnit } from '#src/org/schema.ts';

export const polarity = pgEnum('metric_polarity', ['increase', 'decrease', 'neutral']);

/**
 * The metric catalogue (`../shared/methods/metrics.md`). Seeded by a migration-independent
 * catalogue in code; analysts edit name, description, target, minimum group size and polarity
 * (every change audited). The key and how the engine computes it are code.
 */
export const metric = pgTable('metric', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  /** Triangulation source: 'survey', 'speak-up', 'sickness', 'retention', 'patient-feedback', 'development', 'employee-relations', 'operational', 'equality'. */
  source: text('source').notNull(),
  polarity: polarity('polarity').notNull(),
  /** How a value is shown: 'percent', 'rate-100', 'rate-1000', 'score', 'minutes', 'seconds'. */
  format: text('format').notNull(),
  numeratorLabel: text('numerator_label').notNull(),
  denominatorLabel: text('denominator_label').notNull(),
  /** Which minimum applies ('survey', 'workforce', 'speakUp', 'edi' or 'none') and the analyst's setting. */
  suppressionRule: text('suppression_rule').notNull(),
  minimumGroupSize: integer('minimum_group_size'),
  target: doublePrecision('target'),
  /** The definition is not verified against a published source (metrics.md tags [P], [U]). */
  provisional: integer('provisional').notNull().default(0),
  sortOrder: integer('sort_order').notNull(),
  updatedAt: utcTimestamp('updated_at'),
  updatedBy: integer('updated_by').references(() => account.id),
});

/**
 * One unit's series for one metric, as the engine computed it: everything a chart, a table, a
 * download or the API needs, read with one indexed lookup. Values are already suppressed.
 */
export const scorecardSeries = pgTable(
  'scorecard_series',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    metricKey: text('metric_key')
      .notNull()
      .references(() => metric.key),
    /**
     * json, not jsonb: the series is only ever read whole, and PostgreSQL stores json text as it is
     * instead of converting ~4 million numbers to jsonb on every full recompute (measured: 1.15 s of
     * the demo trust's 1.9 s).
     */
    data: json('data').$type<SeriesData>().notNull(),
    /** The last period and its published value (null when suppressed or missing), for heatmaps and sorting. */
    latestPeriod: text('latest_period'),
    latestValue: doublePrecision('latest_value'),
    /** SPC icons of the last point: variation ('common_cause', 'concern_high' …) and assurance ('pass' …). */
    variation: text('variation'),
    assurance: text('assurance'),
    /** Funnel position of the window aggregate among sibling units ('above_998' …), null when not plotted. */
    funnelPosition: text('funnel_position'),
    /** Content hash, so an incremental recompute rewrites only series that changed. */
    hash: text('hash').notNull(),
    computedAt: utcTimestamp('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.metricKey] }), index('scorecard_series_metric_idx').on(t.metricKey)],
);

/** Suppression reason of a point: shown, below the minimum, or hidden so another cannot be derived. */
export type SuppressionCode = 0 | 1 | 2;

export interface SeriesData {
  /** Periods in order: 'YYYY-MM' for monthly metrics, 'YYYY' for yearly survey results. */
  periods: string[];
  /**
   * Published numerator, denominator and value; null where suppressed or not available. The value
   * is in DISPLAY units: the ratio × FORMATS[format].scale from catalogue.ts (4.2 means 4.2% for a
   * percent metric); operational values as reported (minutes, seconds). SPC mean/limits likewise.
   */
  numerators: (number | null)[];
  denominators: (number | null)[];
  values: (number | null)[];
  suppressed: SuppressionCode[];
  /** SPC over the published values (null without limits: a run chart, or too few points). */
  mean: (number | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  /** SPC point type per period: 'common_cause', 'special_cause_concern' … */
  pointTypes: string[];
  /** The window the funnel compared (latest months), with the aggregate and its limits. */
  funnel: FunnelSummary | null;
}

export interface FunnelSummary {
  fromPeriod: string;
  toPeriod: string;
  value: number;
  size: number;
  target: number;
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
  position: string;
  z: number;
  /** Over-dispersion adjustment applied and φ̂. */
  adjustment: string;
  phi: number;
}

export const signalKind = pgEnum('signal_kind', ['concern', 'improvement']);
export const signalStatus = pgEnum('signal_status', ['new', 'acknowledged', 'closed']);

/**
 * A unit-metric event: a special cause of concern or improvement among the latest SPC points, or
 * the window aggregate beyond a 99.8% funnel limit. Kept across recomputes by its fingerprint so a
 * manager's acknowledgement and actions stay with it.
 */
export const signal = pgTable(
  'signal',
  {
    id: serial('id').primaryKey(),
    fingerprint: text('fingerprint').notNull(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    metricKey: text('metric_key')
      .notNull()
      .references(() => metric.key),
    source: text('source').notNull(),
    kind: signalKind('kind').notNull(),
    /** 'spc' or 'funnel'. */
    rule: text('rule').notNull(),
    /** The first period of the special cause (or of the funnel window) and the last period seen. */
    sincePeriod: text('since_period').notNull(),
    lastPeriod: text('last_period').notNull(),
    /** |z| from the funnel capped at 5; 2 for an SPC-only signal. */
    strength: doublePrecision('strength').notNull(),
    /** In words, with the months and numbers behind it. */
    evidence: text('evidence').notNull(),
    /** Whether the latest recompute still finds it. */
    active: integer('active').notNull().default(1),
    status: signalStatus('status').notNull().default('new'),
    importId: integer('import_id').references(() => importBatch.id),
    createdAt: createdAt(),
    acknowledgedAt: utcTimestamp('acknowledged_at'),
    acknowledgedBy: integer('acknowledged_by').references(() => account.id),
    closedAt: utcTimestamp('closed_at'),
    closedBy: integer('closed_by').references(() => account.id),
    outcome: text('outcome'),
  },
  (t) => [uniqueIndex('signal_fingerprint_idx').on(t.fingerprint), index('signal_unit_idx').on(t.unitId, t.status)],
);

export const spotKind = pgEnum('spot_kind', ['dark', 'bright', 'watch']);

/** Triangulation result for a unit, replaced on every recompute. */
export const spot = pgTable(
  'spot',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    kind: spotKind('kind').notNull(),
    rank: integer('rank').notNull(),
    sources: integer('sources').notNull(),
    strength: doublePrecision('strength').notNull(),
    headcount: integer('headcount').notNull(),
    /** Each signal in words: { signalId, source, metricKey, evidence }. */
    evidence: jsonb('evidence').$type<SpotEvidence[]>().notNull(),
    computedAt: utcTimestamp('computed_at').notNull(),
  },
  (t) => [index('spot_kind_idx').on(t.kind, t.rank), index('spot_unit_idx').on(t.unitId)],
);

export interface SpotEvidence {
  signalId: number;
  source: string;
  metricKey: string;
  kind: 'concern' | 'improvement';
  evidence: string;
}

export const actionStatus = pgEnum('action_status', ['open', 'done']);

/** What a manager decided to do about a signal (or about a unit in general). */
export const scorecardAction = pgTable(
  'scorecard_action',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => orgUnit.id),
    signalId: integer('signal_id').references(() => signal.id),
    description: text('description').notNull(),
    owner: text('owner').notNull(),
    dueOn: date('due_on').notNull(),
    reviewOn: date('review_on').notNull(),
    status: actionStatus('status').notNull().default('open'),
    outcome: text('outcome'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => account.id),
    createdAt: createdAt(),
    completedAt: utcTimestamp('completed_at'),
  },
  (t) => [index('scorecard_action_unit_idx').on(t.unitId), index('scorecard_action_signal_idx').on(t.signalId)],
);

/** Runs of the engine: what triggered it, what it touched and how long it took. */
export const recomputeRun = pgTable('recompute_run', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  importId: integer('import_id').references(() => importBatch.id),
  scope: text('scope').notNull(),
  seriesWritten: integer('series_written').notNull(),
  signalsCreated: integer('signals_created').notNull(),
  milliseconds: integer('milliseconds').notNull(),
  startedAt: utcTimestamp('started_at').notNull(),
});
