import { DEMO_MONTH_COUNT, isoFromDay, monthEndDay, monthStartDay, PERIOD_END_DAY, PERIOD_START_DAY } from '#src/demo/calendar.ts';
import { byKeys } from '#src/demo/order.ts';
import type { SourceContext } from '#src/demo/sources/context.ts';

export type CaseType = 'Disciplinary' | 'Grievance' | 'Bullying and harassment' | 'Capability';

export interface EmployeeRelationsCaseRow {
  caseReference: string;
  caseType: CaseType;
  staffNumber: string;
  unitCode: string;
  openedDate: string;
  /** Null while the case is open at the end of the period. */
  closedDate: string | null;
  outcome: string | null;
}

/** Formal cases per member of staff per year, before team effects. */
const CASES_PER_PERSON_YEAR = 0.024;

const TYPES: Record<CaseType, { weight: number; strainedWeight: number; days: readonly [number, number]; outcomes: readonly (readonly [string, number])[] }> = {
  Disciplinary: {
    weight: 40,
    strainedWeight: 30,
    days: [30, 180],
    outcomes: [['No case to answer', 25], ['Informal action', 25], ['First written warning', 25], ['Final written warning', 15], ['Dismissal', 7], ['Withdrawn', 3]],
  },
  Grievance: {
    weight: 25,
    strainedWeight: 35,
    days: [20, 120],
    outcomes: [['Upheld', 25], ['Partially upheld', 30], ['Not upheld', 35], ['Resolved informally', 10]],
  },
  'Bullying and harassment': {
    weight: 20,
    strainedWeight: 40,
    days: [40, 200],
    outcomes: [['Upheld', 20], ['Partially upheld', 30], ['Not upheld', 35], ['Resolved informally', 15]],
  },
  Capability: {
    weight: 15,
    strainedWeight: 10,
    days: [60, 300],
    outcomes: [['Improvement achieved', 45], ['Redeployment', 15], ['Dismissal', 10], ['Resigned before conclusion', 20], ['Withdrawn', 10]],
  },
};
const TYPE_NAMES: readonly CaseType[] = ['Disciplinary', 'Grievance', 'Bullying and harassment', 'Capability'];

export function generateEmployeeRelations(context: SourceContext): EmployeeRelationsCaseRow[] {
  const random = context.random.fork('employee-relations');
  const cases: Omit<EmployeeRelationsCaseRow, 'caseReference'>[] = [];
  for (const person of context.workforce.people) {
    for (const post of person.posts) {
      const postEnd = post.end ?? PERIOD_END_DAY;
      if (postEnd < PERIOD_START_DAY) continue;
      for (let month = 0; month < DEMO_MONTH_COUNT; month += 1) {
        const first = Math.max(monthStartDay(month), post.start);
        const last = Math.min(monthEndDay(month), postEnd);
        if (first > last) continue;
        const effect = context.climate.effect(post.position.team, month);
        const chance = (CASES_PER_PERSON_YEAR / 12) * effect.employeeRelations * ((last - first + 1) / 30.4);
        if (!random.chance(chance)) continue;
        const isStrained = effect.employeeRelations > 1.5;
        const caseType = random.weighted(TYPE_NAMES.map((t) => [t, isStrained ? TYPES[t].strainedWeight : TYPES[t].weight] as const));
        const spec = TYPES[caseType];
        const opened = random.int(first, last);
        const closed = opened + random.int(spec.days[0], spec.days[1]);
        cases.push({
          caseType,
          staffNumber: person.staffNumber,
          unitCode: post.position.team.code,
          openedDate: isoFromDay(opened),
          closedDate: closed > PERIOD_END_DAY ? null : isoFromDay(closed),
          outcome: closed > PERIOD_END_DAY ? null : random.weighted(spec.outcomes),
        });
      }
    }
  }
  cases.sort(byKeys((c) => c.openedDate, (c) => c.staffNumber));
  const countByYear = new Map<string, number>();
  return cases.map((c) => {
    const year = c.openedDate.slice(0, 4);
    const n = (countByYear.get(year) ?? 0) + 1;
    countByYear.set(year, n);
    return { caseReference: `ER-${year}-${String(n).padStart(4, '0')}`, ...c };
  });
}
