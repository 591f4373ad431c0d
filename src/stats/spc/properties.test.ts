// Property tests (fast-check) for the XmR kernel in both profiles.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ASSURANCE_SHIFT, LIMIT_FACTOR, NEAR_FACTOR, VARIATION_MASK } from './constants.ts';
import { createSpcBuffers, spcBatch, spcKernel } from './kernel.ts';
import { resolveSpcSettings } from './options.ts';
import { spc, spcResultFromBuffers } from './spc.ts';
import type { SpcOptions, SpcProfile, SpcResult } from './types.ts';

type Values = (number | null)[];

const integers = fc.array(fc.option(fc.integer({ min: -40, max: 40 }), { freq: 12, nil: null }), { maxLength: 60 });
// Doubles of every shape, but no subnormals: scaling those loses bits (and is not what data look like).
const double = fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }).map((x) => (Math.abs(x) < 1e-100 ? 0 : x));
const doubles = fc.array(fc.option(double, { freq: 12, nil: null }), { maxLength: 60 });

/** Options valid for `length` values in `profile`, exercising every setting. */
function optionsArb(length: number, profile: SpcProfile) {
  const mdc = profile === 'mdc';
  return fc.record(
    {
      improvement: fc.constantFrom('increase', 'decrease', 'neutral'),
      target: fc.integer({ min: -60, max: 60 }),
      rebase: length > 0 ? fc.uniqueArray(fc.integer({ min: 0, max: length - 1 }), { maxLength: 3 }) : fc.constant([]),
      fixAfter: fc.integer({ min: mdc ? 1 : 12, max: 24 }),
      baseline: mdc ? fc.integer({ min: 1, max: 24 }) : fc.constant(undefined),
      screenOutliers: fc.boolean(),
      shift: fc.integer({ min: 6, max: 8 }),
      trend: fc.integer({ min: 6, max: 8 }),
      conflict: mdc ? fc.constantFrom('improvement', 'concern') : fc.constant(undefined),
    },
    { requiredKeys: ['improvement'] },
  ).map((o): SpcOptions => ({ ...o, profile }));
}

const chart = (values: fc.Arbitrary<Values>) =>
  fc
    .tuple(values, fc.constantFrom<SpcProfile>('mdc', 'ptd'))
    .chain(([v, profile]) => optionsArb(v.length, profile).map((options) => ({ values: v, options })));

const anyChart = fc.oneof(chart(integers), chart(doubles));

const SWAP = { special_cause_improvement: 'special_cause_concern', special_cause_concern: 'special_cause_improvement' } as Record<string, string>;
const SWAP_ICON = { improvement_high: 'concern_high', improvement_low: 'concern_low', concern_high: 'improvement_high', concern_low: 'improvement_low', pass: 'fail', fail: 'pass' } as Record<string, string>;
const swap = (x: string | null, table: Record<string, string>) => (x === null ? null : (table[x] ?? x));

/** True when some value or the target sits within `eps` of a limit or near line (ties that rounding may tip). */
function nearTie(values: Values, r: SpcResult, target: number | undefined, eps: number): boolean {
  return values.some((y, i) => {
    const m = r.mean[i];
    const hi = r.upper[i];
    const lo = r.lower[i];
    if (m === null || m === undefined || hi === null || hi === undefined || lo === null || lo === undefined) return false;
    const near = (NEAR_FACTOR * (hi - m)) / LIMIT_FACTOR;
    const lines = [lo, hi, m - near, m + near];
    return lines.some((line) => (y !== null && Math.abs(y - line) < eps) || (target !== undefined && Math.abs(target - line) < eps));
  });
}

