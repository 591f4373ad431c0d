import { DEMO_MONTH_COUNT, monthEndDay, monthKey } from '#src/demo/calendar.ts';
import type { SourceContext } from '#src/demo/sources/context.ts';

export interface EstablishmentRow {
  month: string;
  unitCode: string;
  /** Funded FTE: every position open by the end of the month, filled or not. */
  budgetedFte: number;
}

export function generateEstablishment(context: SourceContext): EstablishmentRow[] {
  const budget = context.structure.teams.map(() => new Float64Array(DEMO_MONTH_COUNT));
  for (const position of context.workforce.positions) {
    const row = budget[position.team.index];
    if (!row) continue;
    for (let month = 0; month < DEMO_MONTH_COUNT; month += 1) {
      if (position.openDay <= monthEndDay(month)) row[month] = (row[month] ?? 0) + position.fte;
    }
  }
  const rows: EstablishmentRow[] = [];
  for (let month = 0; month < DEMO_MONTH_COUNT; month += 1) {
    for (const team of context.structure.teams) {
      const fte = budget[team.index]?.[month] ?? 0;
      if (fte > 0) rows.push({ month: monthKey(month), unitCode: team.code, budgetedFte: Math.round(fte * 100) / 100 });
    }
  }
  return rows;
}
