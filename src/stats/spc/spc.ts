import { ASSURANCE_NAMES, ASSURANCE_SHIFT, POINT_TYPE_NAMES, RULE_NAMES, VARIATION_MASK, VARIATION_NAMES } from './constants.ts';
import { createSpcBuffers, spcKernel } from './kernel.ts';
import { resolveSpcSettings } from './options.ts';
import type { SpcBuffers, SpcOptions, SpcPoint, SpcResult, SpcRule } from './types.ts';

const orNull = (x: number): number | null => (x === x ? x : null);

/** Every rule a point takes part in, in a fixed order (outside_limits, shift, trend, two_of_three). */
export function ruleNames(mask: number): SpcRule[] {
  const names: SpcRule[] = [];
  for (const [bit, name] of RULE_NAMES) if ((mask & bit) !== 0) names.push(name);
  return names;
}

/** Shapes kernel outputs for `[start, start+length)` and its packed icons into the JSON result. */
export function spcResultFromBuffers(out: SpcBuffers, start: number, length: number, packedIcons: number): SpcResult {
  const mean: (number | null)[] = [];
  const lower: (number | null)[] = [];
  const upper: (number | null)[] = [];
  const points: SpcPoint[] = [];
  for (let i = start; i < start + length; i++) {
    mean.push(orNull(out.mean[i]!));
    lower.push(orNull(out.lower[i]!));
    upper.push(orNull(out.upper[i]!));
    points.push({ type: POINT_TYPE_NAMES[out.type[i]!]!, rules: ruleNames(out.rules[i]!) });
  }
  return {
    mean,
    lower,
    upper,
    points,
    variation: VARIATION_NAMES[packedIcons & VARIATION_MASK] ?? null,
    assurance: ASSURANCE_NAMES[packedIcons >> ASSURANCE_SHIFT] ?? null,
  };
}

/**
 * An XmR chart per NHS England's Making Data Count (../shared/methods/spc.md), profile `mdc` by
 * default or `ptd` (NHSRplotthedots 0.2.2): for each value its group's mean and process limits,
 * its classification and the rules it takes part in, and the variation and assurance icons of the
 * latest point. `null` values keep their place. Short or flat series are ordinary results (limits
 * and icons `null`, points common cause), not errors. Throws a TypeError naming `values[i]` for a
 * value that is not a finite number or null, and an `SpcOptionsError` for bad options.
 */
export function spc(values: readonly (number | null)[], options: SpcOptions): SpcResult {
  const n = values.length;
  const settings = resolveSpcSettings(options, n);
  const v = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x === null) v[i] = Number.NaN;
    else if (typeof x === 'number' && Number.isFinite(x)) v[i] = x;
    else throw new TypeError(`values[${i}]: expected a finite number or null, got ${String(x)}`);
  }
  const out = createSpcBuffers(n);
  return spcResultFromBuffers(out, 0, n, spcKernel(v, 0, n, settings, out));
}
