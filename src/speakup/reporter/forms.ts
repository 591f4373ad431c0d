import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, stripMetadata } from '#src/speakup/attachments.ts';
import { PASSPHRASE_MIN_LENGTH } from '#src/speakup/receipt.ts';
import { DETRIMENT_AFTER, SPEAK_UP_AGAIN, type Category, type RaisedAs } from '#src/speakup/rules.ts';
import type { NewAttachment, NewConcern } from '#src/speakup/store.ts';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';

/** A multipart or urlencoded body as `parseBody({ all: true })` gives it. */
export type Body = Record<string, string | File | (string | File)[]>;

export const TEXT_MAX_LENGTH = 10_000;
const SHORT_MAX_LENGTH = 200;
/** Fields never echoed back into a page. */
const SECRET_FIELDS = new Set(['_csrf', 'passphrase', 'passphraseConfirm']);

/** The text fields of a body (the first value of each), leaving out the CSRF token and passphrases. */
export function shownValues(body: Body): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string' && !SECRET_FIELDS.has(key)) values[key] = first;
  }
  return values;
}

function text(body: Body, name: string): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first : '';
}

function allText(body: Body, name: string): string[] {
  const value = body[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((item): item is string => typeof item === 'string');
}

function firstErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return errors;
}

/** Errors in the order the fields appear on the page, so the error summary reads top to bottom. */
function inFieldOrder(errors: FieldErrors, order: readonly string[]): FieldErrors {
  return Object.fromEntries(order.filter((field) => errors[field]).map((field) => [field, errors[field] ?? '']));
}

type AttachmentResult = { ok: true; attachment: NewAttachment | undefined } | { ok: false; error: string };

/** The optional `attachment` file, stripped of metadata; no file chosen is no attachment. */
export async function readAttachmentField(body: Body): Promise<AttachmentResult> {
  const value = body.attachment;
  if (Array.isArray(value)) return { ok: false, error: 'Attach one file only' };
  if (!(value instanceof File) || value.size === 0) return { ok: true, attachment: undefined };
  if (value.size > ATTACHMENT_MAX_BYTES) return { ok: false, error: 'The attachment must be smaller than 5 MB' };
  const stripped = stripMetadata(new Uint8Array(await value.arrayBuffer()), value.type);
  return stripped.ok ? { ok: true, attachment: { bytes: stripped.bytes, mediaType: stripped.mediaType } } : stripped;
}

const trimmed = (max: number, tooLong: string) => z.string().trim().max(max, tooLong);
const isEmail = (value: string) => z.email().safeParse(value).success;

export const RAISE_FIELDS = [
  'concern',
  'unitId',
  'patientSafety',
  'categories',
  'detriment',
  'raisedAs',
  'reporterName',
  'reporterContact',
  'passphrase',
  'passphraseConfirm',
  'notifyAddress',
  'attachment',
] as const;

export const PATIENT_SAFETY = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'not_sure', label: 'I’m not sure' },
] as const;

const RaiseSchema = z.object({
  concern: z.string().trim().min(1, 'Enter what happened').max(TEXT_MAX_LENGTH, 'What happened must be 10,000 characters or fewer'),
  unitId: z.string(),
  patientSafety: z.enum(['yes', 'no', 'not_sure'], { error: 'Select whether your concern involves patient safety or the quality of care' }),
  detriment: z.enum(['yes', 'no'], { error: 'Select whether you have been treated worse for speaking up before' }),
  raisedAs: z.enum(['open', 'confidential', 'anonymous'], { error: 'Select how you want to be known' }),
  reporterName: trimmed(SHORT_MAX_LENGTH, 'Your name must be 200 characters or fewer'),
  reporterContact: trimmed(SHORT_MAX_LENGTH, 'How the Guardian can contact you must be 200 characters or fewer'),
  passphrase: z
    .string()
    .min(1, 'Choose a passphrase')
    .min(PASSPHRASE_MIN_LENGTH, `Your passphrase must be ${PASSPHRASE_MIN_LENGTH} characters or more`)
    .max(SHORT_MAX_LENGTH, 'Your passphrase must be 200 characters or fewer'),
  passphraseConfirm: z.string(),
  notifyAddress: trimmed(254, 'The email address must be 254 characters or fewer').refine(
    (value) => value === '' || isEmail(value),
    'Enter the email address in the correct format, like name@example.com, or leave it blank',
  ),
});

export interface RaiseOptions {
  /** The places offered in the "where" list. */
  unitIds: ReadonlySet<number>;
  /** The categories offered as checkboxes (patient safety is its own question). */
  categories: readonly Category[];
}

