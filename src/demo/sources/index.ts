import { generateAppraisals } from '#src/demo/sources/appraisals.ts';
import type { AppraisalRow } from '#src/demo/sources/appraisals.ts';
import type { SourceContext } from '#src/demo/sources/context.ts';
import { generateEmployeeRelations } from '#src/demo/sources/employee-relations.ts';
import type { EmployeeRelationsCaseRow } from '#src/demo/sources/employee-relations.ts';
import { generateEstablishment } from '#src/demo/sources/establishment.ts';
import type { EstablishmentRow } from '#src/demo/sources/establishment.ts';
import { generateOperational } from '#src/demo/sources/operational.ts';
import type { CallHandlingRow, ResponseTimesRow } from '#src/demo/sources/operational.ts';
import { generatePatientFeedback } from '#src/demo/sources/patient-feedback.ts';
import type { ComplaintRow, ComplimentRow } from '#src/demo/sources/patient-feedback.ts';
import { generateProgrammeGraduates } from '#src/demo/sources/programme-graduates.ts';
import type { ProgrammeGraduateRow } from '#src/demo/sources/programme-graduates.ts';
import { generateSicknessAbsence } from '#src/demo/sources/sickness.ts';
import type { SicknessEpisodeRow } from '#src/demo/sources/sickness.ts';
import { generateSpeakUpConcerns } from '#src/demo/sources/speak-up.ts';
import type { SpeakUpConcernRow } from '#src/demo/sources/speak-up.ts';
import { generateStaffSurvey } from '#src/demo/sources/staff-survey.ts';
import type { StaffSurveyResponseRow } from '#src/demo/sources/staff-survey.ts';
import { generateLeavers, generateStarters } from '#src/demo/sources/starters-leavers.ts';
import type { LeaverRow, StarterRow } from '#src/demo/sources/starters-leavers.ts';
import { generateTrainingCompliance } from '#src/demo/sources/training.ts';
import type { TrainingComplianceRow } from '#src/demo/sources/training.ts';

export type {
  AppraisalRow,
  CallHandlingRow,
  ComplaintRow,
  ComplimentRow,
  EmployeeRelationsCaseRow,
  EstablishmentRow,
  LeaverRow,
  ProgrammeGraduateRow,
  ResponseTimesRow,
  SicknessEpisodeRow,
  SpeakUpConcernRow,
  StaffSurveyResponseRow,
  StarterRow,
  TrainingComplianceRow,
};

/**
 * The data a trust would export from its systems over the period, as plain rows. Staff in post
 * comes from the trust's assignments (ESR); everything here is drawn from the same simulation.
 */
export interface DemoSources {
  establishment: EstablishmentRow[];
  starters: StarterRow[];
  leavers: LeaverRow[];
  sicknessAbsence: SicknessEpisodeRow[];
  appraisals: AppraisalRow[];
  trainingCompliance: TrainingComplianceRow[];
  employeeRelations: EmployeeRelationsCaseRow[];
  complaints: ComplaintRow[];
  compliments: ComplimentRow[];
  staffSurvey: StaffSurveyResponseRow[];
  responseTimes: ResponseTimesRow[];
  callHandling: CallHandlingRow[];
  speakUpConcerns: SpeakUpConcernRow[];
  programmeGraduates: ProgrammeGraduateRow[];
}

export function generateDemoSources(context: SourceContext): DemoSources {
  const feedback = generatePatientFeedback(context);
  const operational = generateOperational(context);
  return {
    establishment: generateEstablishment(context),
    starters: generateStarters(context),
    leavers: generateLeavers(context),
    sicknessAbsence: generateSicknessAbsence(context),
    appraisals: generateAppraisals(context),
    trainingCompliance: generateTrainingCompliance(context),
    employeeRelations: generateEmployeeRelations(context),
    complaints: feedback.complaints,
    compliments: feedback.compliments,
    staffSurvey: generateStaffSurvey(context),
    responseTimes: operational.responseTimes,
    callHandling: operational.callHandling,
    speakUpConcerns: generateSpeakUpConcerns(context),
    programmeGraduates: generateProgrammeGraduates(context),
  };
}
