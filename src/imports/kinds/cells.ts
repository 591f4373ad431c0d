import { z } from 'zod';

/**
 * Cell parsers: each takes the cell's text (trimmed; blank is '') and gives a value or fails with
 * what was expected, in words a person fixing the file can act on.
 */
const INVALID = Symbol('invalid');
type Parse<T> = (raw: string) => T | typeof INVALID;

/** What a column's cells must hold: the zod schema and the same rule in words. */
export interface Cell<T> {
  expected: string;
  schema: z.ZodType<T, string>;
}

export function cell<T>(expected: string, parse: Parse<T>): Cell<T> {
  const schema = z.string().transform((raw, ctx) => {
    const value = parse(raw);
    if (value === INVALID) {
      ctx.addIssue({ code: 'custom', message: expected });
      return z.NEVER;
    }
    return value;
  });
  return { expected, schema };
}

/** The same cell, but blank gives null. */
export function optional<T>(expected: string, parse: Parse<T>): Cell<T | null> {
  return cell(`${expected}, or blank`, (raw) => (raw === '' ? null : parse(raw)));
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isoDate(year: number, month: number, day: number): string | typeof INVALID {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return INVALID;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return INVALID;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export const parseDate: Parse<string> = (raw) => {
  const iso = ISO_DATE.exec(raw);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const uk = UK_DATE.exec(raw);
  if (uk) return isoDate(Number(uk[3]), Number(uk[2]), Number(uk[1]));
  return INVALID;
};

/** YYYY-MM, or the first day of the month as a date (how spreadsheets often hold months). */
const MONTH = /^(\d{4})-(\d{1,2})(?:-0?1)?$/;
const UK_MONTH = /^(\d{1,2})\/(\d{4})$/;
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAMED_MONTH = /^([a-z]{3})[a-z]*[\s-](\d{4})$/i;

export const parseMonth: Parse<string> = (raw) => {
  const iso = MONTH.exec(raw);
  const uk = UK_MONTH.exec(raw);
  const named = NAMED_MONTH.exec(raw);
  let year: number;
  let month: number;
  if (iso) [year, month] = [Number(iso[1]), Number(iso[2])];
  else if (uk) [year, month] = [Number(uk[2]), Number(uk[1])];
  else if (named) [year, month] = [Number(named[2]), MONTH_NAMES.indexOf(named[1]?.toLowerCase() ?? '') + 1];
  else return INVALID;
  return month >= 1 && month <= 12 && year >= 1900 && year <= 2199 ? `${year}-${String(month).padStart(2, '0')}` : INVALID;
};

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;

export function parseNumber(min: number, max: number, { whole = false } = {}): Parse<number> {
  return (raw) => {
    const text = raw.replaceAll(',', '');
    if (!NUMBER.test(text)) return INVALID;
    const value = Number(text);
    if (value < min || value > max || (whole && !Number.isInteger(value))) return INVALID;
    return value;
  };
}

/** h:mm:ss or m:ss (AmbSYS style), or plain seconds, as whole seconds. */
export const parseDuration: Parse<number> = (raw) => {
  if (/^\d+$/.test(raw)) return Number(raw);
  const parts = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/.exec(raw);
  if (!parts) return INVALID;
  return Number(parts[1] ?? 0) * 3600 + Number(parts[2]) * 60 + Number(parts[3]);
};

export function parseChoice<T extends string>(choices: readonly T[]): Parse<T> {
  const byLowerCase = new Map(choices.map((choice) => [choice.toLowerCase(), choice]));
  return (raw) => byLowerCase.get(raw.toLowerCase()) ?? INVALID;
}

export const parseYesNo: Parse<boolean> = (raw) => {
  const lower = raw.toLowerCase();
  if (lower === 'yes' || lower === 'y' || lower === 'true') return true;
  if (lower === 'no' || lower === 'n' || lower === 'false') return false;
  return INVALID;
};

export const parseText: Parse<string> = (raw) => (raw === '' ? INVALID : raw);

/** Codes and numbers as people type them: trimmed, compared case-insensitively as upper case. */
export const parseCode: Parse<string> = (raw) => (/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(raw) ? raw.toUpperCase() : INVALID);

export const date = () => cell('a date as YYYY-MM-DD or DD/MM/YYYY', parseDate);
export const optionalDate = () => optional('a date as YYYY-MM-DD or DD/MM/YYYY', parseDate);
export const month = () => cell('a month as YYYY-MM', parseMonth);
export const text = (what: string) => cell(what, parseText);
export const optionalText = (what: string) => optional(what, (raw) => raw);
export const unitCode = () => cell('an organisation code (letters, digits and dashes)', parseCode);
export const staffNumber = () => cell('a staff number (letters and digits)', parseCode);
export const fte = () => cell('a number of FTE between 0 and 1.5', parseNumber(0, 1.5));
export const count = (what = 'a whole number, 0 or more') => cell(what, parseNumber(0, 1e12, { whole: true }));
export const yesNo = () => cell('Yes or No', parseYesNo);
export const optionalYesNo = () => optional('Yes or No', parseYesNo);
export const duration = () => cell('a time as h:mm:ss (for example 0:07:57) or whole seconds', parseDuration);
export const choice = <T extends string>(choices: readonly T[]) => cell(`one of: ${choices.join(', ')}`, parseChoice(choices));
export const year = () => cell('a year as YYYY', parseNumber(1990, 2199, { whole: true }));

/** ESR grades: "Band 6" → "6"; VSM and medical grades as given. */
export const grade = () =>
  cell('a grade such as "Band 6", "Band 8a", "VSM" or a medical grade', (raw) => {
    if (raw === '') return INVALID;
    const band = /^(?:band\s*)?(\d|8[a-d])$/i.exec(raw);
    return band ? (band[1] ?? raw).toLowerCase() : raw;
  });
