import { z } from 'zod';
import type { FieldErrors } from '#src/web/forms.ts';
import type { Triage } from '../store.ts';

const MESSAGE_MAX = 10_000;
const OUTCOME_MAX = 5_000;

const text = (empty: string, tooLong: string, max: number) => z.string().trim().min(1, empty).max(max, tooLong);

export const MessageSchema = z.object({
  message: text('Enter your message to the reporter', 'Your message must be 10,000 characters or fewer', MESSAGE_MAX),
});

export const NoteSchema = z.object({
  note: text('Enter the internal note', 'The internal note must be 10,000 characters or fewer', MESSAGE_MAX),
});

export const CloseSchema = z.object({
  outcome: text('Enter the outcome', 'The outcome must be 5,000 characters or fewer', OUTCOME_MAX),
  lessons: z.string().trim().max(OUTCOME_MAX, 'Lessons learned must be 5,000 characters or fewer').default(''),
});

/** The referral select: an investigator's account id, or empty for "No investigator". */
export function referralSchema(investigatorIds: readonly number[]) {
  return z.object({
    investigator: z
      .string({ error: 'Select an investigator, or No investigator' })
      .refine((value) => value === '' || investigatorIds.includes(Number(value)), 'Select an investigator from the list, or No investigator')
      .transform((value) => (value === '' ? null : Number(value))),
  });
}

export interface TriageChoices {
  categories: readonly string[];
  workerGroups: readonly string[];
  unitIds: readonly number[];
}

function triageSchema(choices: TriageChoices) {
  return z.object({
    categories: z
      .array(z.string())
      .min(1, 'Select at least one category')
      .refine((keys) => keys.every((key) => choices.categories.includes(key)), 'Select categories from the list'),
    workerGroup: z
      .string()
      .default('')
      .refine((value) => value === '' || choices.workerGroups.includes(value), 'Select a worker group from the list, or Not recorded')
      .transform((value) => (value === '' ? null : value)),
    urgency: z.enum(['routine', 'urgent'], { error: 'Select whether the case is routine or urgent' }),
    unitId: z
      .string()
      .default('')
      .refine((value) => value === '' || choices.unitIds.includes(Number(value)), 'Select where the concern is from the list, or Not given')
      .transform((value) => (value === '' ? null : Number(value))),
    detrimentIndicated: z.enum(['yes', 'no'], { error: 'Select whether the reporter said they had suffered detriment' }).transform((value) => value === 'yes'),
  });
}

/** What the triage form shows: the case's values, or what was just submitted. */
export interface TriageValues {
  categories: string[];
  workerGroup: string;
  urgency: string;
  unitId: string;
  detrimentIndicated: string;
}

export type TriageResult = { ok: true; data: Triage } | { ok: false; errors: FieldErrors; values: TriageValues };

/** Reads the triage form from a body parsed with `{ all: true }` (several categories may be ticked). */
export function parseTriage(body: Record<string, unknown>, choices: TriageChoices): TriageResult {
  const single = (key: string) => (typeof body[key] === 'string' ? body[key] : undefined);
  const ticked = body.categories;
  const categories = (Array.isArray(ticked) ? ticked : [ticked]).filter((value): value is string => typeof value === 'string');
  const values: TriageValues = {
    categories,
    workerGroup: single('workerGroup') ?? '',
    urgency: single('urgency') ?? '',
    unitId: single('unitId') ?? '',
    detrimentIndicated: single('detrimentIndicated') ?? '',
  };
  const parsed = triageSchema(choices).safeParse({
    categories,
    workerGroup: single('workerGroup'),
    urgency: single('urgency'),
    unitId: single('unitId'),
    detrimentIndicated: single('detrimentIndicated'),
  });
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  return { ok: false, errors, values };
}
