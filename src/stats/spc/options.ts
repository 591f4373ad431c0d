import { MAX_RUN, MDC_DEFAULT_RUN, MIN_RUN, PTD_MIN_FIX_AFTER, PTD_RUN } from './constants.ts';
import type { SpcOptions, SpcProblem, SpcSettings } from './types.ts';

/** Thrown for options a caller should have validated first (a programming error). */
export class SpcOptionsError extends Error {
  constructor(readonly problems: readonly SpcProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'SpcOptionsError';
  }
}

const IMPROVEMENTS = ['increase', 'decrease', 'neutral'];
const PROFILES = ['mdc', 'ptd'];
const CONFLICTS = ['improvement', 'concern'];

const isWhole = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);

/**
 * Every problem with `options` for a series of `length` values, each naming its field. Pure: the
 * CLI reports these as a usage error, `resolveSpcSettings` throws them. The rules:
 * - `rebase` holds whole-number indices into the values;
 * - `fixAfter` and `baseline` are positive whole numbers; the ptd profile needs `fixAfter ≥ 12`
 *   (NHSRplotthedots refuses less) and has no `baseline` or `conflict` setting (it fixes limits per
 *   group and labels a point by rule precedence);
 * - `shift` and `trend` are run lengths of 6 to 8 points (spc.md: "per metric 6–8").
 */
export function checkSpcOptions(options: SpcOptions, length: number): SpcProblem[] {
  const problems: SpcProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const o = options as Partial<Record<keyof SpcOptions, unknown>>;

  if (!IMPROVEMENTS.includes(o.improvement as string)) add('improvement', 'expected "increase", "decrease" or "neutral"');
  if (o.profile !== undefined && !PROFILES.includes(o.profile as string)) add('profile', 'expected "mdc" or "ptd"');
  const ptd = o.profile === 'ptd';

  if (o.target !== undefined && !(typeof o.target === 'number' && Number.isFinite(o.target))) add('target', 'expected a finite number');

  if (o.rebase !== undefined) {
    if (!Array.isArray(o.rebase)) add('rebase', 'expected an array of indices');
    else
      (o.rebase as unknown[]).forEach((index, i) => {
        if (!isWhole(index) || index < 0) add(`rebase[${i}]`, 'expected a whole number index of values (0 or more)');
        else if (index >= length) add(`rebase[${i}]`, `index ${index} is past the last value (there are ${length} values)`);
      });
  }

  if (o.fixAfter !== undefined) {
    if (!isWhole(o.fixAfter) || o.fixAfter < 1) add('fixAfter', 'expected a whole number of points, 1 or more');
    else if (ptd && o.fixAfter < PTD_MIN_FIX_AFTER) add('fixAfter', `the ptd profile fixes limits on at least ${PTD_MIN_FIX_AFTER} points`);
  }
  if (o.baseline !== undefined) {
    if (ptd) add('baseline', 'not a setting of the ptd profile (use fixAfter)');
    else if (!isWhole(o.baseline) || o.baseline < 1) add('baseline', 'expected a whole number of points, 1 or more');
  }
  if (o.screenOutliers !== undefined && typeof o.screenOutliers !== 'boolean') add('screenOutliers', 'expected true or false');
  for (const field of ['shift', 'trend'] as const) {
    const n = o[field];
    if (n !== undefined && !(isWhole(n) && n >= MIN_RUN && n <= MAX_RUN)) add(field, `expected a whole number of points from ${MIN_RUN} to ${MAX_RUN}`);
  }
  if (o.conflict !== undefined) {
    if (ptd) add('conflict', 'not a setting of the ptd profile (it labels a point by rule precedence)');
    else if (!CONFLICTS.includes(o.conflict as string)) add('conflict', 'expected "improvement" or "concern"');
  }
  return problems;
}

/** Resolves options to kernel settings with the profile's defaults; throws `SpcOptionsError`. */
export function resolveSpcSettings(options: SpcOptions, length: number): SpcSettings {
  const problems = checkSpcOptions(options, length);
  if (problems.length > 0) throw new SpcOptionsError(problems);
  const profile = options.profile ?? 'mdc';
  const ptd = profile === 'ptd';
  const run = ptd ? PTD_RUN : MDC_DEFAULT_RUN;
  return {
    profile,
    direction: options.improvement === 'increase' ? 1 : options.improvement === 'decrease' ? -1 : 0,
    target: options.target ?? Number.NaN,
    groupStarts: groupStarts(options.rebase ?? []),
    fixAfter: options.fixAfter ?? 0,
    baseline: options.baseline ?? 0,
    screenOutliers: options.screenOutliers ?? ptd,
    shift: options.shift ?? run,
    trend: options.trend ?? run,
    conflict: options.conflict === 'concern' ? -1 : 1,
  };
}

/** Sorted, distinct group starts beginning with 0 (a rebase at 0 changes nothing). */
function groupStarts(rebase: readonly number[]): Int32Array {
  const starts = [...new Set([0, ...rebase])].sort((a, b) => a - b);
  return Int32Array.from(starts);
}
