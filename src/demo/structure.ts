import type { Random } from '#src/demo/random.ts';
import { PROFILE, ROLE, STAFF_GROUP, corporateProfile, makeRole, managementProfile } from '#src/demo/roles.ts';
import type { Role, TeamProfile } from '#src/demo/roles.ts';
import { STORY } from '#src/demo/stories.ts';
import type { DemoUnit } from '#src/demo/types.ts';

/** The trust's shape: trust → directorate → area (hub or department) → team, and each team's positions. */

export const TRUST_CODE = 'TRUST';
export const TRUST_NAME = 'Mercia Ambulance Service NHS Trust';
export const EMAIL_DOMAIN = 'mercia-ambulance.nhs.uk';
const FOUNDED_ON = '2006-07-01';

/** A position with a given role, created before the team's randomly drawn ones. */
export interface FixedPosition {
  key: string;
  role: Role;
}

export interface TeamSpec {
  index: number;
  code: string;
  name: string;
  areaCode: string;
  directorateCode: string;
  profile: TeamProfile;
  /** Positions at the end of the period, the leader included. */
  size: number;
  /** The area's management team, whose leader manages the area (or the directorate, or the trust). */
  isManagement: boolean;
  openedOn: string;
  fixed: readonly FixedPosition[];
}

export interface AreaSpec {
  code: string;
  name: string;
  directorateCode: string;
  managementTeamCode: string;
  /** The directorate office, whose manager is the director. */
  isDirectorateOffice: boolean;
  /** An Emergency Operations hub. */
  isHub: boolean;
}

export interface Structure {
  units: DemoUnit[];
  areas: AreaSpec[];
  teams: TeamSpec[];
  /** The executive team, led by the chief executive. */
  executiveTeamCode: string;
}

export const leaderKey = (teamCode: string): string => `${teamCode}:leader`;

/** Position keys of the people the demo accounts sign in as. */
export const ACCOUNT_POSITION = {
  staff: 'account:staff',
  manager: leaderKey('EO-COV-MGT'),
  guardian: leaderKey('CS-QGV-FTS'),
  investigator: 'account:investigator',
  analyst: 'account:analyst',
  programme: 'account:programme',
  board: 'account:board',
  admin: 'account:admin',
} as const;
export type AccountKey = keyof typeof ACCOUNT_POSITION;

export const STORY_POSITION = {
  graduate: 'story:graduate',
  hubManager: leaderKey(`${STORY.hubManagerChange.hubCode}-MGT`),
  turnaroundLeader: leaderKey(STORY.graduateTurnaround.teamCode),
} as const;

const DIRECTORATE_SHARE = { EO: 0.585, IE: 0.18, PT: 0.1, SO: 0.03, CS: 0.085 } as const;

const HUBS: readonly (readonly [code: string, name: string])[] = [
  ['COV', 'Coventry'],
  ['STA', 'Stafford'],
  ['WOR', 'Worcester'],
  ['WOL', 'Wolverhampton'],
  ['SHR', 'Shrewsbury'],
  ['HER', 'Hereford'],
  ['DUD', 'Dudley'],
  ['WSL', 'Walsall'],
  ['WBR', 'West Bromwich'],
  ['BHM', 'Birmingham Central'],
  ['ERD', 'Erdington'],
  ['SOL', 'Solihull'],
  ['STK', 'Stoke-on-Trent'],
  ['NUN', 'Nuneaton'],
  ['RED', 'Redditch'],
];
const HUB_STAFF = 290;
const AMBULANCE_TEAM_SIZE = 24;
const HART_COLOURS = ['Red', 'Blue', 'Green', 'White', 'Amber', 'Black', 'Purple'] as const;

const { admin, ahp, nursing, estates, medical } = STAFF_GROUP;

/** Corporate teams as [code suffix, name, profile, weight (share of corporate staff), minimum size, fixed positions]. */
type CorporateTeam = readonly [suffix: string, name: string, profile: TeamProfile, weight: number, min: number, fixed?: readonly FixedPosition[]];

interface DepartmentTemplate {
  suffix: string;
  name: string;
  manager: Role;
  deputy: Role;
  teams: readonly CorporateTeam[];
}

