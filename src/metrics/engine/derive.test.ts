import { describe, expect, it } from 'vitest';
import { emptyFacts, type FactUnit, type TrustFacts } from '#src/metrics/facts.ts';
import { deriveObservations } from './derive.ts';
import { engineMetrics } from './metric.ts';
import { rollUp } from './rollup.ts';
import { scoreSurveyResponse } from './survey-scoring.ts';
import { buildUnitTree } from './tree.ts';

const units: FactUnit[] = [
  { id: 1, code: 'T', name: 'Trust', level: 'trust', parentId: null },
  { id: 2, code: 'A', name: 'Team A', level: 'team', parentId: 1 },
  { id: 3, code: 'B', name: 'Team B', level: 'team', parentId: 1 },
];
const END = '2026-10';
const T = 60;
/** Month index of a 'YYYY-MM' within the 60 months to END. */
const at = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - (2026 * 12 + 10) + T - 1;

function facts(patch: Partial<TrustFacts>): TrustFacts {
  const staff = Array.from({ length: 10 }, (_, i) => ({ staffNumber: `P${i}`, unitId: i < 6 ? 2 : 3, fte: 1, startDate: '2015-01-01', endDate: null }));
  return { ...emptyFacts(units, END), assignments: staff, ...patch };
}

function derive(f: TrustFacts, key: string) {
  const tree = buildUnitTree(f.units);
  const metrics = engineMetrics([], new Set([key]));
  const { observations } = deriveObservations(f, tree, metrics);
  const own = observations.get(key);
  if (!own) throw new Error(`no observations for ${key}`);
  return { tree, own, rolled: rollUp(tree, metrics[0]!, own) };
}

describe('sickness absence', () => {
  it('splits an episode’s FTE days lost across the months it spans, and counts 28+ days as long-term', () => {
    const f = facts({ sickness: [{ staffNumber: 'P0', unitId: 2, startDate: '2026-01-20', endDate: '2026-02-18', calendarDaysLost: 30, fteDaysLost: 15 }] });
    const { own } = derive(f, 'sickness_absence_rate');
    const a = 1 * T;
    expect(own.numerator[a + at('2026-01')]).toBeCloseTo(12 * 0.5);
    expect(own.numerator[a + at('2026-02')]).toBeCloseTo(18 * 0.5);
    expect(own.denominator[a + at('2026-01')]).toBe(6 * 31);
    expect(own.group[a + at('2026-01')]).toBe(6);
    const long = derive(f, 'sickness_long_term_share').own;
    expect(long.numerator[a + at('2026-02')]).toBeCloseTo(9);
  });
});

describe('retention', () => {
  it('leaver rate: leavers in 12 months over the average month-end headcount', () => {
    const f = facts({
      leavers: [
        { staffNumber: 'X1', unitId: 2, terminationDate: '2026-03-10', lengthOfServiceYears: 3 },
        { staffNumber: 'X2', unitId: 2, terminationDate: '2025-10-31', lengthOfServiceYears: 3 },
      ],
    });
    const { own } = derive(f, 'leaver_rate');
    expect(own.numerator[T + at('2026-10')]).toBe(1);
    expect(own.numerator[T + at('2026-09')]).toBe(2);
    expect(own.denominator[T + at('2026-10')]).toBe(6);
    expect(own.denominator[T + 5]).toBe(0);
  });

  it('stability: people in post 12 months before who are still in post, at the unit they were in then', () => {
    const f = facts({});
    f.assignments[0] = { ...f.assignments[0]!, endDate: '2026-05-31' };
    f.assignments[1] = { ...f.assignments[1]!, endDate: '2025-06-30' };
    f.assignments.push({ staffNumber: 'P1', unitId: 3, fte: 1, startDate: '2025-07-01', endDate: null });
    const { own } = derive(f, 'stability_index');
    const t = at('2026-10');
    // Team A a year before: P0 and P2–P5 (P1 had moved to B); P0 has left since.
    expect(own.denominator[T + t]).toBe(5);
    expect(own.numerator[T + t]).toBe(4);
    // Team B: P6–P9 and P1, all still in post (P1 counts where they were a year before).
    expect(own.denominator[2 * T + t]).toBe(5);
    expect(own.numerator[2 * T + t]).toBe(5);
  });
});

describe('survey scoring', () => {
  const out = new Float64Array(6);
  it('scores answers 0–10, averages answered items, and engagement is the mean of the sub-scores', () => {
    scoreSurveyResponse({ Q2A: 5, Q2B: 4, Q2C: null, q3c: 1, q3d: 3, q3f: 3, q25a: 2, q25c: 2, q25d: 2, q20a: 5, q20b: 5, q25e: 4, q25f: 3 }, out);
    expect(out[1]).toBeCloseTo(8.75);
    expect(out[2]).toBeCloseTo(10 / 3);
    expect(out[3]).toBeCloseTo(2.5);
    expect(out[0]).toBeCloseTo((8.75 + 10 / 3 + 2.5) / 3);
    expect(out[4]).toBeCloseTo((10 + 10 + 7.5 + 5) / 4);
    expect(out[5]).toBe(1);
  });
  it('raising concerns needs 3 of its 4 questions; safe to speak up counts only those who answered 25e', () => {
    scoreSurveyResponse({ q20a: 5, q25f: 5, q25e: null }, out);
    expect(out[4]).toBeNaN();
    expect(out[5]).toBeNaN();
    expect(out[0]).toBeNaN();
    scoreSurveyResponse({ q20a: 5, q20b: 1, q25f: 3, q25e: 3 }, out);
    expect(out[4]).toBeCloseTo(5);
    expect(out[5]).toBe(0);
  });
});

describe('roll-up', () => {
  it('a parent’s numerator and denominator are the sums of its children’s, never an average of rates', () => {
    const f = facts({
      sickness: [
        { staffNumber: 'P0', unitId: 2, startDate: '2026-10-01', endDate: '2026-10-10', calendarDaysLost: 10, fteDaysLost: 10 },
        { staffNumber: 'P7', unitId: 3, startDate: '2026-10-01', endDate: '2026-10-02', calendarDaysLost: 2, fteDaysLost: 2 },
      ],
    });
    const { rolled } = derive(f, 'sickness_absence_rate');
    const t = at('2026-10');
    expect(rolled.numerator[t]).toBe(rolled.numerator[T + t]! + rolled.numerator[2 * T + t]!);
    expect(rolled.denominator[t]).toBe(10 * 31);
    expect(rolled.group[t]).toBe(10);
  });

  it('a reported denominator (incidents) exists from the level it is reported at upwards', () => {
    const f = facts({
      complaints: [{ unitId: 2, receivedOn: '2026-10-03' }],
      operational: [{ month: '2026-10', unitId: 1, measure: 'incidents', value: 2000 }],
    });
    const { rolled } = derive(f, 'complaints_rate');
    const t = at('2026-10');
    expect(rolled.hasValue[T + t]).toBe(0);
    expect(rolled.hasValue[t]).toBe(1);
    expect(rolled.numerator[t]).toBe(1);
    expect(rolled.denominator[t]).toBe(2000);
  });
});
