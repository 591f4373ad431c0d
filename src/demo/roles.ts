/** Job roles and the profiles of each kind of team: who works there and how the team behaves. */

export const STAFF_GROUP = {
  scientific: 'Add Prof Scientific and Technic',
  additionalClinical: 'Additional Clinical Services',
  admin: 'Administrative and Clerical',
  ahp: 'Allied Health Professionals',
  estates: 'Estates and Ancillary',
  medical: 'Medical and Dental',
  nursing: 'Nursing and Midwifery Registered',
} as const;

/** Which statutory and mandatory courses a role needs: clinical ⊃ patient-facing ⊃ everyone. */
export type Contact = 'clinical' | 'patient' | 'none';

export interface Role {
  title: string;
  staffGroup: string;
  /** Agenda for Change band "2" … "9" (with "8a" … "8d"), "VSM", or a medical grade. */
  band: string;
  contact: Contact;
}

function role(title: string, staffGroup: string, band: string, contact: Contact = 'none'): Role {
  return { title, staffGroup, band, contact };
}

export type TeamKind =
  | 'ambulance'
  | 'community-response'
  | 'management'
  | 'eoc'
  | 'nhs111'
  | 'clinical-validation'
  | 'pts'
  | 'pts-planning'
  | 'hart'
  | 'critical-care'
  | 'resilience'
  | 'executive'
  | 'corporate'
  | 'make-ready'
  | 'fleet';

export interface TeamProfile {
  kind: TeamKind;
  leader: Role;
  members: readonly (readonly [Role, number])[];
  /** Titles of members who may be promoted to lead the team. */
  promotable: readonly string[];
  femaleShare: number;
  /** Share of ethnic-minority staff among those who state their ethnicity, for staff in post in 2021. */
  minorityShare: number;
  partTimeShare: number;
  leaverRatePerYear: number;
  /** Share of FTE days lost to sickness, before seasonality and team effects. */
  sicknessRate: number;
  surveyResponseRate: number;
  hireAge: { mean: number; sd: number; min: number };
}

const { scientific, additionalClinical, admin, ahp, estates, medical, nursing } = STAFF_GROUP;

export const ROLE = {
  paramedic: role('Paramedic', ahp, '6', 'clinical'),
  specialistParamedic: role('Specialist Paramedic', ahp, '7', 'clinical'),
  clinicalTeamLeader: role('Clinical Team Leader', ahp, '7', 'clinical'),
  hubManager: role('Hub Manager', ahp, '8b', 'clinical'),
  communityResponseLead: role('Community Response Lead', ahp, '7', 'clinical'),
  communityParamedic: role('Community Paramedic', ahp, '6', 'clinical'),
  chiefExecutive: role('Chief Executive', admin, 'VSM'),
  directorOfPeople: role('Director of People', admin, 'VSM'),
  guardian: role('Freedom to Speak Up Guardian', admin, '7'),
  investigator: role('Employee Relations Investigator', admin, '7'),
  analyst: role('Workforce Information Analyst', admin, '6'),
  programmeLead: role('Leadership Development Lead', admin, '7'),
  systemsAdministrator: role('Systems Administrator', admin, '6'),
} as const;

const AMBULANCE_TRAITS = { femaleShare: 0.4, minorityShare: 0.068, partTimeShare: 0.1 };
const CORPORATE_TRAITS = {
  femaleShare: 0.6,
  minorityShare: 0.13,
  partTimeShare: 0.18,
  leaverRatePerYear: 0.085,
  sicknessRate: 0.04,
  surveyResponseRate: 0.62,
  hireAge: { mean: 34, sd: 10, min: 18 },
  promotable: [],
};

