import { describe, expect, it } from 'vitest';
import { dayFromIso, isoFromDay } from '#src/demo/calendar.ts';
import { generateDemoTrust, DEMO_END_MONTH } from '#src/demo/generate.ts';
import type { DemoTrust } from '#src/demo/generate.ts';
import { headcountOn } from '#src/demo/story-checks.ts';

const END_DAY = '2026-10-31';
const PERIOD_START = '2021-11-01';
const trust = generateDemoTrust({ seed: 1, staff: 7500 });
const current = trust.assignments.filter((a) => a.endDate === null);
const inPostAtEnd = new Set(current.map((a) => a.staffNumber));
const unitByCode = new Map(trust.units.map((u) => [u.code, u]));

function groupByPerson<T extends { staffNumber: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.staffNumber, [...(groups.get(row.staffNumber) ?? []), row]);
  return groups;
}

/** A person's continuous spells in post: assignments that follow on day after day are joined. */
function spellsOf(rows: readonly { startDate: string; endDate: string | null }[]): { start: string; end: string | null }[] {
  const spells: { start: string; end: string | null }[] = [];
  for (const row of rows) {
    const last = spells[spells.length - 1];
    if (last && last.end !== null && isoFromDay(dayFromIso(last.end) + 1) === row.startDate) last.end = row.endDate;
    else spells.push({ start: row.startDate, end: row.endDate });
  }
  return spells;
}

function share<T>(rows: readonly T[], test: (row: T) => boolean): number {
  return rows.filter(test).length / rows.length;
}

