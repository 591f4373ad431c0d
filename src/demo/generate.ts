import { buildAssignments } from '#src/demo/assignments.ts';
import { DEMO_END_MONTH, PERIOD_END_DAY } from '#src/demo/calendar.ts';
import { ageBandOf } from '#src/demo/characteristics.ts';
import { buildClimate } from '#src/demo/effects.ts';
import { buildHeadcount } from '#src/demo/headcount.ts';
import { compareText } from '#src/demo/order.ts';
import { Random } from '#src/demo/random.ts';
import { generateDemoSources } from '#src/demo/sources/index.ts';
import { DEMO_STORIES, STORY } from '#src/demo/stories.ts';
import type { DemoStoryInstance } from '#src/demo/stories.ts';
import { ACCOUNT_POSITION, buildStructure, leaderKey, STORY_POSITION, TRUST_NAME } from '#src/demo/structure.ts';
import type { AccountKey } from '#src/demo/structure.ts';
import type { DemoCharacteristics, DemoPerson, DemoTrust } from '#src/demo/types.ts';
import { ageOn, simulateWorkforce } from '#src/demo/workforce.ts';
import type { Workforce } from '#src/demo/workforce.ts';

export { DEMO_END_MONTH };
export type * from '#src/demo/types.ts';

/** The Emergency Operations hub the demo manager account manages. */
const MANAGER_HUB_CODE = 'EO-COV';

export interface DemoTrustOptions {
  seed: number;
  /** Roughly how many staff are in post at the end of the period (WMAS has about 7,500). */
  staff: number;
  /** Lay the planted stories' effects on the climate (default true); false gives the same trust without them. */
  stories?: boolean;
}

/**
 * A synthetic NHS ambulance trust over the 60 months to DEMO_END_MONTH: its structure, people,
 * assignment history, protected characteristics and the source files it would export. Pure and
 * deterministic: the same options give the same trust.
 */
export function generateDemoTrust(options: DemoTrustOptions): DemoTrust {
  const random = new Random(options.seed);
  const structure = buildStructure(options.staff, random.fork('structure'));
  const climate = buildClimate(structure, random.fork('climate'), options.stories ?? true);
  const workforce = simulateWorkforce(structure, climate, random.fork('workforce'));
  const headcount = buildHeadcount(structure, workforce);
  const sources = generateDemoSources({ structure, workforce, climate, headcount, random: random.fork('sources') });

  const people: DemoPerson[] = workforce.people.map((p) => ({ staffNumber: p.staffNumber, givenName: p.givenName, familyName: p.familyName, email: p.email }));
  const characteristics: DemoCharacteristics[] = workforce.people.map((p) => ({
    staffNumber: p.staffNumber,
    ethnicity: p.traits.ethnicity,
    ethnicGroup: p.traits.ethnicGroup,
    disability: p.traits.disability,
    sex: p.traits.sex,
    ageBand: ageBandOf(ageOn(p, Math.min(PERIOD_END_DAY, p.leaving?.day ?? PERIOD_END_DAY))),
  }));
  people.sort((a, b) => compareText(a.staffNumber, b.staffNumber));
  characteristics.sort((a, b) => compareText(a.staffNumber, b.staffNumber));

  return {
    name: TRUST_NAME,
    endMonth: DEMO_END_MONTH,
    units: structure.units,
    people,
    assignments: buildAssignments(workforce),
    characteristics,
    managerHubCode: MANAGER_HUB_CODE,
    accountPeople: accountPeople(workforce),
    stories: storyInstances(workforce),
    sources,
  };
}

function holderAt(workforce: Workforce, key: string, index: 'first' | 'last'): string {
  const holders = workforce.positionsByKey.get(key)?.holders ?? [];
  const post = index === 'first' ? holders[0] : holders[holders.length - 1];
  // Account and story positions are pinned, so they are always filled.
  if (!post) throw new Error(`Nobody has held ${key}`);
  return post.person.staffNumber;
}

function accountPeople(workforce: Workforce): Record<AccountKey, string> {
  const current = (key: string): string => holderAt(workforce, key, 'last');
  return {
    staff: current(ACCOUNT_POSITION.staff),
    manager: current(ACCOUNT_POSITION.manager),
    guardian: current(ACCOUNT_POSITION.guardian),
    investigator: current(ACCOUNT_POSITION.investigator),
    analyst: current(ACCOUNT_POSITION.analyst),
    programme: current(ACCOUNT_POSITION.programme),
    board: current(ACCOUNT_POSITION.board),
    admin: current(ACCOUNT_POSITION.admin),
  };
}

function storyInstances(workforce: Workforce): DemoStoryInstance[] {
  const hubManager = STORY_POSITION.hubManager;
  const turnaround = STORY_POSITION.turnaroundLeader;
  const people: Record<DemoStoryInstance['id'], DemoStoryInstance['people']> = {
    'hub-manager-change': [
      { role: 'Outgoing hub manager (retired 2024-05-31)', staffNumber: holderAt(workforce, hubManager, 'first') },
      { role: 'Incoming hub manager (from 2024-06-03)', staffNumber: holderAt(workforce, hubManager, 'last') },
    ],
    'graduate-turnaround': [
      { role: 'Previous team leader (left 2024-01-05)', staffNumber: holderAt(workforce, turnaround, 'first') },
      { role: `Engaging Leaders graduate, team leader from ${STORY.graduateTurnaround.takeoverDay}`, staffNumber: holderAt(workforce, turnaround, 'last') },
    ],
    'small-team': (workforce.positionsByKey.get(leaderKey(STORY.smallTeam.teamCode))?.holders.slice(-1) ?? []).map((post) => ({
      role: 'Team leader',
      staffNumber: post.person.staffNumber,
    })),
    'call-centre-turnover': [],
  };
  return DEMO_STORIES.map((story) => ({ ...story, people: people[story.id] }));
}
