import { dayFromIso, isoFromDay, monthEndDay, monthIndex, monthStartDay } from '#src/demo/calendar.ts';
import type { DemoTrust } from '#src/demo/types.ts';

/**
 * Deliberately simple computations over a generated trust, used by the tests to show that each
 * planted story can be found in the sources. They are not the metrics engine's definitions.
 */

export interface Window {
  /** First month, 'YYYY-MM'. */
  from: string;
  /** Last month, 'YYYY-MM'. */
  to: string;
}

function bounds(window: Window): { first: number; last: number; months: number } {
  const from = monthIndex(window.from);
  const to = monthIndex(window.to);
  return { first: monthStartDay(from), last: monthEndDay(to), months: to - from + 1 };
}

/** Team codes under a unit (the unit itself when it is a team). */
export function teamsUnder(trust: DemoTrust, unitCode: string): Set<string> {
  const children = new Map<string, string[]>();
  for (const unit of trust.units) {
    if (unit.parentCode !== null) children.set(unit.parentCode, [...(children.get(unit.parentCode) ?? []), unit.code]);
  }
  const teams = new Set<string>();
  const visit = (code: string): void => {
    const kids = children.get(code);
    if (!kids) teams.add(code);
    else kids.forEach(visit);
  };
  visit(unitCode);
  return teams;
}

/** FTE days available: FTE × calendar days in post, from the assignments. */
export function fteDaysAvailable(trust: DemoTrust, teams: ReadonlySet<string>, window: Window): number {
  const { first, last } = bounds(window);
  let total = 0;
  for (const a of trust.assignments) {
    if (!teams.has(a.unitCode)) continue;
    const start = Math.max(first, dayFromIso(a.startDate));
    const end = Math.min(last, a.endDate === null ? last : dayFromIso(a.endDate));
    if (end >= start) total += (end - start + 1) * a.fte;
  }
  return total;
}

/** Sickness absence rate: FTE days lost in episodes starting in the window ÷ FTE days available. */
export function sicknessRate(trust: DemoTrust, teams: ReadonlySet<string>, window: Window): number {
  const { first, last } = bounds(window);
  const [from, to] = [isoFromDay(first), isoFromDay(last)];
  let lost = 0;
  for (const e of trust.sources.sicknessAbsence) {
    if (teams.has(e.unitCode) && e.startDate >= from && e.startDate <= to) lost += e.fteDaysLost;
  }
  return lost / fteDaysAvailable(trust, teams, window);
}

/** Mean month-end headcount over the window. */
export function averageHeadcount(trust: DemoTrust, teams: ReadonlySet<string>, window: Window): number {
  const from = monthIndex(window.from);
  const to = monthIndex(window.to);
  let sum = 0;
  for (let month = from; month <= to; month += 1) sum += headcountOn(trust, teams, isoFromDay(monthEndDay(month)));
  return sum / (to - from + 1);
}

export function headcountOn(trust: DemoTrust, teams: ReadonlySet<string>, date: string): number {
  const people = new Set<string>();
  for (const a of trust.assignments) {
    if (teams.has(a.unitCode) && a.startDate <= date && (a.endDate === null || a.endDate >= date)) people.add(a.staffNumber);
  }
  return people.size;
}

/** Events per 100 staff per year, from dated rows in the window. */
export function per100StaffPerYear(trust: DemoTrust, teams: ReadonlySet<string>, window: Window, dates: readonly string[]): number {
  const { first, last, months } = bounds(window);
  const [from, to] = [isoFromDay(first), isoFromDay(last)];
  const count = dates.filter((d) => d >= from && d <= to).length;
  return (count / averageHeadcount(trust, teams, window)) * 100 * (12 / months);
}

/** Leavers per year ÷ average headcount. */
export function leaverRate(trust: DemoTrust, teams: ReadonlySet<string>, window: Window): number {
  const dates = trust.sources.leavers.filter((l) => teams.has(l.unitCode)).map((l) => l.leavingDate);
  return per100StaffPerYear(trust, teams, window, dates) / 100;
}

/** Mean staff engagement (0–10) over respondents: items scored 0, 2.5, 5, 7.5, 10, averaged per respondent. */
export function engagement(trust: DemoTrust, teams: ReadonlySet<string>, years: readonly number[]): { score: number; respondents: number } {
  const items = ['q2a', 'q2b', 'q2c', 'q3c', 'q3d', 'q3f', 'q25a', 'q25c', 'q25d'] as const;
  let sum = 0;
  let respondents = 0;
  for (const row of trust.sources.staffSurvey) {
    if (!teams.has(row.unitCode) || !years.includes(row.surveyYear)) continue;
    const answers = items.map((q) => row[q]).filter((v): v is number => v !== null);
    if (answers.length === 0) continue;
    sum += answers.reduce((a, v) => a + (v - 1) * 2.5, 0) / answers.length;
    respondents += 1;
  }
  return { score: respondents === 0 ? Number.NaN : sum / respondents, respondents };
}
