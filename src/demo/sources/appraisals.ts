import { isoFromDay, monthIndexOfDay, PERIOD_END_DAY, PERIOD_START_DAY } from '#src/demo/calendar.ts';
import { byKeys } from '#src/demo/order.ts';
import type { SourceContext } from '#src/demo/sources/context.ts';
import type { Post } from '#src/demo/workforce.ts';

export interface AppraisalRow {
  staffNumber: string;
  /** The team the person was in on the day. */
  unitCode: string;
  appraisalDate: string;
}

const ON_TIME_CHANCE = 0.86;

/** Yearly appraisals: due 12 months after the last one (or a few months after starting); some slip. */
export function generateAppraisals(context: SourceContext): AppraisalRow[] {
  const random = context.random.fork('appraisals');
  const rows: AppraisalRow[] = [];
  for (const person of context.workforce.people) {
    const postOn = (day: number): Post | undefined => person.posts.find((p) => p.start <= day && (p.end === null || p.end >= day));
    const lastDay = Math.min(PERIOD_END_DAY, person.posts[person.posts.length - 1]?.end ?? PERIOD_END_DAY);
    let due = person.hireDay >= PERIOD_START_DAY ? person.hireDay + random.int(60, 240) : PERIOD_START_DAY + random.int(0, 364);
    while (due <= lastDay) {
      const post = postOn(due) ?? postOn(lastDay);
      if (!post) break;
      const effect = context.climate.effect(post.position.team, monthIndexOfDay(due));
      const onTime = random.chance(Math.min(0.97, ON_TIME_CHANCE * effect.appraisal));
      const day = onTime ? due + Math.round(random.normal(0, 15)) : due + random.int(60, 200);
      const heldIn = postOn(day);
      if (day >= PERIOD_START_DAY && day <= lastDay && heldIn) {
        rows.push({ staffNumber: person.staffNumber, unitCode: heldIn.position.team.code, appraisalDate: isoFromDay(day) });
      }
      due = day + 365;
    }
  }
  return rows.sort(byKeys((r) => r.appraisalDate, (r) => r.staffNumber));
}