describe('generateDemoTrust', () => {
  it('is deterministic: the same seed gives the same trust, another seed another', () => {
    // Comparing serialisations: equivalent to a deep equal for this plain data, and far faster on 400,000 rows.
    const serialised = JSON.stringify(trust);
    expect(JSON.stringify(generateDemoTrust({ seed: 1, staff: 7500 })) === serialised).toBe(true);
    const small = JSON.stringify(generateDemoTrust({ seed: 1, staff: 400 }));
    expect(JSON.stringify(generateDemoTrust({ seed: 2, staff: 400 })) === small).toBe(false);
  }, 30_000);

  it('is shaped like a 7,500-staff ambulance trust with about 350 teams', () => {
    expect(trust.endMonth).toBe(DEMO_END_MONTH);
    expect(trust.units.filter((u) => u.level === 'team').length).toBeGreaterThanOrEqual(320);
    expect(trust.units.filter((u) => u.level === 'team').length).toBeLessThanOrEqual(380);
    expect(inPostAtEnd.size).toBeGreaterThan(7500 * 0.96);
    expect(inPostAtEnd.size).toBeLessThan(7500 * 1.04);
    expect(trust.units.filter((u) => u.level === 'directorate').map((u) => u.name)).toEqual([
      'Emergency Operations',
      'Integrated Emergency and Urgent Care',
      'Patient Transport Service',
      'Specialist Operations',
      'Corporate Services',
    ]);
  });

  it('orders the tree parents first, with levels trust → directorate → area → team', () => {
    const rank = { trust: 0, directorate: 1, area: 2, team: 3 } as const;
    const seen = new Set<string>();
    for (const unit of trust.units) {
      if (unit.parentCode === null) expect(unit.level).toBe('trust');
      else {
        expect(seen.has(unit.parentCode)).toBe(true);
        const parent = unitByCode.get(unit.parentCode);
        expect(parent && rank[unit.level] - rank[parent.level]).toBe(1);
      }
      seen.add(unit.code);
    }
    expect(new Set(trust.units.map((u) => u.code)).size).toBe(trust.units.length);
  });

  it('has realistic proportions of staff in post', () => {
    const characteristics = trust.characteristics.filter((c) => inPostAtEnd.has(c.staffNumber));
    const minority = share(characteristics, (c) => c.ethnicGroup === 'Ethnic minority');
    expect(minority).toBeGreaterThan(0.09);
    expect(minority).toBeLessThan(0.13);
    expect(share(characteristics, (c) => c.sex === 'Female')).toBeGreaterThan(0.4);
    expect(share(characteristics, (c) => c.sex === 'Female')).toBeLessThan(0.5);
    expect(share(characteristics, (c) => c.disability === 'Yes')).toBeCloseTo(0.06, 1);
    expect(share(characteristics, (c) => c.disability === 'Not declared')).toBeCloseTo(0.15, 1);
    expect(share(current, (a) => a.fte === 1)).toBeGreaterThan(0.8);
    // Operations are less diverse than NHS 111 and corporate teams, as in the seeds.
    const minorityIn = (prefix: string): number => {
      const people = new Set(current.filter((a) => a.unitCode.startsWith(prefix)).map((a) => a.staffNumber));
      return share(characteristics.filter((c) => people.has(c.staffNumber)), (c) => c.ethnicGroup === 'Ethnic minority');
    };
    expect(minorityIn('EO-')).toBeLessThan(minorityIn('IE-111'));
  });

  it('has about 10% turnover a year, so there are more assignments than staff', () => {
    const leaversPerYear = trust.sources.leavers.length / 5;
    expect(leaversPerYear / inPostAtEnd.size).toBeGreaterThan(0.08);
    expect(leaversPerYear / inPostAtEnd.size).toBeLessThan(0.12);
    expect(trust.assignments.length).toBeGreaterThan(inPostAtEnd.size * 2);
    expect(trust.people.length).toBeGreaterThan(inPostAtEnd.size);
  });

  it('puts every current assignment in a team, one per person', () => {
    for (const a of current) expect(unitByCode.get(a.unitCode)?.level).toBe('team');
    expect(inPostAtEnd.size).toBe(current.length);
  });

  it('never gives a person overlapping assignments', () => {
    const byPerson = groupByPerson(trust.assignments);
    for (const rows of byPerson.values()) {
      for (let i = 1; i < rows.length; i += 1) {
        const previous = rows[i - 1];
        const row = rows[i];
        expect(previous?.endDate !== null && previous !== undefined && row !== undefined && previous.endDate < row.startDate).toBe(true);
      }
    }
  });

  it('gives line managers who are in post for the whole assignment in the period, and the chief executive none', () => {
    const spells = new Map([...groupByPerson(trust.assignments)].map(([n, rows]) => [n, spellsOf(rows)]));
    const covers = (staffNumber: string, from: string, to: string | null): boolean =>
      (spells.get(staffNumber) ?? []).some((s) => s.start <= from && (s.end === null || (to !== null && s.end >= to)));
    const managed = trust.assignments.filter((a) => a.lineManagerStaffNumber !== null);
    expect(trust.assignments.filter((a) => a.lineManagerStaffNumber === null).every((a) => a.jobTitle === 'Chief Executive')).toBe(true);
    // Assignments are split where the manager changes, so each row's manager holds one post throughout
    // it (from the period start: earlier history is not simulated).
    for (const a of managed) {
      expect(covers(a.lineManagerStaffNumber ?? '', a.startDate < PERIOD_START ? PERIOD_START : a.startDate, a.endDate)).toBe(true);
    }
    const unmanagedNow = current.filter((a) => a.lineManagerStaffNumber === null);
    expect(unmanagedNow.map((a) => a.jobTitle)).toEqual(['Chief Executive']);
  });

  it('links every demo account to a distinct person in post', () => {
    const numbers = Object.values(trust.accountPeople);
    expect(new Set(numbers).size).toBe(8);
    for (const n of numbers) expect(inPostAtEnd.has(n)).toBe(true);
    const jobOf = (n: string): string | undefined => current.find((a) => a.staffNumber === n)?.jobTitle;
    expect(jobOf(trust.accountPeople.manager)).toBe('Hub Manager');
    expect(current.find((a) => a.staffNumber === trust.accountPeople.manager)?.unitCode).toBe(`${trust.managerHubCode}-MGT`);
    expect(jobOf(trust.accountPeople.guardian)).toBe('Freedom to Speak Up Guardian');
    expect(jobOf(trust.accountPeople.staff)).toBe('Paramedic');
    expect(unitByCode.get(trust.managerHubCode)?.level).toBe('area');
    expect(trust.units.filter((u) => u.parentCode === trust.managerHubCode).length).toBeGreaterThan(5);
  });

  it('gives people unique staff numbers and emails', () => {
    expect(new Set(trust.people.map((p) => p.staffNumber)).size).toBe(trust.people.length);
    expect(new Set(trust.people.map((p) => p.email)).size).toBe(trust.people.length);
    for (const p of trust.people) {
      expect(p.staffNumber).toMatch(/^\d{8}$/);
      expect(p.email).toMatch(/^[a-z-]+\.[a-z-]+\d*@mercia-ambulance\.nhs\.uk$/);
    }
  });

  it('keeps the small team below the workforce suppression threshold', () => {
    expect(headcountOn(trust, new Set(['EO-COV-CRT']), END_DAY)).toBeLessThan(5);
    expect(headcountOn(trust, new Set(['EO-COV-CRT']), END_DAY)).toBeGreaterThan(0);
  });

  it('scales down to a small trust', () => {
    const small: DemoTrust = generateDemoTrust({ seed: 1, staff: 400 });
    const teams = small.units.filter((u) => u.level === 'team').length;
    expect(teams).toBeLessThan(100);
    expect(small.units.some((u) => u.code === 'EO-STA')).toBe(true);
    expect(small.units.some((u) => u.code === 'EO-COV-T02')).toBe(true);
    expect(new Set(Object.values(small.accountPeople)).size).toBe(8);
  });
});
