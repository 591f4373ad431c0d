import { describe, expect, it } from 'vitest';
import { generateDemoTrust } from '#src/demo/generate.ts';
import { demoTrustFacts } from '#src/metrics/demo-facts.ts';
import { emptyFacts, type FactUnit, type TrustFacts } from '#src/metrics/facts.ts';
import { computeMetric } from './compute.ts';
import { deriveObservations } from './derive.ts';
import { engineMetrics } from './metric.ts';
import { computeScorecard, scorecardSpots } from './scorecard.ts';
import { buildUnitTree } from './tree.ts';

const KEY = 'ethnic_minority_share';
const units: FactUnit[] = [
  { id: 1, code: 'T', name: 'Trust', level: 'trust', parentId: null },
  { id: 2, code: 'A', name: 'Team A', level: 'team', parentId: 1 },
  { id: 3, code: 'B', name: 'Team B', level: 'team', parentId: 1 },
];
const END = '2026-10';
const T = 60;
const at = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - (2026 * 12 + 10) + T - 1;
const A = 1 * T;
const B = 2 * T;

/** Team A: P0–P11, team B: P12–P23, all in post since 2015. */
function facts(ethnicGroups: TrustFacts['ethnicGroups']): TrustFacts {
  const assignments = Array.from({ length: 24 }, (_, i) => ({ staffNumber: `P${i}`, unitId: i < 12 ? 2 : 3, fte: 1, startDate: '2015-01-01', endDate: null as string | null }));
  return { ...emptyFacts(units, END), assignments, ethnicGroups };
}

const group = (from: number, to: number, ethnicGroup: string) => Array.from({ length: to - from + 1 }, (_, i) => ({ staffNumber: `P${from + i}`, ethnicGroup }));

function compute(f: TrustFacts) {
  const tree = buildUnitTree(f.units);
  const [metric] = engineMetrics([], new Set([KEY]));
  const own = deriveObservations(f, tree, [metric!]).observations.get(KEY);
  if (!own) throw new Error('no observations');
  return { own, computed: computeMetric(tree, metric!, own, f.endMonth) };
}

describe('ethnic minority representation', () => {
  it('counts month-end staff with an ethnic group recorded, and of them those from an ethnic minority background', () => {
    // Team A: 4 ethnic minority, 6 White (one written "white "), 1 not stated, 1 with no record at all.
    const { own, computed } = compute(facts([...group(0, 3, 'Ethnic minority'), ...group(4, 8, 'White'), { staffNumber: 'P9', ethnicGroup: 'white ' }, { staffNumber: 'P10', ethnicGroup: 'Not stated' }, ...group(12, 23, 'White')]));
    const t = at('2026-10');
    expect(own.numerator[A + t]).toBe(4);
    expect(own.denominator[A + t]).toBe(10);
    expect(own.group[A + t]).toBe(10);
    expect(own.denominator[A + at('2021-11')]).toBe(10);
    expect(computed.cells.numerator[t]).toBe(4);
    expect(computed.cells.denominator[t]).toBe(22);
    expect(computed.value[t]).toBeCloseTo((4 / 22) * 100);
    expect(computed.value[A + t]).toBeCloseTo(40);
  });

  it('counts each person once a month, at their unit at the month end, and not after they leave', () => {
    const f = facts([...group(0, 11, 'Ethnic minority'), ...group(12, 23, 'White')]);
    // P0 moves from A to B on 1 September 2026; P1 also works a small second post in B; P2 leaves on 15 August.
    f.assignments[0] = { ...f.assignments[0]!, endDate: '2026-08-31' };
    f.assignments.push({ staffNumber: 'P0', unitId: 3, fte: 1, startDate: '2026-09-01', endDate: null });
    f.assignments.push({ staffNumber: 'P1', unitId: 3, fte: 0.2, startDate: '2020-01-01', endDate: null });
    f.assignments[2] = { ...f.assignments[2]!, endDate: '2026-08-15' };
    const { own } = compute(f);
    expect(own.numerator[A + at('2026-07')]).toBe(12);
    expect(own.numerator[A + at('2026-08')]).toBe(11);
    expect(own.numerator[A + at('2026-09')]).toBe(10);
    expect(own.numerator[B + at('2026-09')]).toBe(1);
    expect(own.denominator[B + at('2026-09')]).toBe(13);
    expect(own.denominator[A + at('2026-09')]! + own.denominator[B + at('2026-09')]!).toBe(23);
  });

  it('publishes no value where fewer than 10 people have an ethnic group recorded (the EDI minimum)', () => {
    // Team B: 6 of its 12 have a record.
    const { computed } = compute(facts([...group(0, 2, 'Ethnic minority'), ...group(3, 11, 'White'), ...group(12, 13, 'Ethnic minority'), ...group(14, 17, 'White')]));
    const t = at('2026-10');
    expect(computed.metric.minimum).toBe(10);
    // Team A is hidden with B, or B would be the trust less A.
    expect(computed.reason[B + t]).toBe(1);
    expect(computed.value[B + t]).toBeNaN();
    expect(computed.reason[A + t]).toBe(2);
    expect(computed.value[A + t]).toBeNaN();
    expect(computed.value[t]).toBeCloseTo((5 / 18) * 100);
  });

  it('has no value without equality data', () => {
    const { computed } = compute(facts([]));
    expect(computed.cells.hasValue.every((v) => v === 0)).toBe(true);
  });
});

describe('ethnic minority representation in the demo trust (seed 1, 7,500 staff)', () => {
  const trust = generateDemoTrust({ seed: 1, staff: 7500 });
  const facts = demoTrustFacts(trust);
  const result = computeScorecard(facts, engineMetrics());
  const computed = result.computations.find((c) => c.metric.key === KEY);
  const periods = computed?.cells.periods ?? [];
  const latest = periods.length - 1;
  const valueOf = (u: number) => computed?.value[u * periods.length + latest];

  it('has a value for the trust and every directorate in the latest month, near the 10.7% of the strategy', () => {
    expect(periods[latest]).toBe(trust.endMonth);
    const root = result.tree.parent.indexOf(-1);
    expect(valueOf(root)).toBeGreaterThan(9);
    expect(valueOf(root)).toBeLessThan(13);
    const directorates = result.tree.levels.flatMap((level, u) => (level === 'directorate' ? [u] : []));
    expect(directorates.length).toBeGreaterThan(0);
    for (const u of directorates) expect(valueOf(u), result.tree.codes[u]).toBeGreaterThan(0);
  });

  it('raises no signals, so the planted dark and bright spots stay in the top three', () => {
    expect(computed?.signals).toEqual([]);
    const spots = scorecardSpots(result);
    const top3 = (kind: 'dark' | 'bright') => spots.filter((s) => s.kind === kind && s.rank <= 3).map((s) => result.tree.codes[s.unit]);
    expect(top3('dark')).toContain('EO-STA');
    expect(top3('bright')).toContain('EO-COV-T02');
  });
});