describe('SPC properties', () => {
  test.prop([anyChart])('limits are symmetric about the mean', ({ values, options }) => {
    const r = spc(values, options);
    r.mean.forEach((m, i) => {
      const hi = r.upper[i] ?? null;
      const lo = r.lower[i] ?? null;
      expect(hi === null).toBe(lo === null);
      if (m === null || hi === null || lo === null) return;
      expect(Math.abs(hi - m - (m - lo))).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(Math.abs(hi), Math.abs(lo), 1));
    });
  });

  test.prop([anyChart])('every special-cause point names its rules; null values and common cause name none', ({ values, options }) => {
    const r = spc(values, options);
    expect(r.points).toHaveLength(values.length);
    r.points.forEach((p, i) => {
      expect(p.type === 'common_cause').toBe(p.rules.length === 0);
      if (values[i] === null) expect(p).toEqual({ type: 'common_cause', rules: [] });
      if (options.improvement === 'neutral') expect(['common_cause', 'special_cause_neutral_high', 'special_cause_neutral_low']).toContain(p.type);
      else expect(p.type.startsWith('special_cause_neutral')).toBe(false);
    });
  });

  test.prop([anyChart])('reversing improvement swaps improvement and concern, and the icons, keeping sides', ({ values, options }) => {
    const improvement = options.improvement === 'decrease' ? 'decrease' : 'increase';
    const reversed = improvement === 'increase' ? 'decrease' : 'increase';
    // mdc resolves a point flagged both ways by the conflict setting, so that flips too
    const conflict = options.profile === 'mdc' ? (options.conflict === 'concern' ? 'improvement' : 'concern') : undefined;
    const a = spc(values, { ...options, improvement });
    const b = spc(values, { ...options, improvement: reversed, conflict });
    expect(b.mean).toEqual(a.mean);
    expect(b.lower).toEqual(a.lower);
    expect(b.points.map((p) => p.rules)).toEqual(a.points.map((p) => p.rules));
    expect(b.points.map((p) => p.type)).toEqual(a.points.map((p) => swap(p.type, SWAP)));
    expect(b.variation).toBe(swap(a.variation, SWAP_ICON));
    const last = a.lower.length - 1;
    const flat = last >= 0 && a.lower[last] !== null && a.lower[last] === a.upper[last];
    if (!flat) expect(b.assurance).toBe(swap(a.assurance, SWAP_ICON));
  });

  test.prop([anyChart, fc.integer({ min: -6, max: 6 })])('scaling by a power of two scales mean and limits exactly and keeps every label', ({ values, options }, k) => {
    const c = 2 ** k;
    const scale = (x: number | null) => (x === null ? null : x * c);
    const a = spc(values, options);
    const b = spc(values.map(scale), { ...options, target: options.target === undefined ? undefined : options.target * c });
    expect(b.mean).toEqual(a.mean.map(scale));
    expect(b.lower).toEqual(a.lower.map(scale));
    expect(b.upper).toEqual(a.upper.map(scale));
    expect(b.points).toEqual(a.points);
    expect(b.variation).toBe(a.variation);
    expect(b.assurance).toBe(a.assurance);
  });

  test.prop([anyChart, fc.double({ min: 1e-3, max: 1e3, noNaN: true })])('scaling by any c > 0 scales mean and limits by c', ({ values, options }, c) => {
    const a = spc(values, options);
    const b = spc(
      values.map((x) => (x === null ? null : x * c)),
      options,
    );
    const size = Math.max(1, ...values.map((x) => Math.abs(x ?? 0)));
    for (const key of ['mean', 'lower', 'upper'] as const) {
      a[key].forEach((x, i) => {
        const y = b[key][i] ?? null;
        expect(y === null).toBe(x === null);
        if (x !== null && y !== null) expect(Math.abs(y - x * c)).toBeLessThanOrEqual(1e-12 * c * size * 64);
      });
    }
  });

  test.prop([chart(integers), fc.integer({ min: -10_000, max: 10_000 })])(
    'translating values (and target) by a constant offset keeps every label and shifts mean and limits',
    ({ values, options }, d) => {
      const a = spc(values, options);
      fc.pre(!nearTie(values, a, options.target, 1e-6));
      const b = spc(
        values.map((x) => (x === null ? null : x + d)),
        { ...options, target: options.target === undefined ? undefined : options.target + d },
      );
      expect(b.points).toEqual(a.points);
      expect(b.variation).toBe(a.variation);
      expect(b.assurance).toBe(a.assurance);
      for (const key of ['mean', 'lower', 'upper'] as const) {
        a[key].forEach((x, i) => {
          const y = b[key][i] ?? null;
          expect(y === null).toBe(x === null);
          if (x !== null && y !== null) expect(Math.abs(y - (x + d))).toBeLessThanOrEqual(1e-9 * (Math.abs(d) + 100));
        });
      }
    },
  );

  test.prop([anyChart])('recomputing is idempotent', ({ values, options }) => {
    expect(spc(values, options)).toEqual(spc(values, options));
  });

  test.prop([anyChart, anyChart])('reusing the kernel buffers leaves nothing behind from the previous series', (first, second) => {
    const n = Math.max(first.values.length, second.values.length);
    const out = createSpcBuffers(n);
    const run = ({ values, options }: { values: Values; options: SpcOptions }) => {
      const v = Float64Array.from(values, (x) => x ?? Number.NaN);
      return spcResultFromBuffers(out, 0, values.length, spcKernel(v, 0, values.length, resolveSpcSettings(options, values.length), out));
    };
    run(first);
    expect(run(second)).toEqual(spc(second.values, second.options));
  });

  test.prop([fc.integer({ min: 1, max: 30 }).chain((len) => fc.tuple(fc.constant(len), fc.array(fc.array(fc.option(fc.integer({ min: -9, max: 9 }), { freq: 8, nil: null }), { minLength: len, maxLength: len }), { minLength: 1, maxLength: 6 }), optionsArb(len, 'mdc'), optionsArb(len, 'ptd')))])(
    'a batch gives each series the result it gets alone',
    ([len, series, mdcOptions, ptdOptions]) => {
      for (const options of [mdcOptions, ptdOptions]) {
        const values = Float64Array.from(series.flat(), (x) => x ?? Number.NaN);
        const out = createSpcBuffers(values.length);
        const icons = { variation: new Uint8Array(series.length), assurance: new Uint8Array(series.length) };
        spcBatch(values, len, resolveSpcSettings(options, len), out, icons);
        series.forEach((s, k) => {
          const packed = icons.variation[k]! | (icons.assurance[k]! << ASSURANCE_SHIFT);
          expect(packed & VARIATION_MASK).toBe(icons.variation[k]);
          expect(spcResultFromBuffers(out, k * len, len, packed)).toEqual(spc(s, options));
        });
      }
    },
  );
});
