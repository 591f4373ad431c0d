import { DEMO_MONTH_COUNT, monthEndDay, monthIndex, monthKey } from '#src/demo/calendar.ts';
import { byKeys } from '#src/demo/order.ts';
import { isInPost } from '#src/demo/headcount.ts';
import type { Contact } from '#src/demo/roles.ts';
import type { SourceContext } from '#src/demo/sources/context.ts';

export interface TrainingComplianceRow {
  month: string;
  unitCode: string;
  course: string;
  /** Staff in post at the end of the month who need the course. */
  required: number;
  /** Of those, staff whose training is in date. */
  compliant: number;
}

interface Course {
  name: string;
  /** Who needs it: everyone, patient-facing staff (clinical included) or clinical staff. */
  audience: Contact;
  /** Usual compliance. */
  target: number;
  /** First month it is required (a local course introduced in the period). */
  fromMonth?: string;
}

/** The Core Skills Training Framework subjects, and the trust's sexual safety course. */
const COURSES: readonly Course[] = [
  { name: 'Conflict Resolution', audience: 'patient', target: 0.9 },
  { name: 'Equality, Diversity and Human Rights', audience: 'none', target: 0.93 },
  { name: 'Fire Safety', audience: 'none', target: 0.9 },
  { name: 'Health, Safety and Welfare', audience: 'none', target: 0.92 },
  { name: 'Infection Prevention and Control', audience: 'patient', target: 0.9 },
  { name: 'Information Governance and Data Security', audience: 'none', target: 0.94 },
  { name: 'Moving and Handling', audience: 'patient', target: 0.86 },
  { name: 'Preventing Radicalisation', audience: 'none', target: 0.92 },
  { name: 'Resuscitation', audience: 'clinical', target: 0.82 },
  { name: 'Safeguarding Adults', audience: 'none', target: 0.91 },
  { name: 'Safeguarding Children', audience: 'none', target: 0.9 },
  { name: 'Sexual Safety and Active Bystander', audience: 'none', target: 0.88, fromMonth: '2024-04' },
];

const CONTACT_RANK: Record<Contact, number> = { none: 0, patient: 1, clinical: 2 };
/** Months for a new course to climb from nothing to its usual compliance. */
const ROLLOUT_MONTHS = 15;

/**
 * Monthly compliance per team and course. Each team's compliance drifts around the course's usual
 * level (an AR(1) walk) rather than jumping month to month, as people renew training on a cycle.
 */
export function generateTrainingCompliance(context: SourceContext): TrainingComplianceRow[] {
  const random = context.random.fork('training');
  const rows: TrainingComplianceRow[] = [];
  for (const team of context.structure.teams) {
    const posts = context.headcount.postsByTeam[team.index] ?? [];
    const drift = COURSES.map(() => random.normal(0, 0.03));
    const teamOffset = random.normal(0, 0.025);
    for (let month = 0; month < DEMO_MONTH_COUNT; month += 1) {
      const day = monthEndDay(month);
      const byContact = [0, 0, 0];
      for (const post of posts) {
        if (!isInPost(post, day)) continue;
        const rank = CONTACT_RANK[post.position.role.contact];
        byContact[rank] = (byContact[rank] ?? 0) + 1;
      }
      const effect = context.climate.effect(team, month);
      COURSES.forEach((course, i) => {
        const since = course.fromMonth === undefined ? Infinity : month - monthIndex(course.fromMonth);
        if (since < 0) return;
        const required = byContact.slice(CONTACT_RANK[course.audience]).reduce((a, b) => a + b, 0);
        drift[i] = 0.8 * (drift[i] ?? 0) + random.normal(0, 0.015);
        if (required === 0) return;
        const usual = course.target * Math.min(1, (since + 1) / ROLLOUT_MONTHS);
        const rate = Math.min(1, Math.max(0, usual + teamOffset + (drift[i] ?? 0) + (effect.appraisal - 1) * 0.5));
        rows.push({ month: monthKey(month), unitCode: team.code, course: course.name, required, compliant: Math.round(required * rate) });
      });
    }
  }
  return rows.sort(byKeys((r) => r.month, (r) => r.unitCode, (r) => r.course));
}
