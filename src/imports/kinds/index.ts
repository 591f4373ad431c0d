import { ambulanceResponseTimes } from './ambulance-response-times.ts';
import { appraisals } from './appraisals.ts';
import { callHandling } from './call-handling.ts';
import { complaints } from './complaints.ts';
import { compliments } from './compliments.ts';
import type { ImportKind } from './define.ts';
import { employeeRelationsCases } from './employee-relations-cases.ts';
import { esrAssignments } from './esr-assignments.ts';
import { esrEquality } from './esr-equality.ts';
import { esrPeople } from './esr-people.ts';
import { establishment } from './establishment.ts';
import { leavers } from './leavers.ts';
import { organisationStructure } from './organisation-structure.ts';
import { sicknessAbsence } from './sickness-absence.ts';
import { speakUpConcerns } from './speak-up-concerns.ts';
import { staffSurveyResponses } from './staff-survey-responses.ts';
import { staffSurveyTeamResults } from './staff-survey-team-results.ts';
import { starters } from './starters.ts';
import { trainingCompliance } from './training-compliance.ts';

export type { ImportKind } from './define.ts';

/** Every source Vitals imports, in the order a new trust loads them (structure and people first). */
export const IMPORT_KINDS: readonly ImportKind[] = [
  organisationStructure,
  esrPeople,
  esrAssignments,
  esrEquality,
  establishment,
  starters,
  leavers,
  sicknessAbsence,
  appraisals,
  trainingCompliance,
  employeeRelationsCases,
  complaints,
  compliments,
  staffSurveyResponses,
  staffSurveyTeamResults,
  ambulanceResponseTimes,
  callHandling,
  speakUpConcerns,
];

export function findKind(name: string): ImportKind | undefined {
  return IMPORT_KINDS.find((kind) => kind.name === name);
}