export type RaiseResult =
  | { ok: true; concern: NewConcern }
  | { ok: false; errors: FieldErrors; values: FormValues; categories: string[] };

/**
 * Validates the raise form, with a message naming each wrong field. Names and contact details are
 * required to be known openly or confidentially, and dropped for an anonymous concern.
 */
export async function parseRaiseForm(body: Body, options: RaiseOptions): Promise<RaiseResult> {
  const input = Object.fromEntries(RAISE_FIELDS.map((field) => [field, text(body, field)]));
  const parsed = RaiseSchema.safeParse(input);
  const errors = parsed.success ? {} : firstErrors(parsed.error.issues);

  const unitId = input.unitId ?? '';
  if (unitId !== '' && !options.unitIds.has(Number(unitId))) errors.unitId = 'Select where it happened from the list, or ‘I would rather not say’';

  const chosen = allText(body, 'categories');
  const offered = new Set(options.categories.map((category) => category.key));
  if (chosen.some((key) => !offered.has(key))) errors.categories = 'Select what your concern is about from the list';
  else if (chosen.length === 0 && input.patientSafety !== 'yes') errors.categories = 'Select what your concern is about. Choose ‘Something else’ if none of these fit';

  const identified = input.raisedAs === 'open' || input.raisedAs === 'confidential';
  if (identified && !input.reporterName?.trim()) errors.reporterName ??= 'Enter your name, or choose to raise your concern anonymously';
  if (identified && !input.reporterContact?.trim()) errors.reporterContact ??= 'Enter how the Guardian can contact you, such as an email address or phone number';

  if (!errors.passphrase) {
    if (input.passphraseConfirm === '') errors.passphraseConfirm = 'Type your passphrase again';
    else if (input.passphraseConfirm !== input.passphrase) errors.passphraseConfirm = 'The passphrases do not match: type the same passphrase in both boxes';
  }

  const attachment = await readAttachmentField(body);
  if (!attachment.ok) errors.attachment = attachment.error;

  if (!parsed.success || !attachment.ok || Object.keys(errors).length > 0) {
    return { ok: false, errors: inFieldOrder(errors, RAISE_FIELDS), values: shownValues(body), categories: chosen };
  }
  const data = parsed.data;
  const raisedAs: RaisedAs = data.raisedAs;
  const categories = [...(data.patientSafety === 'yes' ? ['patient_safety'] : []), ...options.categories.map((c) => c.key).filter((key) => chosen.includes(key))];
  return {
    ok: true,
    concern: {
      raisedAs,
      concern: data.concern,
      unitId: data.unitId === '' ? null : Number(data.unitId),
      categories,
      detrimentIndicated: data.detriment === 'yes',
      reporterName: raisedAs === 'anonymous' ? null : data.reporterName,
      reporterContact: raisedAs === 'anonymous' ? null : data.reporterContact,
      notifyAddress: data.notifyAddress === '' ? null : data.notifyAddress,
      passphrase: data.passphrase,
      attachment: attachment.attachment,
    },
  };
}

export const FollowUpSchema = z.object({
  receiptCode: z.string().trim().min(1, 'Enter your receipt code').max(SHORT_MAX_LENGTH, 'Enter your receipt code as it was shown to you'),
  passphrase: z.string().min(1, 'Enter your passphrase').max(SHORT_MAX_LENGTH, 'Your passphrase is 200 characters or fewer'),
});

export type ReplyResult = { ok: true; message: string; attachment: NewAttachment | undefined } | { ok: false; errors: FieldErrors; values: FormValues };

const MessageSchema = z.string().trim().min(1, 'Enter your message').max(TEXT_MAX_LENGTH, 'Your message must be 10,000 characters or fewer');

/** The reporter's reply: its text and an optional attachment, stripped of metadata. */
export async function parseReplyForm(body: Body): Promise<ReplyResult> {
  const errors: FieldErrors = {};
  const message = MessageSchema.safeParse(text(body, 'message'));
  if (!message.success) errors.message = message.error.issues[0]?.message ?? 'Enter your message';
  const attachment = await readAttachmentField(body);
  if (!attachment.ok) errors.attachment = attachment.error;
  if (!message.success || !attachment.ok) return { ok: false, errors, values: shownValues(body) };
  return { ok: true, message: message.data, attachment: attachment.attachment };
}

const values = (choices: readonly { value: string }[]) => choices.map((choice) => choice.value) as [string, ...string[]];

export const ClosingFeedbackSchema = z.object({
  wouldSpeakUpAgain: z.enum(values(SPEAK_UP_AGAIN), { error: 'Select whether you would speak up again' }),
  detrimentAfter: z.enum(values(DETRIMENT_AFTER), { error: 'Select whether you have been treated worse since speaking up' }),
});
