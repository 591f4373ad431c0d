/**
 * The planted stories: every deliberate pattern in the demo trust, in one place. The generator
 * reads the parameters below (units, dates, effect sizes) and the tests check that an ordinary
 * analysis of the generated sources finds each one.
 */

export type DemoStoryId = 'hub-manager-change' | 'graduate-turnaround' | 'small-team' | 'call-centre-turnover';

export interface DemoStory {
  id: DemoStoryId;
  title: string;
  description: string;
  unitCodes: readonly string[];
  /** First month the story is in effect ('YYYY-MM'). */
  startMonth: string;
  /** Last month it is in effect, or null when it lasts to the end of the period. */
  endMonth: string | null;
  /** What a later analysis of the sources should find. */
  expectedFindings: readonly string[];
}

/** A story with the people it is about, for one generated trust. */
export interface DemoStoryInstance extends DemoStory {
  people: readonly { role: string; staffNumber: string }[];
}

/** Multipliers on rates (1 = no change) and a shift in survey engagement on the 0–10 scale. */
export interface Effect {
  sickness: number;
  leaving: number;
  employeeRelations: number;
  speakUp: number;
  engagement: number;
  /** Multiplier on the chance an appraisal happens on time. */
  appraisal: number;
  complaints: number;
  /** Multiplier on the chance a team member answers the staff survey (engaged teams answer more). */
  surveyResponse: number;
}

export const NO_EFFECT: Effect = {
  sickness: 1,
  leaving: 1,
  employeeRelations: 1,
  speakUp: 1,
  engagement: 0,
  appraisal: 1,
  complaints: 1,
  surveyResponse: 1,
};

export const STORY = {
  hubManagerChange: {
    hubCode: 'EO-STA',
    month: '2024-06',
    outgoingLastDay: '2024-05-31',
    incomingFirstDay: '2024-06-03',
    /** Reached after `rampMonths` months and kept to the end of the period. */
    after: { sickness: 1.7, leaving: 1.9, employeeRelations: 3.5, speakUp: 4, engagement: -1.3, appraisal: 0.8, complaints: 1.3 },
    rampMonths: 3,
  },
  graduateTurnaround: {
    teamCode: 'EO-COV-T02',
    sourceTeamCode: 'EO-COV-T01',
    teamSize: 32,
    month: '2024-01',
    outgoingLastDay: '2024-01-05',
    takeoverDay: '2024-01-08',
    programme: 'Engaging Leaders Programme',
    tranche: 'CPD tranche (Level 5)',
    cohort: 'CPD cohort 4',
    cohortStartDay: '2023-03-06',
    graduationDay: '2023-12-08',
    before: { sickness: 1.5, leaving: 2.5, employeeRelations: 2, speakUp: 1, engagement: -1.2, appraisal: 0.8, complaints: 1.2 },
    after: { sickness: 0.7, leaving: 0.5, employeeRelations: 0.5, speakUp: 1, engagement: 0.7, appraisal: 1.1, complaints: 0.8, surveyResponse: 1.6 },
    rampMonths: 3,
  },
  smallTeam: {
    teamCode: 'EO-COV-CRT',
    teamSize: 3,
  },
  callCentreTurnover: {
    areaCode: 'IE-111W',
    fromMonth: '2023-04',
    toMonth: '2023-09',
    during: { leaving: 3.5 },
  },
} as const;

export const DEMO_STORIES: readonly DemoStory[] = [
  {
    id: 'hub-manager-change',
    title: 'Stafford hub after a change of hub manager',
    description:
      'The long-serving Stafford hub manager retired at the end of May 2024 and a new manager started on 3 June 2024. ' +
      'Over the following months sickness absence, leavers, employee relations cases and Freedom to Speak Up concerns ' +
      'rose across the hub and staff survey engagement fell. The assignments show the change: every team leader in the ' +
      'hub gets a new line manager from 3 June 2024.',
    unitCodes: [STORY.hubManagerChange.hubCode],
    startMonth: STORY.hubManagerChange.month,
    endMonth: null,
    expectedFindings: [
      'Sickness absence rate after the change is at least 2.5 percentage points above the hub’s own rate before it, and above every other hub.',
      'Speak-up concerns per 100 staff per year at least double.',
      'Employee relations cases per 100 staff at least double.',
      'Staff survey engagement (0–10) falls from 2023 to 2025 by at least half a point.',
      'The hub’s team leaders have a different line manager from 2024-06-03.',
    ],
  },
  {
    id: 'graduate-turnaround',
    title: 'Coventry hub – Team 2 under an Engaging Leaders graduate',
    description:
      'Team 2 in Coventry hub had high sickness absence, many leavers and low engagement. A paramedic from Team 1 who ' +
      'graduated from the Engaging Leaders Programme (CPD cohort 4) in December 2023 became its Clinical Team Leader on ' +
      '8 January 2024. From then the team improves: sickness and leavers fall and survey engagement rises.',
    unitCodes: [STORY.graduateTurnaround.teamCode],
    startMonth: STORY.graduateTurnaround.month,
    endMonth: null,
    expectedFindings: [
      'Sickness absence rate after the takeover is well below the rate before it.',
      'Leavers per year fall.',
      'Staff survey engagement for the team, pooled over 2024–2025, is more than a point above 2021–2023 (about 13 respondents a year, so single years may be suppressed).',
      'programme-graduates.csv lists the new team leader with a graduation date before the takeover.',
    ],
  },
  {
    id: 'small-team',
    title: 'Coventry hub – Community response team is too small to show',
    description:
      'A three-person team: its workforce rates, survey results and breakdowns must be suppressed, and complementary ' +
      'suppression must stop them being worked out from Coventry hub’s totals.',
    unitCodes: [STORY.smallTeam.teamCode],
    startMonth: '2021-11',
    endMonth: null,
    expectedFindings: ['Fewer than 5 staff in post in every month, so every workforce rate for it is suppressed.'],
  },
  {
    id: 'call-centre-turnover',
    title: 'Turnover spike at the NHS 111 Wolverhampton call centre',
    description:
      'After a rota change in spring 2023, leavers from the Wolverhampton NHS 111 call centre rose sharply from April to ' +
      'September 2023, then returned to the usual (already high) level for 111.',
    unitCodes: [STORY.callCentreTurnover.areaCode],
    startMonth: STORY.callCentreTurnover.fromMonth,
    endMonth: STORY.callCentreTurnover.toMonth,
    expectedFindings: ['The leaver rate during April–September 2023 is more than twice the centre’s rate in the rest of the period.'],
  },
];
