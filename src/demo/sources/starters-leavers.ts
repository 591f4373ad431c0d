import { postFields } from '#src/demo/assignments.ts';
import { isoFromDay, PERIOD_END_DAY, PERIOD_START_DAY } from '#src/demo/calendar.ts';
import { byKeys } from '#src/demo/order.ts';
import type { SourceContext } from '#src/demo/sources/context.ts';
import type { PostFields } from '#src/demo/types.ts';

export interface StarterRow extends PostFields {
  startDate: string;
}

export interface LeaverRow extends PostFields {
  leavingDate: string;
  leavingReason: string;
  /** Completed years with the trust. */
  yearsOfService: number;
}

export function generateStarters(context: SourceContext): StarterRow[] {
  const rows: StarterRow[] = [];
  for (const person of context.workforce.people) {
    const first = person.posts[0];
    if (first && person.hireDay >= PERIOD_START_DAY) rows.push({ ...postFields(first), startDate: isoFromDay(person.hireDay) });
  }
  return rows.sort(byKeys((r) => r.startDate, (r) => r.staffNumber));
}

export function generateLeavers(context: SourceContext): LeaverRow[] {
  const rows: LeaverRow[] = [];
  for (const person of context.workforce.people) {
    const last = person.posts[person.posts.length - 1];
    const leaving = person.leaving;
    if (!last || !leaving || leaving.day < PERIOD_START_DAY || leaving.day > PERIOD_END_DAY) continue;
    rows.push({
      ...postFields(last),
      leavingDate: isoFromDay(leaving.day),
      leavingReason: leaving.reason,
      yearsOfService: Math.floor((leaving.day - person.hireDay + 1) / 365.25),
    });
  }
  return rows.sort(byKeys((r) => r.leavingDate, (r) => r.staffNumber));
}