const CORPORATE_DEPARTMENTS: readonly DepartmentTemplate[] = [
  {
    suffix: 'PEO',
    name: 'People and organisational development',
    manager: makeRole('Head of People', admin, '8c'),
    deputy: makeRole('Deputy Head of People', admin, '8b'),
    teams: [
      ['HRB', 'HR business partnering', corporateProfile(['Senior HR Business Partner', '8a'], [['HR Business Partner', '7', 3], ['HR Advisor', '5', 4], ['HR Administrator', '3', 2]]), 0.06, 3],
      ['ERC', 'Employee relations', corporateProfile(['Employee Relations Manager', '8a'], [['Employee Relations Advisor', '6', 3], ['Employee Relations Administrator', '3', 1]]), 0.03, 3,
        [{ key: ACCOUNT_POSITION.investigator, role: ROLE.investigator }]],
      ['REC', 'Recruitment', corporateProfile(['Recruitment Manager', '7'], [['Recruitment Officer', '4', 3], ['Recruitment Administrator', '3', 2]]), 0.05, 3],
      ['WIS', 'Workforce information and systems', corporateProfile(['Workforce Information Manager', '8a'], [['ESR Systems Officer', '5', 2], ['Workforce Information Officer', '4', 2]]), 0.03, 3,
        [{ key: ACCOUNT_POSITION.analyst, role: ROLE.analyst }]],
      ['HWB', 'Health and wellbeing', corporateProfile(['Health and Wellbeing Lead', '8a'], [['Wellbeing Practitioner', '5', 2], ['Occupational Health Adviser', '6', 2]]), 0.03, 3],
    ],
  },
  {
    suffix: 'FIN',
    name: 'Finance and procurement',
    manager: makeRole('Deputy Director of Finance', admin, '8d'),
    deputy: makeRole('Head of Financial Management', admin, '8b'),
    teams: [
      ['FMG', 'Financial management', corporateProfile(['Financial Controller', '8b'], [['Management Accountant', '7', 2], ['Finance Officer', '5', 3]]), 0.05, 3],
      ['FSV', 'Financial services', corporateProfile(['Financial Services Manager', '7'], [['Accounts Payable Officer', '3', 3], ['Payroll Officer', '4', 2]]), 0.05, 3],
      ['PRC', 'Procurement', corporateProfile(['Head of Procurement', '8a'], [['Procurement Officer', '5', 2], ['Buyer', '4', 2]]), 0.03, 3],
    ],
  },
  {
    suffix: 'DIT',
    name: 'Digital and IT',
    manager: makeRole('Head of Digital', admin, '8c'),
    deputy: makeRole('IT Operations Manager', admin, '8a'),
    teams: [
      ['DSK', 'IT service desk', corporateProfile(['Service Desk Manager', '6'], [['IT Support Analyst', '4', 3], ['Service Desk Analyst', '3', 2]]), 0.05, 3],
      ['INF', 'Infrastructure and networks', corporateProfile(['Infrastructure Manager', '8a'], [['Network Engineer', '6', 2], ['Infrastructure Engineer', '5', 2]]), 0.04, 3,
        [{ key: ACCOUNT_POSITION.admin, role: ROLE.systemsAdministrator }]],
      ['CSY', 'Clinical systems', corporateProfile(['Clinical Systems Manager', '8a'], [['Systems Analyst', '6', 2], ['Application Support Analyst', '5', 2]]), 0.04, 3],
    ],
  },
  {
    suffix: 'EAF',
    name: 'Estates and facilities',
    manager: makeRole('Head of Estates', estates, '8b'),
    deputy: makeRole('Estates Manager', estates, '7'),
    teams: [
      ['EST', 'Estates maintenance', corporateProfile(['Estates Supervisor', '5'], [['Maintenance Technician', '4', 3], ['Estates Officer', '4', 1]], { staffGroup: estates }), 0.05, 3],
      ['FAC', 'Facilities', corporateProfile(['Facilities Supervisor', '4'], [['Facilities Assistant', '2', 3], ['Cleaner', '2', 3]], { staffGroup: estates }), 0.05, 3],
    ],
  },
  {
    suffix: 'FLT',
    name: 'Fleet and make ready',
    manager: makeRole('Head of Fleet', estates, '8b'),
    deputy: makeRole('Fleet Manager', estates, '8a'),
    teams: [
      ['FWN', 'Fleet workshop – North', PROFILE.fleet, 0.04, 4],
      ['FWS', 'Fleet workshop – South', PROFILE.fleet, 0.04, 4],
    ],
  },
  {
    suffix: 'QGV',
    name: 'Quality and governance',
    manager: makeRole('Head of Quality and Governance', nursing, '8c'),
    deputy: makeRole('Deputy Head of Quality', nursing, '8b'),
    teams: [
      ['PEX', 'Patient experience', corporateProfile(['Patient Experience Manager', '7'], [['Patient Experience Officer', '4', 3], ['Complaints Investigator', '5', 2]]), 0.03, 3],
      ['CGV', 'Clinical governance', corporateProfile(['Clinical Governance Lead', '8a'], [['Clinical Audit Officer', '5', 2], ['Patient Safety Specialist', '7', 2]]), 0.03, 3],
      ['RSK', 'Risk and safety', corporateProfile(['Risk Manager', '7'], [['Health and Safety Advisor', '6', 2], ['Risk Officer', '4', 1]]), 0.02, 3],
      ['FTS', 'Freedom to Speak Up', { ...corporateProfile(['Freedom to Speak Up Guardian', '7'], [['Freedom to Speak Up Coordinator', '4', 1]]), leader: ROLE.guardian }, 0, 2],
    ],
  },
  {
    suffix: 'EDU',
    name: 'Education and training',
    manager: makeRole('Head of Education', admin, '8b'),
    deputy: makeRole('Education Manager', admin, '8a'),
    teams: [
      ['CED', 'Clinical education', corporateProfile(['Clinical Education Lead', '7'], [['Clinical Tutor', '6', 4], ['Practice Placement Facilitator', '6', 2]], { staffGroup: ahp }), 0.07, 3],
      ['LOD', 'Leadership and organisational development', corporateProfile(['OD Manager', '8a'], [['OD Practitioner', '6', 2], ['Coaching Lead', '7', 1]]), 0.025, 3,
        [{ key: ACCOUNT_POSITION.programme, role: ROLE.programmeLead }]],
      ['EAD', 'Education administration', corporateProfile(['Education Administration Manager', '5'], [['Education Administrator', '3', 1]]), 0.03, 3],
    ],
  },
];

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** Splits `total` positions into `count` teams of varying size, none below `min`. */
function splitSizes(total: number, count: number, random: Random, min: number): number[] {
  const weights = Array.from({ length: count }, () => random.uniform(0.8, 1.2));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.max(min, Math.round((total * w) / sum)));
}

