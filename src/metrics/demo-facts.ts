import { ENGAGEMENT_QUESTIONS, SPEAK_UP_QUESTIONS } from '#src/demo/sources/staff-survey.ts';
import type { DemoTrust } from '#src/demo/types.ts';
import { callHandlingMeasure, MEASURE } from '#src/metrics/operational-measures.ts';
import type { TrustFacts } from './facts.ts';

const SURVEY_QUESTIONS = [...ENGAGEMENT_QUESTIONS, ...SPEAK_UP_QUESTIONS];

/**
 * The demo trust's exports as engine facts, without a database: unit ids are 1-based positions in
 * `trust.units`. For tests and benches of the pure engine; the database path loads the same facts
 * through the import pipeline and `facts-store.ts`.
 */
export function demoTrustFacts(trust: DemoTrust): TrustFacts {
  const idByCode = new Map(trust.units.map((u, i) => [u.code, i + 1]));
  const id = (code: string): number => {
    const found = idByCode.get(code);
    if (found === undefined) throw new Error(`Unknown unit ${code}`);
    return found;
  };
  const s = trust.sources;
  const operational: TrustFacts['operational'] = [];
  for (const r of s.responseTimes) {
    const unitId = id(r.unitCode);
    const add = (measure: string, value: number) => operational.push({ month: r.month, unitId, measure, value });
    add(MEASURE.incidents, r.incidents);
    add(MEASURE.c1Mean, r.c1MeanSeconds);
    add(MEASURE.c1p90, r.c1P90Seconds);
    add(MEASURE.c2Mean, r.c2MeanSeconds);
    add(MEASURE.c2p90, r.c2P90Seconds);
    add(MEASURE.c3p90, r.c3P90Seconds);
    add(MEASURE.c4p90, r.c4P90Seconds);
    add(MEASURE.handovers, r.handovers);
    add(MEASURE.handovers15, r.handoversWithin15);
    add(MEASURE.handovers30, r.handoversWithin30);
    add(MEASURE.handovers60, r.handoversWithin60);
  }
  for (const r of s.callHandling) {
    const unitId = id(r.unitCode);
    const add = (column: Parameters<typeof callHandlingMeasure>[1], value: number) =>
      operational.push({ month: r.month, unitId, measure: callHandlingMeasure(r.service, column), value });
    add('Calls Received', r.callsReceived);
    add('Calls Answered', r.callsAnswered);
    add('Answered Within 5 Seconds', r.answeredWithin5Seconds);
    add('Answered Within 60 Seconds', r.answeredWithin60Seconds);
    add('Mean Answer Time (Seconds)', r.meanAnswerSeconds);
    add('90th Centile Answer Time (Seconds)', r.p90AnswerSeconds);
  }
  return {
    units: trust.units.map((u) => ({ id: id(u.code), code: u.code, name: u.name, level: u.level, parentId: u.parentCode === null ? null : id(u.parentCode) })),
    endMonth: trust.endMonth,
    assignments: trust.assignments.map((a) => ({ staffNumber: a.staffNumber, unitId: id(a.unitCode), fte: a.fte, startDate: a.startDate, endDate: a.endDate })),
    establishment: s.establishment.map((r) => ({ month: r.month, unitId: id(r.unitCode), budgetedFte: r.budgetedFte })),
    starters: s.starters.map((r) => ({ staffNumber: r.staffNumber, unitId: id(r.unitCode), startDate: r.startDate })),
    leavers: s.leavers.map((r) => ({ staffNumber: r.staffNumber, unitId: id(r.unitCode), terminationDate: r.leavingDate, lengthOfServiceYears: r.yearsOfService })),
    sickness: s.sicknessAbsence.map((r) => ({
      staffNumber: r.staffNumber,
      unitId: id(r.unitCode),
      startDate: r.startDate,
      endDate: r.endDate,
      calendarDaysLost: r.calendarDays,
      fteDaysLost: r.fteDaysLost,
    })),
    appraisals: s.appraisals.map((r) => ({ staffNumber: r.staffNumber, unitId: id(r.unitCode), appraisalDate: r.appraisalDate })),
    training: s.trainingCompliance.map((r) => ({ month: r.month, unitId: id(r.unitCode), competence: r.course, required: r.required, compliant: r.compliant })),
    employeeRelations: s.employeeRelations.map((r) => ({ unitId: id(r.unitCode), caseType: r.caseType, openedOn: r.openedDate })),
    complaints: s.complaints.map((r) => ({ unitId: id(r.unitCode), receivedOn: r.receivedDate })),
    compliments: s.compliments.map((r) => ({ unitId: id(r.unitCode), receivedOn: r.receivedDate })),
    surveyResponses: s.staffSurvey.map((r) => ({
      surveyYear: r.surveyYear,
      unitId: id(r.unitCode),
      answers: Object.fromEntries(SURVEY_QUESTIONS.map((q) => [q, r[q]])),
    })),
    surveyTeamResults: [],
    speakUp: s.speakUpConcerns.map((r) => ({ unitId: id(r.unitCode), receivedOn: r.receivedDate, detrimentIndicated: r.detrimentIndicated === 'Yes' })),
    operational,
    ethnicGroups: trust.characteristics.map((c) => ({ staffNumber: c.staffNumber, ethnicGroup: c.ethnicGroup })),
  };
}
