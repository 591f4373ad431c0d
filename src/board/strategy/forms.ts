import { z } from 'zod';
import { monthIndex } from '#src/board/trajectory.ts';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import type { MeasureFields } from './store.ts';

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${label}`)
    .max(max, `${label.charAt(0).toUpperCase()}${label.slice(1)} must be ${max.toLocaleString('en-GB')} characters or fewer`);

export const StrategySchema = z.object({
  title: text('the title', 200),
  period: text('the years the strategy covers', 50),
  vision: text('the vision', 2000),
});

export const ValueSchema = z.object({
  name: text('the name of the value', 100),
  description: text('what the value means', 2000),
});

export const ObjectiveSchema = z.object({
  title: text('the objective', 200),
  commitment: text('the commitment', 500),
});

export const PrioritySchema = z.object({
  text: text('the priority', 1000),
});

export type MeasureFormResult = { ok: true; data: MeasureFields } | { ok: false; errors: FieldErrors };

const NUMBER = /^-?\d+(\.\d+)?$/;
const FIGURE_NAMES = { baselineValue: 'Baseline value', baselinePeriod: 'Baseline period', targetValue: 'Target value', targetPeriod: 'Target period' } as const;
type Figure = keyof typeof FIGURE_NAMES;
const FIGURES = Object.keys(FIGURE_NAMES) as Figure[];

/**
 * A success measure: its words, and optionally the catalogue metric it is measured by. A metric
 * needs all four figures (baseline and target, each a value and a period), the target after the
 * baseline; figures without a metric are refused rather than quietly dropped.
 */
export function parseMeasure(values: FormValues, metricKeys: ReadonlySet<string>): MeasureFormResult {
  const errors: FieldErrors = {};
  const description = text('what will show success', 1000).safeParse(values.description ?? '');
  if (!description.success) errors.description = description.error.issues[0]?.message ?? 'Enter what will show success';
  const metricKey = (values.metricKey ?? '').trim();
  if (metricKey !== '' && !metricKeys.has(metricKey)) errors.metricKey = 'Choose a metric from the list';
  const raw = (field: Figure) => (values[field] ?? '').trim();

  if (metricKey === '') {
    if (FIGURES.some((field) => raw(field) !== '')) errors.metricKey = 'Choose the metric the baseline and target are measured by, or clear the baseline and target';
    if (!description.success || errors.metricKey) return { ok: false, errors };
    return { ok: true, data: { description: description.data, metricKey: null, baselineValue: null, baselinePeriod: null, targetValue: null, targetPeriod: null } };
  }

  const numbers: Partial<Record<'baselineValue' | 'targetValue', number>> = {};
  const periods: Partial<Record<'baselinePeriod' | 'targetPeriod', string>> = {};
  // In the order of the form, so the error summary lists them as the page does.
  for (const field of FIGURES) {
    const given = raw(field);
    if (given === '') {
      errors[field] = `Enter the ${FIGURE_NAMES[field].toLowerCase()}`;
    } else if (field === 'baselineValue' || field === 'targetValue') {
      const number = given.replaceAll(',', '');
      if (NUMBER.test(number)) numbers[field] = Number(number);
      else errors[field] = `${FIGURE_NAMES[field]} must be a number, like 10.7`;
    } else if (monthIndex(given) === null) {
      errors[field] = `${FIGURE_NAMES[field]} must be a month like 2021-03, or a year like 2021 for a staff survey result`;
    } else {
      periods[field] = given;
    }
  }
  const { baselineValue, targetValue } = numbers;
  const { baselinePeriod, targetPeriod } = periods;
  if (baselinePeriod !== undefined && targetPeriod !== undefined && (monthIndex(targetPeriod) ?? 0) <= (monthIndex(baselinePeriod) ?? 0)) {
    errors.targetPeriod = 'Target period must be after the baseline period';
  }
  if (!description.success || Object.keys(errors).length > 0 || baselineValue === undefined || targetValue === undefined || baselinePeriod === undefined || targetPeriod === undefined) {
    return { ok: false, errors };
  }
  return { ok: true, data: { description: description.data, metricKey, baselineValue, baselinePeriod, targetValue, targetPeriod } };
}

export type BoardMetricForm = { objectiveId: number; metricKey: string; owner: string };

/** A board metric: the objective it serves (one of `objectiveIds`), a catalogue metric and its owner's title. */
export function parseBoardMetric(
  values: FormValues,
  objectiveIds: ReadonlySet<number>,
  metricKeys: ReadonlySet<string>,
): { ok: true; data: BoardMetricForm } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const objectiveId = Number(values.objectiveId ?? '');
  if (!objectiveIds.has(objectiveId)) errors.objectiveId = 'Choose the objective the metric serves';
  const metricKey = (values.metricKey ?? '').trim();
  if (!metricKeys.has(metricKey)) errors.metricKey = 'Choose a metric from the list';
  const owner = text('the owner’s job title', 200).safeParse(values.owner ?? '');
  if (!owner.success) errors.owner = owner.error.issues[0]?.message ?? 'Enter the owner’s job title';
  if (!owner.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: { objectiveId, metricKey, owner: owner.data } };
}