class StructureBuilder {
  readonly units: DemoUnit[] = [];
  readonly areas: AreaSpec[] = [];
  readonly teams: TeamSpec[] = [];

  unit(code: string, name: string, level: DemoUnit['level'], parentCode: string | null, openedOn = FOUNDED_ON): void {
    this.units.push({ code, name, level, parentCode, openedOn, closedOn: null });
  }

  area(
    directorateCode: string,
    code: string,
    name: string,
    management: { profile: TeamProfile; size: number; name?: string; fixed?: readonly FixedPosition[] },
    options: { isDirectorateOffice?: boolean; isHub?: boolean; openedOn?: string } = {},
  ): void {
    const managementTeamCode = `${code}-MGT`;
    this.unit(code, name, 'area', directorateCode, options.openedOn);
    this.areas.push({
      code,
      name,
      directorateCode,
      managementTeamCode,
      isDirectorateOffice: options.isDirectorateOffice ?? false,
      isHub: options.isHub ?? false,
    });
    this.team(code, managementTeamCode, management.name ?? `${name} – Management team`, management.profile, management.size, {
      isManagement: true,
      openedOn: options.openedOn,
      fixed: management.fixed,
    });
  }

  team(
    areaCode: string,
    code: string,
    name: string,
    profile: TeamProfile,
    size: number,
    options: { isManagement?: boolean; openedOn?: string | undefined; fixed?: readonly FixedPosition[] | undefined } = {},
  ): void {
    const area = this.areas.find((a) => a.code === areaCode);
    if (!area) throw new Error(`Unknown area ${areaCode}`);
    this.unit(code, name, 'team', areaCode, options.openedOn);
    this.teams.push({
      index: this.teams.length,
      code,
      name,
      areaCode,
      directorateCode: area.directorateCode,
      profile,
      size,
      isManagement: options.isManagement ?? false,
      openedOn: options.openedOn ?? FOUNDED_ON,
      fixed: options.fixed ?? [],
    });
  }

