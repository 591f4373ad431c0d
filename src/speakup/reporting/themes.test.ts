import { describe, expect, it } from 'vitest';
import { buildTable, derivableCells } from '#src/stats/suppression/suppress.ts';
import type { Quarter } from './quarters.ts';
import { categoryCell, ROW_NAMES, themes, themesTable, type QuarterOrganisation, type ThemeCase, type ThemeQuarter } from './themes.ts';

const Q2_2026: Quarter = { year: 2026, number: 2 };
const TRUST = 1;
const [A, B, C, D] = [10, 20, 30, 40];

/** Directorates A (400 staff), B (30: below the minimum of 50), C (200) and D (120); a team under each. */
function organisation(quarter: Quarter, overrides: Partial<QuarterOrganisation> = {}): QuarterOrganisation {
  return {
    quarter,
    directorates: [
      { unitId: A, name: 'A directorate', headcount: 400 },
      { unitId: B, name: 'B directorate', headcount: 30 },
      { unitId: C, name: 'C directorate', headcount: 200 },
      { unitId: D, name: 'D directorate', headcount: 120 },
    ],
    headcount: 750,
    placeOf: new Map([A, B, C, D].flatMap((directorate) => [[directorate, directorate] as const, [directorate + 1, directorate] as const])),
    ...overrides,
  };
}

const concern = (receivedOn: string, unitId: number | null, ...categories: string[]): ThemeCase => ({ receivedOn, unitId, categories });

const CASES: ThemeCase[] = [
  concern('2026-07-01', A + 1, 'patient_safety', 'bullying_or_harassment'),
  concern('2026-08-15', A, 'patient_safety'),
  concern('2026-09-30', A + 1, 'worker_safety', 'sexual_safety'),
  concern('2026-07-20', B + 1, 'bullying_or_harassment'),
  concern('2026-08-01', C + 1, 'inappropriate_attitudes', 'inappropriate_attitudes'),
  concern('2026-08-02', C, 'other'),
  concern('2026-09-01', D + 1, 'patient_safety'),
  concern('2026-09-02', null, 'worker_safety'),
  concern('2026-09-03', TRUST, 'other'),
  concern('2026-10-01', A + 1, 'patient_safety'), // the next quarter
];

