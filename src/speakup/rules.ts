/**
 * Freedom to Speak Up recording rules as dated configuration: the national categories have
 * changed before (April 2022) and may change again (methods: speakup.md, nhs-definitions.md §5).
 */

export type RaisedAs = 'anonymous' | 'confidential' | 'open';

export const RAISED_AS: readonly { value: RaisedAs; label: string; hint: string }[] = [
  {
    value: 'open',
    label: 'Openly, with my name',
    hint: 'The Guardian and the people looking into your concern will know it was you. This makes it easiest to follow up.',
  },
  {
    value: 'confidential',
    label: 'Confidentially',
    hint: 'Only the Guardian will know who you are. They will not share your name without your agreement, unless someone is at immediate risk of harm.',
  },
  {
    value: 'anonymous',
    label: 'Anonymously',
    hint: 'Nobody, not even the Guardian, will know who you are. You get a receipt code and choose a passphrase to read replies.',
  },
];

export interface Category {
  key: string;
  label: string;
  /** National categories are returned to the National Guardian's Office; local ones are not. */
  national: boolean;
  /** The first day the category is recorded (inclusive) and the last (inclusive), ISO dates. */
  from: string;
  until?: string;
}

export const CATEGORIES: readonly Category[] = [
  { key: 'patient_safety', label: 'Patient safety or quality', national: true, from: '2017-04-01' },
  { key: 'worker_safety', label: 'Worker safety or wellbeing', national: true, from: '2021-04-01' },
  { key: 'behaviours', label: 'Behaviours, including bullying or harassment', national: true, from: '2017-04-01', until: '2022-03-31' },
  { key: 'bullying_or_harassment', label: 'Bullying or harassment', national: true, from: '2022-04-01' },
  { key: 'inappropriate_attitudes', label: 'Inappropriate attitudes or behaviours', national: true, from: '2022-04-01' },
  { key: 'sexual_safety', label: 'Sexual safety', national: false, from: '2024-04-01' },
  { key: 'other', label: 'Something else', national: true, from: '2017-04-01' },
];

export function categoriesOn(day: string): Category[] {
  return CATEGORIES.filter((category) => category.from <= day && (category.until === undefined || day <= category.until));
}

export function categoryLabel(key: string): string {
  return CATEGORIES.find((category) => category.key === key)?.label ?? key;
}

/** The groups the Guardian records; the national list in the 2024 guidance was not found, so this is local. */
export const WORKER_GROUPS: readonly string[] = [
  'Paramedics and clinicians',
  'Emergency medical technicians and care assistants',
  'Call handlers and dispatchers',
  'Clinical advisers (111 and clinical hub)',
  'Patient transport',
  'Fleet, estates and logistics',
  'Corporate and administrative',
  'Managers and leaders',
  'Students and volunteers',
  'Other or not known',
];

export const SPEAK_UP_AGAIN: readonly { value: string; label: string }[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'maybe', label: 'Maybe' },
  { value: 'dont_know', label: 'Don’t know' },
];

export const DETRIMENT_AFTER: readonly { value: string; label: string }[] = [
  { value: 'no', label: 'No' },
  { value: 'yes', label: 'Yes' },
  { value: 'prefer_not_to_say', label: 'I would rather not say' },
];

export interface Timeliness {
  from: string;
  acknowledgeDays: number;
  feedbackDays: number;
  /** Days before a due date when the case shows as due soon. */
  reminderDays: number;
}

/** ISO 37002 and the EU whistleblowing directive: no national day counts exist (methods: speakup.md). */
export const TIMELINESS: readonly Timeliness[] = [{ from: '2017-04-01', acknowledgeDays: 7, feedbackDays: 91, reminderDays: 3 }];

export function timelinessOn(day: string): Timeliness {
  const rule = [...TIMELINESS].reverse().find((candidate) => candidate.from <= day) ?? TIMELINESS[0];
  if (!rule) throw new Error('no timeliness rule');
  return rule;
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export interface DueDates {
  acknowledgeBy: string;
  feedbackBy: string;
}

export function dueDates(receivedOn: string): DueDates {
  const rule = timelinessOn(receivedOn);
  return { acknowledgeBy: addDays(receivedOn, rule.acknowledgeDays), feedbackBy: addDays(receivedOn, rule.feedbackDays) };
}

export type DueState = 'done' | 'on-time' | 'due-soon' | 'overdue';

/** Where a case stands against one due date: done (on `doneOn`), or how close `today` is to it. */
export function dueState(due: string, doneOn: string | null, today: string, reminderDays: number): DueState {
  if (doneOn !== null) return 'done';
  if (today > due) return 'overdue';
  return daysBetween(today, due) <= reminderDays ? 'due-soon' : 'on-time';
}
