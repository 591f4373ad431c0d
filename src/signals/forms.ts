import { z } from 'zod';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';

const DATE_PARTS = ['day', 'month', 'year'] as const;

export type DateResult = { ok: true; date: string } | { ok: false; error: string };

/**
 * Joins an NHS date input's day, month and year fields (`<name>-day` …) into YYYY-MM-DD, with the
 * message the design system asks for when it is missing, partial, not a real date or too early.
 */
export function readDateInput(values: FormValues, name: string, label: string, earliest: string | undefined): DateResult {
  const parts = DATE_PARTS.map((part) => (values[`${name}-${part}`] ?? '').trim());
  const capitalised = label.charAt(0).toUpperCase() + label.slice(1);
  if (parts.every((part) => part === '')) return { ok: false, error: `Enter the ${label}` };
  const missing = DATE_PARTS.filter((_, index) => parts[index] === '');
  if (missing.length > 0) return { ok: false, error: `${capitalised} must include a ${missing.join(' and ')}` };
  const [day, month, year] = parts.map(Number) as [number, number, number];
  const isWhole = parts.every((part) => /^\d+$/.test(part));
  const date = new Date(Date.UTC(year, month - 1, day));
  const isReal = isWhole && year >= 1000 && year <= 9999 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!isReal) return { ok: false, error: `${capitalised} must be a real date` };
  const iso = date.toISOString().slice(0, 10);
  if (earliest !== undefined && iso < earliest) return { ok: false, error: `${capitalised} must be today or in the future` };
  return { ok: true, date: iso };
}

const text = (empty: string, tooLong: string, max: number) => z.string().trim().min(1, empty).max(max, tooLong);

const ActionTextSchema = z.object({
  description: text('Enter what will be done', 'What will be done must be 2,000 characters or fewer', 2000),
  owner: text('Enter who will do it', 'Who will do it must be 200 characters or fewer', 200),
});

export interface NewActionForm {
  description: string;
  owner: string;
  dueOn: string;
  reviewOn: string;
}

export type ActionFormResult = { ok: true; data: NewActionForm } | { ok: false; errors: FieldErrors };

/** Validates the add-an-action form: every wrong field gets its message; dates may not be in the past. */
export function parseNewAction(values: FormValues, today: string): ActionFormResult {
  const errors: FieldErrors = {};
  const textFields = ActionTextSchema.safeParse(values);
  if (!textFields.success) {
    for (const issue of textFields.error.issues) errors[String(issue.path[0])] ??= issue.message;
  }
  const dueOn = readDateInput(values, 'dueOn', 'due date', today);
  if (!dueOn.ok) errors.dueOn = dueOn.error;
  const reviewOn = readDateInput(values, 'reviewOn', 'review date', today);
  if (!reviewOn.ok) errors.reviewOn = reviewOn.error;
  if (!textFields.success || !dueOn.ok || !reviewOn.ok) return { ok: false, errors };
  return { ok: true, data: { ...textFields.data, dueOn: dueOn.date, reviewOn: reviewOn.date } };
}

/** Closing a signal needs its outcome in words. */
export const CloseSignalSchema = z.object({
  closeOutcome: text('Enter the outcome', 'The outcome must be 2,000 characters or fewer', 2000),
});

/** The field of the outcome when marking an action done: one per action, so each form's errors stay with it. */
export const actionOutcomeField = (actionId: number) => `outcome-${actionId}`;

export function parseActionOutcome(values: FormValues, actionId: number): { ok: true; outcome: string } | { ok: false; errors: FieldErrors } {
  const field = actionOutcomeField(actionId);
  const parsed = text('Enter what the action achieved', 'What the action achieved must be 2,000 characters or fewer', 2000).safeParse(values[field] ?? '');
  return parsed.success ? { ok: true, outcome: parsed.data } : { ok: false, errors: { [field]: parsed.error.issues[0]?.message ?? 'Enter what the action achieved' } };
}