const row = (quarter: ThemeQuarter, name: string) => {
  const found = [...quarter.rows, quarter.trust].find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no row ${name}`);
  return found;
};
const byCategory = (quarter: ThemeQuarter, name: string) =>
  Object.fromEntries(quarter.categories.map((category) => [category.key, categoryCell(quarter, row(quarter, name), category)]));

describe('speak-up themes by directorate', () => {
  const [quarter] = themes(CASES, [organisation(Q2_2026)]);
  if (!quarter) throw new Error('no quarter');

  it('rolls cases up to their directorate, once per category, with the trust total and a rate per 100 staff', () => {
    expect(row(quarter, 'A directorate')).toMatchObject({ suppressed: null, headcount: 400, cases: 3, per100Staff: 0.75 });
    expect(byCategory(quarter, 'A directorate')).toMatchObject({ patient_safety: 2, bullying_or_harassment: 1, worker_safety: 1, sexual_safety: 1, other: 0 });
    expect(byCategory(quarter, 'C directorate')).toMatchObject({ inappropriate_attitudes: 1, other: 1 });
    expect(quarter.trust).toMatchObject({ suppressed: null, headcount: 750, cases: 9, per100Staff: 1.2 });
    expect(byCategory(quarter, ROW_NAMES.trust)).toEqual({
      patient_safety: 3,
      worker_safety: 2,
      bullying_or_harassment: 2,
      inappropriate_attitudes: 1,
      sexual_safety: 1,
      other: 2,
    });
  });

  it('counts cases with no unit, or the trust as a whole, only in the trust total as "no directorate given"', () => {
    expect(quarter.rows.map((candidate) => candidate.name)).toEqual(['A directorate', 'B directorate', 'C directorate', 'D directorate', ROW_NAMES.notGiven]);
    const [theFirst] = themes(CASES, [organisation(Q2_2026, { directorates: organisation(Q2_2026).directorates.map((d) => ({ ...d, headcount: d.unitId === B ? 60 : d.headcount })), headcount: 780 })]);
    if (!theFirst) throw new Error('no quarter');
    expect(row(theFirst, ROW_NAMES.notGiven)).toMatchObject({ suppressed: null, cases: 2, headcount: null });
  });

  it('hides a directorate below the minimum, and one more row so the trust total minus the others cannot give it away', () => {
    expect(row(quarter, 'B directorate')).toMatchObject({ suppressed: 'primary', headcount: null, cases: null, per100Staff: null });
    expect(byCategory(quarter, 'B directorate')).toMatchObject({ bullying_or_harassment: null, patient_safety: null });
    const hidden = quarter.rows.filter((candidate) => candidate.suppressed !== null);
    expect(hidden.map((candidate) => [candidate.name, candidate.suppressed])).toEqual([
      ['B directorate', 'primary'],
      [ROW_NAMES.notGiven, 'complementary'],
    ]);
    // The published rows and total leave B's count undetermined: the trust total minus the shown rows is B + not given.
    const shown = quarter.rows.reduce((sum, candidate) => sum + (candidate.cases ?? 0), 0);
    expect((quarter.trust.cases ?? 0) - shown).toBe(1 + 2);
    const reasons = Uint8Array.from([0, ...quarter.rows.map((candidate) => (candidate.suppressed ? 1 : 0))]);
    const table = buildTable({ parent: [-1, ...quarter.rows.map(() => 0)], groupSize: [quarter.rows.length, ...quarter.rows.map(() => 1)], minimumSize: 1 });
    expect(derivableCells(table, reasons)).toHaveLength(0);
  });

  it('picks a directorate as the complement when it is the smallest row shown', () => {
    const small = organisation(Q2_2026, {
      directorates: organisation(Q2_2026).directorates.map((d) => ({ ...d, headcount: d.unitId === D ? 50 : d.headcount })),
      headcount: 680,
    });
    const [result] = themes(CASES, [small]);
    expect(result?.rows.filter((candidate) => candidate.suppressed).map((candidate) => [candidate.name, candidate.suppressed])).toEqual([
      ['B directorate', 'primary'],
      ['D directorate', 'complementary'],
    ]);
    expect(result && row(result, ROW_NAMES.notGiven).cases).toBe(2);
  });

  it('counts staff outside every directorate as "elsewhere in the trust", suppressed like a directorate', () => {
    const withRest = organisation(Q2_2026, { headcount: 790, placeOf: new Map([...organisation(Q2_2026).placeOf, [99, null]]) });
    const [result] = themes([...CASES, concern('2026-08-08', 99, 'other')], [withRest]);
    if (!result) throw new Error('no quarter');
    expect(row(result, ROW_NAMES.rest)).toMatchObject({ suppressed: 'primary', cases: null });
    expect(result.trust.cases).toBe(10);
  });

  it('hides everything in a trust smaller than the minimum', () => {
    const [tiny] = themes(CASES, [{ quarter: Q2_2026, directorates: [{ unitId: A, name: 'A directorate', headcount: 40 }], headcount: 40, placeOf: new Map([[A + 1, A]]) }]);
    expect(tiny?.trust).toMatchObject({ suppressed: 'primary', cases: null, headcount: null });
    expect(tiny?.rows.every((candidate) => candidate.suppressed !== null && candidate.cases === null)).toBe(true);
  });

  it('uses the categories in effect each quarter across April 2022, marking the others "not recorded"', () => {
    const old = [concern('2022-02-01', A, 'behaviours', 'patient_safety'), concern('2022-05-01', A, 'bullying_or_harassment'), concern('2022-05-02', A, 'behaviours')];
    const [before, after] = themes(old, [organisation({ year: 2021, number: 4 }), organisation({ year: 2022, number: 1 })]);
    if (!before || !after) throw new Error('no quarters');
    expect(before.categories.map((category) => category.key)).toEqual(['patient_safety', 'worker_safety', 'behaviours', 'other']);
    expect(after.categories.map((category) => category.key)).toEqual(['patient_safety', 'worker_safety', 'bullying_or_harassment', 'inappropriate_attitudes', 'other']);
    expect(byCategory(before, 'A directorate')).toMatchObject({ behaviours: 1, patient_safety: 1 });
    expect(byCategory(after, 'A directorate')).toMatchObject({ bullying_or_harassment: 1 });
    expect(after.trust.cases).toBe(2);
    const bullying = after.categories.find((category) => category.key === 'bullying_or_harassment');
    if (!bullying) throw new Error('no category');
    expect(categoryCell(before, before.trust, bullying)).toBe('not recorded');

    const csv = themesTable([before, after]);
    expect(csv.columns).toEqual([
      'Quarter',
      'Area',
      'Staff in post at quarter end',
      'Cases received',
      'Cases per 100 staff',
      'Patient safety or quality',
      'Worker safety or wellbeing',
      'Behaviours, including bullying or harassment',
      'Bullying or harassment',
      'Inappropriate attitudes or behaviours',
      'Something else',
      'Note',
    ]);
    const trustBefore = csv.rows.find((cells) => cells[0] === '2021/22 Q4' && cells[1] === ROW_NAMES.trust);
    expect(trustBefore).toEqual(['2021/22 Q4', ROW_NAMES.trust, 750, 1, 0.13, 1, 0, 1, 'not recorded', 'not recorded', 0, '']);
    const hiddenB = csv.rows.find((cells) => cells[0] === '2022/23 Q1' && cells[1] === 'B directorate');
    expect(hiddenB?.slice(2, 6)).toEqual(['suppressed', 'suppressed', 'suppressed', 'suppressed']);
    expect(hiddenB?.at(-1)).toBe('Fewer than 50 staff, so no numbers are shown');
    expect(csv.rows.flat()).not.toContain(null);
  });
});