  directorateOffice(code: string, name: string, director: Role, deputy: Role, frontline: TeamProfile): void {
    this.area(code, `${code}-HQ`, `${name} directorate office`, {
      profile: managementProfile(director, deputy, frontline),
      size: 5,
      name: `${name} leadership team`,
    }, { isDirectorateOffice: true });
  }

  /** Teams named "<prefix> – Team n" sharing `total` positions. */
  numberedTeams(areaCode: string, prefix: string, profile: TeamProfile, total: number, teamSize: number, random: Random, openedOn?: string): void {
    const count = Math.max(1, Math.round(total / teamSize));
    splitSizes(total, count, random, 4).forEach((size, i) => {
      const number = String(i + 1).padStart(2, '0');
      this.team(areaCode, `${areaCode}-T${number}`, `${prefix} – Team ${i + 1}`, profile, size, { openedOn });
    });
  }
}

/** Builds the organisation for roughly `staff` people in post; the number of teams scales with it. */
export function buildStructure(staff: number, random: Random): Structure {
  const b = new StructureBuilder();
  const positions = staff * 1.022;
  b.unit(TRUST_CODE, TRUST_NAME, 'trust', null);

  // Emergency Operations: hubs of ambulance teams.
  b.unit('EO', 'Emergency Operations', 'directorate', TRUST_CODE);
  b.directorateOffice('EO', 'Emergency Operations', makeRole('Director of Emergency Operations', admin, 'VSM'), makeRole('Head of Operations', ahp, '8c', 'clinical'), PROFILE.ambulance);
  const eoStaff = positions * DIRECTORATE_SHARE.EO;
  const hubCount = clamp(Math.round(eoStaff / HUB_STAFF), 3, HUBS.length);
  for (const [suffix, place] of HUBS.slice(0, hubCount)) {
    const code = `EO-${suffix}`;
    const hubStaff = eoStaff / hubCount;
    const managementSize = clamp(Math.round(hubStaff * 0.025), 3, 8);
    b.area('EO', code, `${place} hub`, {
      profile: managementProfile(ROLE.hubManager, makeRole('Operations Manager', ahp, '8a', 'clinical'), PROFILE.ambulance),
      size: managementSize,
    }, { isHub: true });
    let ambulanceStaff = hubStaff - managementSize;
    const isCoventry = code === 'EO-COV';
    if (isCoventry) ambulanceStaff -= STORY.graduateTurnaround.teamSize + STORY.smallTeam.teamSize;
    const count = Math.max(2, Math.round(ambulanceStaff / AMBULANCE_TEAM_SIZE));
    const sizes = splitSizes(ambulanceStaff, count, random, 8);
    if (isCoventry) sizes.splice(1, 0, STORY.graduateTurnaround.teamSize);
    sizes.forEach((size, i) => {
      const teamCode = `${code}-T${String(i + 1).padStart(2, '0')}`;
      const fixed: FixedPosition[] = [];
      if (teamCode === STORY.graduateTurnaround.sourceTeamCode) {
        fixed.push({ key: ACCOUNT_POSITION.staff, role: ROLE.paramedic }, { key: STORY_POSITION.graduate, role: ROLE.paramedic });
      }
      b.team(code, teamCode, `${place} hub – Team ${i + 1}`, PROFILE.ambulance, size, { fixed });
    });
    if (isCoventry) b.team(code, STORY.smallTeam.teamCode, `${place} hub – Community response team`, PROFILE.communityResponse, STORY.smallTeam.teamSize);
  }

  // Integrated Emergency and Urgent Care: 999 emergency operations centres, NHS 111 and clinical validation.
  b.unit('IE', 'Integrated Emergency and Urgent Care', 'directorate', TRUST_CODE);
  b.directorateOffice('IE', 'Integrated Emergency and Urgent Care', makeRole('Director of Integrated Emergency and Urgent Care', admin, 'VSM'), makeRole('Head of Integrated Urgent and Emergency Care', admin, '8c'), PROFILE.eoc);
  const ieStaff = positions * DIRECTORATE_SHARE.IE;
  const eocManagement = managementProfile(makeRole('EOC Manager', admin, '8b'), makeRole('EOC Duty Manager', admin, '7'), PROFILE.eoc);
  const nhs111Management = managementProfile(makeRole('NHS 111 Centre Manager', admin, '8a'), makeRole('NHS 111 Shift Manager', admin, '6'), PROFILE.nhs111);
  const ieAreas = [
    ['IE-EBH', 'Brierley Hill emergency operations centre', 'Brierley Hill EOC', PROFILE.eoc, eocManagement, 0.32, undefined],
    ['IE-EST', 'Stafford emergency operations centre', 'Stafford EOC', PROFILE.eoc, eocManagement, 0.24, undefined],
    ['IE-111W', 'NHS 111 Wolverhampton call centre', 'NHS 111 Wolverhampton', PROFILE.nhs111, nhs111Management, 0.2, '2019-11-01'],
    ['IE-111C', 'NHS 111 Coventry call centre', 'NHS 111 Coventry', PROFILE.nhs111, nhs111Management, 0.14, '2019-11-01'],
    ['IE-CVH', 'Clinical validation hub', 'Clinical validation', PROFILE.clinicalValidation,
      managementProfile(makeRole('Clinical Validation Manager', nursing, '8b', 'clinical'), makeRole('Senior Clinical Validation Lead', ahp, '7', 'clinical'), PROFILE.clinicalValidation), 0.1, '2020-04-01'],
  ] as const;
  for (const [code, name, prefix, profile, management, share, openedOn] of ieAreas) {
    const areaStaff = ieStaff * share;
    const managementSize = clamp(Math.round(areaStaff * 0.025), 2, 6);
    b.area('IE', code, name, { profile: management, size: managementSize }, { openedOn });
    b.numberedTeams(code, prefix, profile, areaStaff - managementSize, 28, random, openedOn);
  }

  // Patient Transport Service.
  b.unit('PT', 'Patient Transport Service', 'directorate', TRUST_CODE);
  b.directorateOffice('PT', 'Patient Transport Service', makeRole('Director of Patient Transport Services', admin, 'VSM'), makeRole('Head of PTS Operations', admin, '8b'), PROFILE.pts);
  const ptStaff = positions * DIRECTORATE_SHARE.PT;
  const ptsManagement = managementProfile(makeRole('PTS Area Manager', admin, '8a'), makeRole('PTS Duty Manager', admin, '6'), PROFILE.pts);
  const ptAreas = [
    ['PT-BBC', 'PTS Birmingham and Black Country', PROFILE.pts, ptsManagement, 0.36],
    ['PT-SST', 'PTS Shropshire and Staffordshire', PROFILE.pts, ptsManagement, 0.25],
    ['PT-CWW', 'PTS Coventry, Warwickshire and Worcestershire', PROFILE.pts, ptsManagement, 0.24],
    ['PT-PLN', 'PTS planning and bookings', PROFILE.ptsPlanning,
      managementProfile(makeRole('Planning and Bookings Manager', admin, '7'), makeRole('Planning Supervisor', admin, '5'), PROFILE.ptsPlanning), 0.15],
  ] as const;
  for (const [code, name, profile, management, share] of ptAreas) {
    const areaStaff = ptStaff * share;
    const managementSize = clamp(Math.round(areaStaff * 0.03), 2, 6);
    b.area('PT', code, name, { profile: management, size: managementSize });
    b.numberedTeams(code, name, profile, areaStaff - managementSize, 18, random);
  }

  // Specialist Operations: HART, critical care, resilience.
  b.unit('SO', 'Specialist Operations', 'directorate', TRUST_CODE);
  b.directorateOffice('SO', 'Specialist Operations', makeRole('Director of Specialist Operations', admin, 'VSM'), makeRole('Head of Specialist Operations', ahp, '8c', 'clinical'), PROFILE.hart);
  const soStaff = positions * DIRECTORATE_SHARE.SO;
  b.area('SO', 'SO-HRT', 'Hazardous Area Response Team', {
    profile: managementProfile(makeRole('HART Manager', ahp, '8b', 'clinical'), makeRole('HART Operations Officer', ahp, '7', 'clinical'), PROFILE.hart),
    size: 3,
  });
  for (const colour of HART_COLOURS.slice(0, clamp(Math.round((soStaff * 0.4) / 7), 2, HART_COLOURS.length))) {
    b.team('SO-HRT', `SO-HRT-${colour.slice(0, 3).toUpperCase()}`, `HART – ${colour} team`, PROFILE.hart, 7);
  }
  b.area('SO', 'SO-CCP', 'Critical care (MERIT)', {
    profile: managementProfile(makeRole('Critical Care Manager', ahp, '8b', 'clinical'), makeRole('Critical Care Lead', ahp, '8a', 'clinical'), PROFILE.criticalCare),
    size: 2,
  });
  b.numberedTeams('SO-CCP', 'Critical care', PROFILE.criticalCare, Math.max(5, soStaff * 0.3), 10, random);
  b.area('SO', 'SO-RES', 'Resilience and emergency planning', {
    profile: managementProfile(makeRole('Head of Resilience', admin, '8c'), makeRole('Deputy Head of Resilience', admin, '8b'), PROFILE.resilience),
    size: 2,
  });
  const resilienceSizes = splitSizes(Math.max(6, soStaff * 0.18), 2, random, 3);
  b.team('SO-RES', 'SO-RES-EPR', 'Emergency preparedness', PROFILE.resilience, resilienceSizes[0] ?? 3);
  b.team('SO-RES', 'SO-RES-TCS', 'Tactical command support', PROFILE.resilience, resilienceSizes[1] ?? 3);

  // Corporate Services, with the chief executive's office.
  b.unit('CS', 'Corporate Services', 'directorate', TRUST_CODE);
  b.directorateOffice('CS', 'Corporate Services', makeRole('Director of Corporate Services', admin, 'VSM'), makeRole('Deputy Director of Corporate Services', admin, '9'), corporateProfile(['Manager', '7'], []));
  const executiveProfile: TeamProfile = {
    ...corporateProfile(['Chief Executive', 'VSM'], [['Executive Assistant', '5', 1]]),
    leader: ROLE.chiefExecutive,
    kind: 'executive',
    hireAge: { mean: 45, sd: 6, min: 30 },
  };
  b.area('CS', 'CS-EXE', 'Chief Executive’s office', {
    profile: executiveProfile,
    size: 8,
    name: 'Executive team',
    fixed: [
      { key: 'executive:finance', role: makeRole('Director of Finance', admin, 'VSM') },
      { key: ACCOUNT_POSITION.board, role: ROLE.directorOfPeople },
      { key: 'executive:medical', role: makeRole('Medical Director', medical, 'VSM', 'clinical') },
      { key: 'executive:nursing', role: makeRole('Director of Nursing and Quality', nursing, 'VSM', 'clinical') },
      { key: 'executive:secretary', role: makeRole('Trust Secretary', admin, '8c') },
    ],
  });
  const csStaff = positions * DIRECTORATE_SHARE.CS;
  for (const department of CORPORATE_DEPARTMENTS) {
    const code = `CS-${department.suffix}`;
    b.area('CS', code, department.name, {
      profile: managementProfile(department.manager, department.deputy, corporateProfile(['Manager', '7'], [])),
      size: clamp(Math.round(csStaff * 0.005), 2, 4),
    });
    for (const [suffix, name, profile, weight, min, fixed] of department.teams) {
      b.team(code, `${code}-${suffix}`, name, profile, Math.max(min, Math.round(csStaff * weight)), { fixed });
    }
    if (department.suffix === 'FLT') b.numberedTeams(code, 'Make ready', PROFILE.makeReady, csStaff * 0.3, 20, random);
  }

  return { units: b.units, areas: b.areas, teams: b.teams, executiveTeamCode: 'CS-EXE-MGT' };
}
