import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  appraisal,
  assignment,
  complaint,
  compliment,
  employeeRelationsCase,
  establishment,
  leaver,
  operationalFigure,
  person,
  sicknessEpisode,
  speakUpConcernRecord,
  starter,
  surveyResponse,
  surveyTeamResult,
  trainingCompliance,
} from '#src/db/schema.ts';
import { loadOrgTree } from '#src/org/store.ts';
import type { MetricSource } from './catalogue.ts';
import { monthEndDay, monthKeyOf, monthOrdinal } from './engine/calendar.ts';
import { emptyFacts, SEXUAL_SAFETY_COMPETENCE, type TrustFacts } from './facts.ts';
import { MEASURE } from './operational-measures.ts';

const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Loads the facts the engine needs for the given sources (assignments always: they give headcount
 * and staff-years). The analysis ends at the latest month any loaded fact falls in, never after
 * `now`; the tree is the one standing at the end of that month.
 */
export async function loadTrustFacts(db: Db, sources: ReadonlySet<MetricSource>, now: Date): Promise<TrustFacts> {
  const facts = emptyFacts([], monthKeyOf(now.getUTCFullYear() * 12 + now.getUTCMonth()));
  const has = (s: MetricSource) => sources.has(s);
  facts.assignments = await db
    .select({ staffNumber: person.staffNumber, unitId: assignment.unitId, fte: assignment.fte, startDate: assignment.startDate, endDate: assignment.endDate })
    .from(assignment)
    .innerJoin(person, eq(person.id, assignment.personId));
  if (has('sickness')) facts.sickness = await db.select({ staffNumber: sicknessEpisode.staffNumber, unitId: sicknessEpisode.unitId, startDate: sicknessEpisode.startDate, endDate: sicknessEpisode.endDate, calendarDaysLost: sicknessEpisode.calendarDaysLost, fteDaysLost: sicknessEpisode.fteDaysLost }).from(sicknessEpisode);
  if (has('retention')) {
    facts.starters = await db.select({ staffNumber: starter.staffNumber, unitId: starter.unitId, startDate: starter.startDate }).from(starter);
    facts.leavers = await db.select({ staffNumber: leaver.staffNumber, unitId: leaver.unitId, terminationDate: leaver.terminationDate, lengthOfServiceYears: leaver.lengthOfServiceYears }).from(leaver);
    facts.establishment = await db.select({ month: establishment.month, unitId: establishment.unitId, budgetedFte: establishment.budgetedFte }).from(establishment);
  }
  if (has('development')) {
    facts.appraisals = await db.select({ staffNumber: appraisal.staffNumber, unitId: appraisal.unitId, appraisalDate: appraisal.appraisalDate }).from(appraisal);
    // Summed in SQL per unit and month (sexual safety apart): a row per competence is 13 times the rows.
    const sexual = sql<boolean>`${trainingCompliance.competence} = ${SEXUAL_SAFETY_COMPETENCE}`;
    const rows = await db
      .select({ month: trainingCompliance.month, unitId: trainingCompliance.unitId, sexual, required: sql<number>`sum(${trainingCompliance.required})::float8`, compliant: sql<number>`sum(${trainingCompliance.compliant})::float8` })
      .from(trainingCompliance)
      .groupBy(sql`1`, sql`2`, sql`3`);
    facts.training = rows.map((r) => ({ month: r.month, unitId: r.unitId, competence: r.sexual ? SEXUAL_SAFETY_COMPETENCE : 'All other competences', required: r.required, compliant: r.compliant }));
  }
  if (has('employee-relations')) facts.employeeRelations = await db.select({ unitId: employeeRelationsCase.unitId, caseType: employeeRelationsCase.caseType, openedOn: employeeRelationsCase.openedOn }).from(employeeRelationsCase);
  if (has('speak-up')) facts.speakUp = await db.select({ unitId: speakUpConcernRecord.unitId, receivedOn: speakUpConcernRecord.receivedOn, detrimentIndicated: speakUpConcernRecord.detrimentIndicated }).from(speakUpConcernRecord);
  if (has('patient-feedback')) {
    facts.complaints = await db.select({ unitId: complaint.unitId, receivedOn: complaint.receivedOn }).from(complaint);
    facts.compliments = await db.select({ unitId: compliment.unitId, receivedOn: compliment.receivedOn }).from(compliment);
  }
  if (has('survey')) {
    facts.surveyResponses = await db.select({ surveyYear: surveyResponse.surveyYear, unitId: surveyResponse.unitId, answers: surveyResponse.answers }).from(surveyResponse);
    facts.surveyTeamResults = await db.select({ surveyYear: surveyTeamResult.surveyYear, unitId: surveyTeamResult.unitId, measure: surveyTeamResult.measure, respondents: surveyTeamResult.respondents, score: surveyTeamResult.score }).from(surveyTeamResult);
  }
  if (has('operational')) facts.operational = await db.select({ month: operationalFigure.month, unitId: operationalFigure.unitId, measure: operationalFigure.measure, value: operationalFigure.value }).from(operationalFigure);
  else if (has('patient-feedback'))
    facts.operational = await db.select({ month: operationalFigure.month, unitId: operationalFigure.unitId, measure: operationalFigure.measure, value: operationalFigure.value }).from(operationalFigure).where(inArray(operationalFigure.measure, [MEASURE.incidents]));

  facts.endMonth = monthKeyOf(Math.min(monthOrdinal(facts.endMonth), latestMonth(facts) ?? monthOrdinal(facts.endMonth)));
  const tree = await loadOrgTree(db, isoOfDay(monthEndDay(monthOrdinal(facts.endMonth))));
  facts.units = tree.roots().flatMap((root) => tree.subtree(root.id)).map((u) => ({ id: u.id, code: u.code, name: u.name, level: u.level, parentId: u.parentId }));
  return facts;
}

/** The latest month (ordinal) of any monthly or dated fact; assignment dates do not count (they run on). */
function latestMonth(f: TrustFacts): number | null {
  let latest = -1;
  const see = (key: string) => {
    const m = monthOrdinal(key);
    if (m > latest) latest = m;
  };
  for (const r of f.establishment) see(r.month);
  for (const r of f.training) see(r.month);
  for (const r of f.operational) see(r.month);
  for (const r of f.sickness) see(r.startDate);
  for (const r of f.leavers) see(r.terminationDate);
  for (const r of f.starters) see(r.startDate);
  for (const r of f.appraisals) see(r.appraisalDate);
  for (const r of f.employeeRelations) see(r.openedOn);
  for (const r of f.complaints) see(r.receivedOn);
  for (const r of f.compliments) see(r.receivedOn);
  for (const r of f.speakUp) see(r.receivedOn);
  return latest < 0 ? null : latest;
}