export const PROFILE = {
  ambulance: {
    kind: 'ambulance',
    leader: ROLE.clinicalTeamLeader,
    members: [
      [ROLE.paramedic, 48],
      [ROLE.specialistParamedic, 5],
      [role('Newly Qualified Paramedic', ahp, '5', 'clinical'), 8],
      [role('Emergency Medical Technician', additionalClinical, '5', 'clinical'), 10],
      [role('Emergency Care Assistant', additionalClinical, '3', 'clinical'), 20],
      [role('Student Paramedic', additionalClinical, '4', 'clinical'), 9],
    ],
    promotable: ['Paramedic', 'Specialist Paramedic'],
    ...AMBULANCE_TRAITS,
    leaverRatePerYear: 0.075,
    sicknessRate: 0.072,
    surveyResponseRate: 0.4,
    hireAge: { mean: 27, sd: 6, min: 18 },
  },
  communityResponse: {
    kind: 'community-response',
    leader: ROLE.communityResponseLead,
    members: [[ROLE.communityParamedic, 1]],
    promotable: ['Community Paramedic'],
    ...AMBULANCE_TRAITS,
    femaleShare: 0.5,
    leaverRatePerYear: 0.07,
    sicknessRate: 0.06,
    surveyResponseRate: 0.5,
    hireAge: { mean: 33, sd: 6, min: 23 },
  },
  eoc: {
    kind: 'eoc',
    leader: role('EOC Team Leader', admin, '6'),
    members: [
      [role('Emergency Medical Dispatcher', admin, '3'), 55],
      [role('Dispatcher', admin, '4'), 30],
      [role('Senior Dispatcher', admin, '5'), 8],
      [role('EOC Clinician', ahp, '6', 'clinical'), 7],
    ],
    promotable: ['Senior Dispatcher', 'Dispatcher'],
    femaleShare: 0.6,
    minorityShare: 0.11,
    partTimeShare: 0.18,
    leaverRatePerYear: 0.11,
    sicknessRate: 0.078,
    surveyResponseRate: 0.45,
    hireAge: { mean: 29, sd: 9, min: 18 },
  },
  nhs111: {
    kind: 'nhs111',
    leader: role('NHS 111 Team Leader', admin, '5'),
    members: [
      [role('Health Advisor', admin, '3'), 65],
      [role('Service Advisor', admin, '2'), 15],
      [role('Clinical Advisor', nursing, '6', 'clinical'), 12],
      [role('Clinical Advisor (Paramedic)', ahp, '6', 'clinical'), 8],
    ],
    promotable: ['Health Advisor'],
    femaleShare: 0.68,
    minorityShare: 0.2,
    partTimeShare: 0.25,
    leaverRatePerYear: 0.19,
    sicknessRate: 0.085,
    surveyResponseRate: 0.45,
    hireAge: { mean: 26, sd: 8, min: 18 },
  },
  clinicalValidation: {
    kind: 'clinical-validation',
    leader: role('Clinical Validation Team Leader', ahp, '7', 'clinical'),
    members: [
      [role('Clinical Validation Paramedic', ahp, '6', 'clinical'), 45],
      [role('Clinical Validation Nurse', nursing, '6', 'clinical'), 30],
      [role('Mental Health Nurse', nursing, '6', 'clinical'), 12],
      [role('Pharmacist', scientific, '8a', 'clinical'), 5],
      [role('General Practitioner', medical, 'Specialty Doctor', 'clinical'), 4],
    ],
    promotable: ['Clinical Validation Paramedic', 'Clinical Validation Nurse'],
    femaleShare: 0.62,
    minorityShare: 0.15,
    partTimeShare: 0.3,
    leaverRatePerYear: 0.09,
    sicknessRate: 0.055,
    surveyResponseRate: 0.55,
    hireAge: { mean: 36, sd: 8, min: 23 },
  },
  pts: {
    kind: 'pts',
    leader: role('PTS Team Leader', additionalClinical, '4', 'patient'),
    members: [
      [role('Ambulance Care Assistant', additionalClinical, '3', 'patient'), 70],
      [role('PTS Driver', additionalClinical, '2', 'patient'), 20],
      [role('High Dependency Care Assistant', additionalClinical, '3', 'patient'), 10],
    ],
    promotable: ['Ambulance Care Assistant', 'High Dependency Care Assistant'],
    femaleShare: 0.48,
    minorityShare: 0.12,
    partTimeShare: 0.22,
    leaverRatePerYear: 0.095,
    sicknessRate: 0.078,
    surveyResponseRate: 0.38,
    hireAge: { mean: 37, sd: 12, min: 19 },
  },
  ptsPlanning: {
    kind: 'pts-planning',
    leader: role('Planning Team Leader', admin, '4'),
    members: [
      [role('PTS Call Handler', admin, '2'), 50],
      [role('Journey Planner', admin, '3'), 40],
      [role('Eligibility Assessor', admin, '3'), 10],
    ],
    promotable: ['Journey Planner'],
    femaleShare: 0.7,
    minorityShare: 0.15,
    partTimeShare: 0.3,
    leaverRatePerYear: 0.11,
    sicknessRate: 0.07,
    surveyResponseRate: 0.5,
    hireAge: { mean: 32, sd: 11, min: 18 },
  },
  hart: {
    kind: 'hart',
    leader: role('HART Team Leader', ahp, '7', 'clinical'),
    members: [[role('HART Paramedic', ahp, '6', 'clinical'), 1]],
    promotable: ['HART Paramedic'],
    femaleShare: 0.12,
    minorityShare: 0.04,
    partTimeShare: 0.02,
    leaverRatePerYear: 0.05,
    sicknessRate: 0.05,
    surveyResponseRate: 0.5,
    hireAge: { mean: 32, sd: 5, min: 24 },
  },
  criticalCare: {
    kind: 'critical-care',
    leader: role('Critical Care Team Leader', ahp, '8a', 'clinical'),
    members: [
      [role('Critical Care Paramedic', ahp, '7', 'clinical'), 85],
      [role('Consultant in Pre-hospital Emergency Medicine', medical, 'Consultant', 'clinical'), 15],
    ],
    promotable: ['Critical Care Paramedic'],
    femaleShare: 0.3,
    minorityShare: 0.07,
    partTimeShare: 0.15,
    leaverRatePerYear: 0.06,
    sicknessRate: 0.045,
    surveyResponseRate: 0.55,
    hireAge: { mean: 34, sd: 6, min: 25 },
  },
  resilience: {
    kind: 'resilience',
    leader: role('Resilience Manager', admin, '8a'),
    members: [
      [role('Emergency Planning Officer', admin, '6'), 50],
      [role('Resilience Officer', admin, '5'), 35],
      [role('Tactical Advisor', ahp, '7', 'clinical'), 15],
    ],
    ...CORPORATE_TRAITS,
    promotable: ['Emergency Planning Officer'],
    femaleShare: 0.4,
    minorityShare: 0.07,
  },
  makeReady: {
    kind: 'make-ready',
    leader: role('Make Ready Supervisor', estates, '4'),
    members: [[role('Make Ready Operative', estates, '2'), 1]],
    promotable: ['Make Ready Operative'],
    femaleShare: 0.22,
    minorityShare: 0.15,
    partTimeShare: 0.1,
    leaverRatePerYear: 0.12,
    sicknessRate: 0.065,
    surveyResponseRate: 0.32,
    hireAge: { mean: 36, sd: 12, min: 18 },
  },
  fleet: {
    kind: 'fleet',
    leader: role('Workshop Supervisor', estates, '6'),
    members: [
      [role('Vehicle Technician', estates, '5'), 70],
      [role('Apprentice Vehicle Technician', estates, '3'), 15],
      [role('Stores Officer', estates, '3'), 15],
    ],
    promotable: ['Vehicle Technician'],
    femaleShare: 0.08,
    minorityShare: 0.09,
    partTimeShare: 0.04,
    leaverRatePerYear: 0.08,
    sicknessRate: 0.055,
    surveyResponseRate: 0.35,
    hireAge: { mean: 33, sd: 11, min: 17 },
  },
} as const satisfies Record<string, TeamProfile>;

