// Golden tests: the ptd profile against NHSRplotthedots's own test expectations. The fixtures
// (test/fixtures/spc/*.json) say where every number comes from.
import integration from '#test/fixtures/spc/nhsrplotthedots-integration.json' with { type: 'json' };
import unit from '#test/fixtures/spc/nhsrplotthedots-unit.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { ASSURANCE_NAMES } from './constants.ts';
import { spcAssuranceCode } from './kernel.ts';
import { spc } from './spc.ts';
import type { SpcOptions } from './types.ts';

interface IntegrationCase {
  id: string;
  options: SpcOptions;
  values: number[];
  mean: number[];
  lower: number[];
  upper: number[];
  pointTypes0_2_2: string[];
  anomalies?: { lower?: number[] };
}

const RELATIVE = 1e-9;

function expectClose(actual: (number | null)[], expected: number[], label: string, skip: number[] = []) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((x, i) => {
    if (skip.includes(i)) return;
    const a = actual[i];
    expect(a, `${label}[${i}]`).not.toBeNull();
    expect(Math.abs((a! - x) / x), `${label}[${i}] = ${a} vs R ${x}`).toBeLessThanOrEqual(RELATIVE);
  });
}

describe('ptd reproduces NHSRplotthedots integration snapshots (R full-precision doubles)', () => {
  for (const c of integration.cases as IntegrationCase[]) {
    it(c.id, () => {
      const r = spc(c.values, c.options);
      expectClose(r.mean, c.mean, 'mean');
      expectClose(r.lower, c.lower, 'lower', c.anomalies?.lower);
      expectClose(r.upper, c.upper, 'upper');
      expect(r.points.map((p) => p.type)).toEqual(c.pointTypes0_2_2);
    });
  }

  it('lands on the very same doubles as R (not just within 1e-9)', () => {
    for (const c of integration.cases as IntegrationCase[]) {
      const r = spc(c.values, c.options);
      expect(r.mean).toEqual(c.mean);
      expect(r.upper).toEqual(c.upper);
    }
  });
});

describe('ptd against NHSRplotthedots unit tests', () => {
  const { summaries } = unit;
  for (const c of summaries.cases) {
    it(`summary of rnorm(20), ${c.id}, to the 3 figures R prints`, () => {
      const r = spc(summaries.values.slice(c.from, c.to), { improvement: 'increase', profile: 'ptd' });
      expect(Number(r.mean[0]!.toPrecision(3))).toBe(c.mean);
      expect(Number(r.lower[0]!.toPrecision(3))).toBe(c.lower);
      expect(Number(r.upper[0]!.toPrecision(3))).toBe(c.upper);
      expect(r.points.filter((p) => p.type === 'common_cause')).toHaveLength(c.commonCause);
    });
  }

  it('two close points on opposite sides of the mean are not two-of-three (issue #143)', () => {
    const c = unit.twoInThreeOppositeSides;
    const r = spc(c.values, { improvement: 'increase', profile: 'ptd' });
    expect(r.points.slice(-2).map((p) => p.type)).toEqual(c.lastTwo);
    expect(r.points.slice(-2).flatMap((p) => p.rules)).toEqual([]);
  });

  it.each(unit.trends.cases)('marks every point of a 7-point trend: $values', ({ values, trendPoints }) => {
    const r = spc(values, { improvement: 'increase', profile: 'ptd' });
    const marked = r.points.flatMap((p, i) => (p.rules.includes('trend') ? [i] : []));
    expect(marked).toEqual(trendPoints);
  });

  it('assurance from the last point limits', () => {
    const a = unit.assurance;
    for (const [improvement, direction] of [['increase', 1], ['decrease', -1], ['neutral', 0]] as const) {
      const got = a.limits.map(([lower, upper]) => ASSURANCE_NAMES[spcAssuranceCode('ptd', direction, a.target, lower!, upper!)]);
      expect(got, improvement).toEqual(a[improvement]);
    }
  });
});
