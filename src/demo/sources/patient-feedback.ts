import { DEMO_MONTH_COUNT, isoFromDay, monthEndDay, monthStartDay } from '#src/demo/calendar.ts';
import { winterFactor } from '#src/demo/effects.ts';
import { byKeys } from '#src/demo/order.ts';
import type { TeamKind } from '#src/demo/roles.ts';
import type { SourceContext } from '#src/demo/sources/context.ts';

export interface ComplaintRow {
  reference: string;
  receivedDate: string;
  unitCode: string;
  category: string;
  /** Null while under investigation. */
  outcome: string | null;
}

export interface ComplimentRow {
  reference: string;
  receivedDate: string;
  unitCode: string;
  category: string;
}

/** Complaints and compliments per member of staff in post per month, by kind of team. */
const RATES: Partial<Record<TeamKind, { complaints: number; compliments: number }>> = {
  ambulance: { complaints: 0.011, compliments: 0.026 },
  'community-response': { complaints: 0.006, compliments: 0.04 },
  eoc: { complaints: 0.006, compliments: 0.008 },
  nhs111: { complaints: 0.012, compliments: 0.006 },
  'clinical-validation': { complaints: 0.008, compliments: 0.01 },
  pts: { complaints: 0.009, compliments: 0.02 },
  'pts-planning': { complaints: 0.01, compliments: 0.004 },
  hart: { complaints: 0.003, compliments: 0.03 },
  'critical-care': { complaints: 0.003, compliments: 0.04 },
};

const COMPLAINT_CATEGORIES: Partial<Record<TeamKind, readonly (readonly [string, number])[]>> = {
  eoc: [['Call handling', 50], ['Response time / delay', 35], ['Communication', 15]],
  nhs111: [['Call handling', 35], ['Clinical advice', 30], ['Waiting for a call back', 25], ['Communication', 10]],
  pts: [['Journey delay', 40], ['Transport and journey', 30], ['Staff attitude and behaviour', 20], ['Communication', 10]],
  'pts-planning': [['Booking and eligibility', 60], ['Communication', 40]],
};
const DEFAULT_COMPLAINT_CATEGORIES: readonly (readonly [string, number])[] = [
  ['Response time / delay', 35],
  ['Clinical care and treatment', 25],
  ['Staff attitude and behaviour', 20],
  ['Communication', 12],
  ['Other', 8],
];
const COMPLIMENT_CATEGORIES: readonly (readonly [string, number])[] = [
  ['Care and compassion', 40],
  ['Professionalism', 25],
  ['Clinical skill', 15],
  ['Thank you for saving a life', 10],
  ['Call handling', 10],
];
const OUTCOMES: readonly (readonly [string, number])[] = [['Upheld', 25], ['Partially upheld', 30], ['Not upheld', 40], ['Withdrawn', 5]];
/** Complaints received this close to the end of the period are still being investigated. */
const INVESTIGATION_DAYS = 60;

function numbered<T extends { receivedDate: string }>(rows: Omit<T, 'reference'>[], prefix: string): (Omit<T, 'reference'> & { reference: string })[] {
  const byYear = new Map<string, number>();
  return rows.map((row) => {
    const year = row.receivedDate.slice(0, 4);
    const n = (byYear.get(year) ?? 0) + 1;
    byYear.set(year, n);
    return { reference: `${prefix}-${year}-${String(n).padStart(5, '0')}`, ...row };
  });
}

/** Complaints follow activity and winter pressure (delays); both follow the team's climate. */
export function generatePatientFeedback(context: SourceContext): { complaints: ComplaintRow[]; compliments: ComplimentRow[] } {
  const random = context.random.fork('patient-feedback');
  const complaints: Omit<ComplaintRow, 'reference'>[] = [];
  const compliments: Omit<ComplimentRow, 'reference'>[] = [];
  const lastMonthEnd = monthEndDay(DEMO_MONTH_COUNT - 1);
  for (const team of context.structure.teams) {
    const rates = RATES[team.profile.kind];
    if (!rates) continue;
    for (let month = 0; month < DEMO_MONTH_COUNT; month += 1) {
      const staff = context.headcount.headcount[team.index]?.[month] ?? 0;
      const effect = context.climate.effect(team, month);
      const first = monthStartDay(month);
      const last = monthEndDay(month);
      const complaintCount = random.poisson(staff * rates.complaints * winterFactor(month, 0.3) * effect.complaints);
      for (let i = 0; i < complaintCount; i += 1) {
        const day = random.int(first, last);
        complaints.push({
          receivedDate: isoFromDay(day),
          unitCode: team.code,
          category: random.weighted(COMPLAINT_CATEGORIES[team.profile.kind] ?? DEFAULT_COMPLAINT_CATEGORIES),
          outcome: lastMonthEnd - day < INVESTIGATION_DAYS ? null : random.weighted(OUTCOMES),
        });
      }
      const complimentCount = random.poisson((staff * rates.compliments) / Math.sqrt(effect.complaints));
      for (let i = 0; i < complimentCount; i += 1) {
        compliments.push({ receivedDate: isoFromDay(random.int(first, last)), unitCode: team.code, category: random.weighted(COMPLIMENT_CATEGORIES) });
      }
    }
  }
  const order = byKeys<{ receivedDate: string; unitCode: string; category: string }>((r) => r.receivedDate, (r) => r.unitCode, (r) => r.category);
  return {
    complaints: numbered<ComplaintRow>(complaints.sort(order), 'COM'),
    compliments: numbered<ComplimentRow>(compliments.sort(order), 'CPL'),
  };
}