/** A corporate team: its own leader and members, with the corporate traits. */
export function corporateProfile(
  leader: [title: string, band: string],
  members: readonly (readonly [title: string, band: string, weight: number])[],
  options: { staffGroup?: string } = {},
): TeamProfile {
  const staffGroup = options.staffGroup ?? admin;
  return {
    ...CORPORATE_TRAITS,
    kind: 'corporate',
    leader: role(leader[0], staffGroup, leader[1]),
    members: members.map(([title, band, weight]) => [role(title, staffGroup, band), weight] as const),
  };
}

/**
 * The management team of an area: its leader is the area manager (or, in a directorate office,
 * the director); members are deputies and administrators. Traits follow the area's frontline.
 */
export function managementProfile(leader: Role, deputy: Role, frontline: TeamProfile): TeamProfile {
  return {
    kind: 'management',
    leader,
    members: [
      [deputy, 3],
      [role('Business Support Officer', admin, '4'), 1],
      [role('Administrator', admin, '3'), 2],
    ],
    promotable: [deputy.title],
    femaleShare: (frontline.femaleShare + 0.55) / 2,
    minorityShare: (frontline.minorityShare + 0.1) / 2,
    partTimeShare: 0.1,
    leaverRatePerYear: 0.07,
    sicknessRate: 0.04,
    surveyResponseRate: 0.65,
    hireAge: { mean: 38, sd: 8, min: 22 },
  };
}

export function makeRole(title: string, staffGroup: string, band: string, contact: Contact = 'none'): Role {
  return role(title, staffGroup, band, contact);
}
