import { dayFromIso, PERIOD_END_DAY, PERIOD_START_DAY } from '#src/demo/calendar.ts';
import { byKeys } from '#src/demo/order.ts';
import type { SourceContext } from '#src/demo/sources/context.ts';
import { STORY } from '#src/demo/stories.ts';
import { STORY_POSITION } from '#src/demo/structure.ts';
import type { Post, SimPerson } from '#src/demo/workforce.ts';

export interface ProgrammeGraduateRow {
  staffNumber: string;
  programme: string;
  tranche: string;
  cohort: string;
  cohortStartDate: string;
  graduationDate: string;
}

const PROGRAMME = STORY.graduateTurnaround.programme;
const CPD = STORY.graduateTurnaround.tranche;
const SENIOR = 'Senior tranche (Level 6)';

/** Cohorts graduating in the period: the CPD tranche for aspiring leaders (bands 4–6), the senior tranche for band 7 and above. */
const COHORTS: readonly (readonly [tranche: string, cohort: string, start: string, graduation: string])[] = [
  [CPD, 'CPD cohort 1', '2021-03-08', '2021-12-10'],
  [SENIOR, 'Senior cohort 1', '2021-04-12', '2022-01-14'],
  [CPD, 'CPD cohort 2', '2022-03-07', '2022-12-09'],
  [SENIOR, 'Senior cohort 2', '2022-04-11', '2023-01-13'],
  [CPD, 'CPD cohort 3', '2022-09-05', '2023-06-09'],
  [CPD, STORY.graduateTurnaround.cohort, STORY.graduateTurnaround.cohortStartDay, STORY.graduateTurnaround.graduationDay],
  [SENIOR, 'Senior cohort 3', '2023-04-17', '2024-01-12'],
  [CPD, 'CPD cohort 5', '2023-09-04', '2024-06-07'],
  [CPD, 'CPD cohort 6', '2024-03-04', '2024-12-06'],
  [SENIOR, 'Senior cohort 4', '2024-04-15', '2025-01-10'],
  [CPD, 'CPD cohort 7', '2024-09-02', '2025-06-06'],
  [CPD, 'CPD cohort 8', '2025-03-03', '2025-12-05'],
  [SENIOR, 'Senior cohort 5', '2025-04-14', '2026-01-09'],
  [CPD, 'CPD cohort 9', '2025-09-01', '2026-06-05'],
];

const CPD_BANDS: ReadonlySet<string> = new Set(['4', '5', '6']);
const SENIOR_BANDS: ReadonlySet<string> = new Set(['7', '8a', '8b', '8c', '8d', '9']);

function postOn(person: SimPerson, day: number): Post | undefined {
  return person.posts.find((p) => p.start <= day && (p.end === null || p.end >= day));
}

/** Everyone who started a cohort graduated (the programme reports a 100% pass rate). */
export function generateProgrammeGraduates(context: SourceContext): ProgrammeGraduateRow[] {
  const random = context.random.fork('programme');
  const cohortSize = Math.max(4, Math.round(context.workforce.people.length / 700));
  const storyGraduate = context.workforce.positionsByKey.get(STORY_POSITION.graduate)?.holders[0]?.person;
  const graduated = new Set<SimPerson>();
  const rows: ProgrammeGraduateRow[] = [];
  for (const [tranche, cohort, start, graduation] of COHORTS) {
    const startDay = Math.max(PERIOD_START_DAY, dayFromIso(start));
    const graduationDay = dayFromIso(graduation);
    if (graduationDay > PERIOD_END_DAY) continue;
    const bands = tranche === CPD ? CPD_BANDS : SENIOR_BANDS;
    const eligible = context.workforce.people.filter((person) => {
      if (graduated.has(person) || person === storyGraduate) return false;
      const atStart = postOn(person, startDay);
      return atStart !== undefined && bands.has(atStart.position.role.band) && postOn(person, graduationDay) !== undefined;
    });
    const chosen = random.shuffle(eligible).slice(0, cohortSize);
    if (cohort === STORY.graduateTurnaround.cohort && storyGraduate) chosen.push(storyGraduate);
    for (const person of chosen) {
      graduated.add(person);
      rows.push({ staffNumber: person.staffNumber, programme: PROGRAMME, tranche, cohort, cohortStartDate: start, graduationDate: graduation });
    }
  }
  return rows.sort(byKeys((r) => r.graduationDate, (r) => r.cohort, (r) => r.staffNumber));
}
