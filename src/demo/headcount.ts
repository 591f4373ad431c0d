import { DEMO_MONTH_COUNT, monthEndDay, monthStartDay, PERIOD_END_DAY, PERIOD_START_DAY } from '#src/demo/calendar.ts';
import type { Structure } from '#src/demo/structure.ts';
import type { Post, Workforce } from '#src/demo/workforce.ts';

/** Staff in post per team and month, which most sources are drawn against. */
export interface HeadcountIndex {
  /** Headcount on the last day of each month, by team index then month. */
  headcount: readonly Int32Array[];
  /** Posts held in each team at any time in the period, by team index. */
  postsByTeam: readonly (readonly Post[])[];
}

export function buildHeadcount(structure: Structure, workforce: Workforce): HeadcountIndex {
  const teamCount = structure.teams.length;
  const headcount = Array.from({ length: teamCount }, () => new Int32Array(DEMO_MONTH_COUNT));
  const postsByTeam: Post[][] = Array.from({ length: teamCount }, () => []);
  for (const person of workforce.people) {
    for (const post of person.posts) {
      const end = post.end ?? PERIOD_END_DAY;
      if (end < PERIOD_START_DAY) continue;
      const team = post.position.team.index;
      postsByTeam[team]?.push(post);
      for (let month = 0; month < DEMO_MONTH_COUNT; month += 1) {
        const first = monthStartDay(month);
        const last = monthEndDay(month);
        if (post.start > last || end < first) continue;
        const countRow = headcount[team];
        if (countRow && end >= last) countRow[month] = (countRow[month] ?? 0) + 1;
      }
    }
  }
  return { headcount, postsByTeam };
}

/** Whether a post covers a day. */
export function isInPost(post: Post, day: number): boolean {
  return post.start <= day && (post.end === null || post.end >= day);
}
