import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { loadOrgTree } from '#src/org/store.ts';
import type { MetricSource } from './catalogue.ts';
import { monthEndDay, monthKeyOf, monthOrdinal } from './engine/calendar.ts';
import { type AssignmentFact, emptyFacts, SEXUAL_SAFETY_COMPETENCE, type SicknessFact, type TrustFacts } from './facts.ts';
import { MEASURE } from './operational-measures.ts';
import { type PackedKind, packedRows } from './packed-rows.ts';

/** What training rows other than sexual safety are summed as (derive reads only whether it is sexual safety). */
const OTHER_COMPETENCES = 'All other competences';

const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/**
 * Loads the facts the engine needs for the given sources (assignments always: they give headcount
 * and staff-years). The analysis ends at the latest month any dated fact falls in, never after
 * `now`; the tree is the one standing at the end of that month.
 */
export async function loadTrustFacts(db: Db, sources: ReadonlySet<MetricSource>, now: Date): Promise<TrustFacts> {
  const facts = emptyFacts([], monthKeyOf(now.getUTCFullYear() * 12 + now.getUTCMonth()));
  const has = (s: MetricSource) => sources.has(s);
  // Each table comes as one JSON document (packed-rows.ts): the fact tables hold hundreds of
  // thousands of rows. All are sent together, so on PostgreSQL the server builds the next document
  // while this one is parsed.
  const loads: Promise<unknown>[] = [];
  const load = <T>(columns: readonly (readonly [SQL, PackedKind])[], from: SQL, toRow: (v: unknown[]) => T, store: (rows: T[]) => void) =>
    loads.push(packedRows(db, columns, from, toRow).then(store));
  const text = (column: string) => [sql.raw(column), 'text'] as const;
  const number = (column: string) => [sql.raw(column), 'number'] as const;
  const date = (column: string) => [sql.raw(column), 'date'] as const;

  load(
    [text('p.staff_number'), number('a.unit_id'), number('a.fte'), date('a.start_date'), date('a.end_date')],
    sql`from assignment a join person p on p.id = a.person_id`,
    (v): AssignmentFact => ({ staffNumber: v[0] as string, unitId: v[1] as number, fte: v[2] as number, startDate: v[3] as string, endDate: v[4] as string | null }),
    (rows) => (facts.assignments = rows),
  );
  if (has('sickness'))
    load(
      [text('staff_number'), number('unit_id'), date('start_date'), date('end_date'), number('calendar_days_lost'), number('fte_days_lost')],
      sql`from sickness_episode`,
      (v): SicknessFact => ({ staffNumber: v[0] as string, unitId: v[1] as number, startDate: v[2] as string, endDate: v[3] as string | null, calendarDaysLost: v[4] as number, fteDaysLost: v[5] as number }),
      (rows) => (facts.sickness = rows),
    );
  if (has('retention')) {
    load([text('staff_number'), number('unit_id'), date('start_date')], sql`from starter`, (v) => ({ staffNumber: v[0] as string, unitId: v[1] as number, startDate: v[2] as string }), (rows) => (facts.starters = rows));
    load(
      [text('staff_number'), number('unit_id'), date('termination_date'), number('length_of_service_years')],
      sql`from leaver`,
      (v) => ({ staffNumber: v[0] as string, unitId: v[1] as number, terminationDate: v[2] as string, lengthOfServiceYears: v[3] as number }),
      (rows) => (facts.leavers = rows),
    );
    load([text('month'), number('unit_id'), number('budgeted_fte')], sql`from establishment`, (v) => ({ month: v[0] as string, unitId: v[1] as number, budgetedFte: v[2] as number }), (rows) => (facts.establishment = rows));
  }
  if (has('development')) {
    load([text('staff_number'), number('unit_id'), date('appraisal_date')], sql`from appraisal`, (v) => ({ staffNumber: v[0] as string, unitId: v[1] as number, appraisalDate: v[2] as string }), (rows) => (facts.appraisals = rows));
    // Summed in SQL per unit and month (sexual safety apart): a row per competence is 13 times the rows.
    load(
      [text('month'), number('unit_id'), [sql.raw('sexual'), 'boolean'], number('required'), number('compliant')],
      sql`from (select month, unit_id, competence = ${SEXUAL_SAFETY_COMPETENCE} as sexual, sum(required) as required, sum(compliant) as compliant from training_compliance group by 1, 2, 3) t`,
      (v) => ({ month: v[0] as string, unitId: v[1] as number, competence: v[2] ? SEXUAL_SAFETY_COMPETENCE : OTHER_COMPETENCES, required: v[3] as number, compliant: v[4] as number }),
      (rows) => (facts.training = rows),
    );
  }
  if (has('employee-relations'))
    load([number('unit_id'), text('case_type'), date('opened_on')], sql`from employee_relations_case`, (v) => ({ unitId: v[0] as number, caseType: v[1] as string, openedOn: v[2] as string }), (rows) => (facts.employeeRelations = rows));
  if (has('speak-up'))
    load(
      // A concern whose reporter named no place counts for the trust as a whole.
      [number(`coalesce(unit_id, (select id from org_unit where level = 'trust' order by id limit 1))`), date('received_on'), [sql.raw('detriment_indicated'), 'boolean']],
      sql`from speak_up_case`,
      (v) => ({ unitId: v[0] as number, receivedOn: v[1] as string, detrimentIndicated: v[2] as boolean }),
      (rows) => (facts.speakUp = rows),
    );
  if (has('patient-feedback')) {
    load([number('unit_id'), date('received_on')], sql`from complaint`, (v) => ({ unitId: v[0] as number, receivedOn: v[1] as string }), (rows) => (facts.complaints = rows));
    load([number('unit_id'), date('received_on')], sql`from compliment`, (v) => ({ unitId: v[0] as number, receivedOn: v[1] as string }), (rows) => (facts.compliments = rows));
  }
  if (has('survey')) {
    load(
      [number('survey_year'), number('unit_id'), [sql.raw('answers'), 'json']],
      sql`from survey_response`,
      (v) => ({ surveyYear: v[0] as number, unitId: v[1] as number, answers: v[2] as Record<string, number | null> }),
      (rows) => (facts.surveyResponses = rows),
    );
    load(
      [number('survey_year'), number('unit_id'), text('measure'), number('respondents'), number('score')],
      sql`from survey_team_result`,
      (v) => ({ surveyYear: v[0] as number, unitId: v[1] as number, measure: v[2] as string, respondents: v[3] as number, score: v[4] as number }),
      (rows) => (facts.surveyTeamResults = rows),
    );
  }
  const operational = (where: SQL) =>
    load(
      [text('month'), number('unit_id'), text('measure'), number('value')],
      sql`from operational_figure ${where}`,
      (v) => ({ month: v[0] as string, unitId: v[1] as number, measure: v[2] as string, value: v[3] as number }),
      (rows) => (facts.operational = rows),
    );
  if (has('operational')) operational(sql``);
  else if (has('patient-feedback')) operational(sql`where measure = ${MEASURE.incidents}`);
  if (has('equality'))
    load(
      [text('p.staff_number'), text('c.ethnic_group')],
      sql`from protected_characteristic c join person p on p.id = c.person_id`,
      (v) => ({ staffNumber: v[0] as string, ethnicGroup: v[1] as string }),
      (rows) => (facts.ethnicGroups = rows),
    );
  await Promise.all(loads);

  const nowMonth = monthOrdinal(facts.endMonth);
  // Equality data is a snapshot of who is in post: with no dated fact to end at, it ends at the last
  // complete month, since a month-end headcount needs the month to have ended.
  const undatedEnd = has('equality') ? nowMonth - 1 : nowMonth;
  facts.endMonth = monthKeyOf(Math.min(nowMonth, latestMonth(facts) ?? undatedEnd));
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
