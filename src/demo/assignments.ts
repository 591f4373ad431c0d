import { isoFromDay, PERIOD_START_DAY } from '#src/demo/calendar.ts';
import type { DemoAssignment, PostFields } from '#src/demo/types.ts';
import type { Position, Post, SimPerson, Workforce } from '#src/demo/workforce.ts';

/**
 * Turns posts into ESR-style assignment records. A post is split wherever the line manager
 * changes: the holder of the manager position, or, while that is vacant, whoever manages it.
 * History before the period is not simulated, so a post that began earlier keeps its real start
 * date and carries, until the first change in the period, the line manager at the period start.
 */

const OPEN = Number.MAX_SAFE_INTEGER;

interface ManagerSpan {
  from: number;
  to: number;
  manager: SimPerson | null;
}

function managerSpans(position: Position, from: number, to: number): ManagerSpan[] {
  const managerPosition = position.manager;
  if (managerPosition === null) return [{ from, to, manager: null }];
  const spans: ManagerSpan[] = [];
  let cursor = from;
  for (const post of managerPosition.holders) {
    const postEnd = post.end ?? OPEN;
    if (postEnd < cursor || post.start > to) continue;
    if (post.start > cursor) spans.push(...managerSpans(managerPosition, cursor, post.start - 1));
    const spanEnd = Math.min(to, postEnd);
    spans.push({ from: Math.max(cursor, post.start), to: spanEnd, manager: post.person });
    cursor = spanEnd + 1;
    if (cursor > to) break;
  }
  if (cursor <= to) spans.push(...managerSpans(managerPosition, cursor, to));
  return spans;
}

function mergeSpans(spans: readonly ManagerSpan[]): ManagerSpan[] {
  const merged: ManagerSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && last.manager === span.manager && last.to + 1 === span.from) last.to = span.to;
    else merged.push({ ...span });
  }
  return merged;
}

export function postFields(post: Post): PostFields {
  const { position } = post;
  return {
    staffNumber: post.person.staffNumber,
    unitCode: position.team.code,
    jobTitle: position.role.title,
    staffGroup: position.role.staffGroup,
    band: position.role.band,
    fte: position.fte,
  };
}

export function assignmentsOfPost(post: Post): DemoAssignment[] {
  const { position } = post;
  const spans = mergeSpans(managerSpans(position, Math.max(post.start, PERIOD_START_DAY), post.end ?? OPEN));
  const first = spans[0];
  if (first) first.from = post.start;
  return spans.map((span) => ({
    ...postFields(post),
    lineManagerStaffNumber: span.manager?.staffNumber ?? null,
    startDate: isoFromDay(span.from),
    endDate: span.to === OPEN ? null : isoFromDay(span.to),
  }));
}

/** Every person's assignments, people in staff-number order and each person's in date order. */
export function buildAssignments(workforce: Workforce): DemoAssignment[] {
  return workforce.people.flatMap((person) => person.posts.flatMap(assignmentsOfPost));
}
