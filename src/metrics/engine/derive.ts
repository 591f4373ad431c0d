import { BULLYING_CASE_TYPE, LONG_TERM_SICKNESS_DAYS, SEXUAL_SAFETY_COMPETENCE, type TrustFacts } from '#src/metrics/facts.ts';
import { MEASURE } from '#src/metrics/operational-measures.ts';
import { dayOf, monthEndDay, monthOfDay, monthOrdinal, monthStartDay, monthsEndingAt } from './calendar.ts';
import { SERIES_MONTHS, type EngineMetric } from './metric.ts';
import { createObservations, type Observations } from './observations.ts';
import { ethnicMinorityShare } from './representation.ts';
import { scoreSurveyResponse, SURVEY_SCORES } from './survey-scoring.ts';
import type { UnitTree } from './tree.ts';
import { deriveStaffing, type Staffing } from './workforce.ts';

/** Observations per metric key, for the metrics asked for. */
export type ObservationSet = Map<string, Observations>;

export interface Derived {
  observations: ObservationSet;
  /** Headcount at the end of the last month per unit, rolled up (ranks spots). */
  headcount: Float64Array;
}

const DAYS_IN_YEAR = 365;

/** Memoised by argument: the facts repeat a few thousand dates across hundreds of thousands of rows. */
function memoised<K, V>(f: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = f(key);
      cache.set(key, value);
    }
    return value;
  };
}

/**
 * Facts → team × month observations (numerator, denominator, group size) for each metric, at the
 * unit each fact is recorded at. Formulas: `../shared/methods/metrics.md` and the catalogue.
 */
export function deriveObservations(facts: TrustFacts, tree: UnitTree, metrics: readonly EngineMetric[]): Derived {
  const months = monthsEndingAt(facts.endMonth, SERIES_MONTHS);
  const first = monthOrdinal(months[0] ?? facts.endMonth);
  const T = months.length;
  const U = tree.size;
  const wanted = new Set(metrics.map((m) => m.key));
  const out: ObservationSet = new Map();
  const unitOf = (id: number): number => tree.indexById.get(id) ?? -1;
  const ordinalOf = memoised(monthOrdinal);
  const monthIndexOf = (date: string): number => ordinalOf(date) - first;
  const staffing = deriveStaffing(facts, tree, first, T);

  const monthly = (key: string, withPresence = false): Observations | null => {
    if (!wanted.has(key)) return null;
    const o = createObservations(key, months, U, withPresence);
    out.set(key, o);
    return o;
  };
  /** Counts of dated events per unit × month. */
  const countEvents = <R>(rows: readonly R[], unit: (r: R) => number, date: (r: R) => string, keep: (r: R) => boolean = () => true): Float64Array => {
    const counts = new Float64Array(U * T);
    for (const r of rows) {
      const u = unitOf(unit(r));
      const t = monthIndexOf(date(r));
      if (u >= 0 && t >= 0 && t < T && keep(r)) counts[u * T + t]! += 1;
    }
    return counts;
  };

  {
    sickness(facts, staffing, monthly('sickness_absence_rate'), monthly('sickness_long_term_share'), unitOf, first);
    retention(facts, staffing, monthly('leaver_rate'), monthly('stability_index'), monthly('first_year_leavers'), unitOf, monthIndexOf);
    vacancy(facts, staffing, monthly('vacancy_rate'), unitOf, monthIndexOf);
    appraisal(facts, staffing, monthly('appraisal_rate'), first);
    training(facts, staffing, monthly('training_compliance'), monthly('sexual_safety_training'), unitOf, monthIndexOf);
    ethnicMinorityShare(facts, staffing, monthly('ethnic_minority_share'));
    const erAll = monthly('employee_relations_cases');
    if (erAll) perStaffYear(erAll, countEvents(facts.employeeRelations, (r) => r.unitId, (r) => r.openedOn), staffing);
    const erBullying = monthly('bullying_harassment_cases');
    if (erBullying) perStaffYear(erBullying, countEvents(facts.employeeRelations, (r) => r.unitId, (r) => r.openedOn, (r) => r.caseType === BULLYING_CASE_TYPE), staffing);
    const concerns = countEvents(facts.speakUp, (r) => r.unitId, (r) => r.receivedOn);
    const speakUp = monthly('speak_up_concerns');
    if (speakUp) perStaffYear(speakUp, concerns, staffing);
    const detriment = monthly('speak_up_detriment');
    if (detriment) {
      detriment.numerator.set(countEvents(facts.speakUp, (r) => r.unitId, (r) => r.receivedOn, (r) => r.detrimentIndicated));
      detriment.denominator.set(concerns);
      detriment.group.set(staffing.headcount);
    }
  }

  const incidents = new Float64Array(U * T);
  const figures = new Map<string, { values: Float64Array; present: Uint8Array }>();
  for (const r of facts.operational) {
    const u = unitOf(r.unitId);
    const t = monthIndexOf(r.month);
    if (u < 0 || t < 0 || t >= T) continue;
    let figure = figures.get(r.measure);
    if (!figure) {
      figure = { values: new Float64Array(U * T), present: new Uint8Array(U * T) };
      figures.set(r.measure, figure);
    }
    figure.values[u * T + t] = r.value;
    figure.present[u * T + t] = 1;
    if (r.measure === MEASURE.incidents) incidents[u * T + t] = r.value;
  }
  for (const [key, rows] of [
    ['complaints_rate', facts.complaints],
    ['compliments_rate', facts.compliments],
  ] as const) {
    const o = monthly(key);
    if (!o) continue;
    o.numerator.set(countEvents(rows, (r) => r.unitId, (r) => r.receivedOn));
    o.denominator.set(incidents);
  }
  operational(figures, monthly, incidents);

  survey(facts, tree, metrics, out, unitOf);
  return { observations: out, headcount: latestHeadcount(tree, staffing) };
}

function latestHeadcount(tree: UnitTree, s: Staffing): Float64Array {
  const T = s.months;
  const heads = new Float64Array(tree.size);
  for (let u = 0; u < tree.size; u++) heads[u] = s.headcount[u * T + T - 1] ?? 0;
  for (let k = tree.size - 1; k >= 0; k--) {
    const u = tree.order[k]!;
    const p = tree.parent[u]!;
    if (p >= 0) heads[p]! += heads[u]!;
  }
  return heads;
}

function perStaffYear(o: Observations, counts: Float64Array, staffing: Staffing): void {
  o.numerator.set(counts);
  o.denominator.set(staffing.staffYears);
  o.group.set(staffing.headcount);
}

/**
 * Sickness: each episode's FTE days lost spread evenly over its calendar days and split across the
 * months they fall in; an open episode runs to the end of the last month. Long-term: an episode of
 * 28 calendar days or more.
 */
function sickness(facts: TrustFacts, s: Staffing, rate: Observations | null, longTerm: Observations | null, unitOf: (id: number) => number, first: number): void {
  if (!rate && !longTerm) return;
  const T = s.months;
  const lost = new Float64Array(s.headcount.length);
  const lostLong = new Float64Array(s.headcount.length);
  const lastDay = monthEndDay(first + T - 1);
  const firstDay = monthStartDay(first);
  const day = memoised(dayOf);
  const monthOf = memoised(monthOfDay);
  const starts = Float64Array.from({ length: T }, (_, t) => monthStartDay(first + t));
  const ends = Float64Array.from({ length: T }, (_, t) => monthEndDay(first + t));
  for (const e of facts.sickness) {
    const u = unitOf(e.unitId);
    if (u < 0) continue;
    const start = day(e.startDate);
    const end = Math.min(e.endDate === null ? lastDay : day(e.endDate), lastDay);
    if (end < firstDay || end < start) continue;
    const days = end - start + 1;
    const perDay = e.fteDaysLost / (e.calendarDaysLost > 0 ? e.calendarDaysLost : days);
    const isLong = days >= LONG_TERM_SICKNESS_DAYS;
    for (let t = Math.max(monthOf(start) - first, 0), last = monthOf(end) - first; t <= last; t++) {
      const overlap = Math.min(end, ends[t]!) - Math.max(start, starts[t]!) + 1;
      const cell = u * T + t;
      lost[cell]! += overlap * perDay;
      if (isLong) lostLong[cell]! += overlap * perDay;
    }
  }
  if (rate) {
    rate.numerator.set(lost);
    rate.denominator.set(s.fteDays);
    rate.group.set(s.headcount);
  }
  if (longTerm) {
    longTerm.numerator.set(lostLong);
    longTerm.denominator.set(lost);
    longTerm.group.set(s.headcount);
  }
}

/**
 * Leaver rate: leavers in the 12 months to the month over the average month-end headcount of those
 * months. Stability: people in post at the end of the month 12 months earlier (at the unit they were
 * in then) still in post in the trust at the month's end. First-year leavers: leavers with under a
 * year's service in the 12 months to the month over starters in the 12 months before those. Each
 * needs its full look-back inside the 60 months, so earlier months have no value.
 */
function retention(
  facts: TrustFacts,
  s: Staffing,
  leaverRate: Observations | null,
  stability: Observations | null,
  firstYear: Observations | null,
  unitOf: (id: number) => number,
  monthIndexOf: (date: string) => number,
): void {
  const T = s.months;
  const U = s.headcount.length / T;
  const leavers = new Float64Array(U * T);
  const earlyLeavers = new Float64Array(U * T);
  for (const r of facts.leavers) {
    const u = unitOf(r.unitId);
    const t = monthIndexOf(r.terminationDate);
    if (u < 0 || t < 0 || t >= T) continue;
    leavers[u * T + t]! += 1;
    if (r.lengthOfServiceYears < 1) earlyLeavers[u * T + t]! += 1;
  }
  const starters = new Float64Array(U * T);
  for (const r of facts.starters) {
    const u = unitOf(r.unitId);
    const t = monthIndexOf(r.startDate);
    if (u >= 0 && t >= 0 && t < T) starters[u * T + t]! += 1;
  }
  for (let u = 0; u < U; u++) {
    const base = u * T;
    for (let t = 11; t < T; t++) {
      let left = 0;
      let early = 0;
      let heads = 0;
      for (let k = t - 11; k <= t; k++) {
        left += leavers[base + k]!;
        early += earlyLeavers[base + k]!;
        heads += s.headcount[base + k]!;
      }
      if (leaverRate) {
        leaverRate.numerator[base + t] = left;
        leaverRate.denominator[base + t] = heads / 12;
        leaverRate.group[base + t] = s.headcount[base + t]!;
      }
      if (firstYear && t >= 23) {
        let started = 0;
        for (let k = t - 23; k <= t - 12; k++) started += starters[base + k]!;
        firstYear.numerator[base + t] = early;
        firstYear.denominator[base + t] = started;
        firstYear.group[base + t] = started;
      }
    }
  }
  if (stability) {
    const people = s.serviceStart.length;
    for (let p = 0; p < people; p++) {
      for (let t = 12; t < T; t++) {
        const u = s.unitAtEnd[p * T + t - 12]!;
        if (u < 0) continue;
        stability.denominator[u * T + t]! += 1;
        if (s.unitAtEnd[p * T + t]! >= 0) stability.numerator[u * T + t]! += 1;
      }
    }
    stability.group.set(stability.denominator);
  }
}

/** Vacancy: establishment FTE less FTE in post at the month end, where the unit has an establishment. */
function vacancy(facts: TrustFacts, s: Staffing, o: Observations | null, unitOf: (id: number) => number, monthIndexOf: (date: string) => number): void {
  if (!o) return;
  const T = s.months;
  for (const r of facts.establishment) {
    const u = unitOf(r.unitId);
    const t = monthIndexOf(r.month);
    if (u < 0 || t < 0 || t >= T) continue;
    o.denominator[u * T + t]! += r.budgetedFte;
  }
  for (let cell = 0; cell < o.denominator.length; cell++) {
    if (o.denominator[cell]! > 0) o.numerator[cell] = o.denominator[cell]! - s.fte[cell]!;
  }
  o.group.set(s.headcount);
}

/**
 * Appraisal: people in post at the month end with at least 12 months' service (eligible), and of
 * them those with an appraisal in the 12 months to the month end, at the unit they are in then.
 */
function appraisal(facts: TrustFacts, s: Staffing, o: Observations | null, first: number): void {
  if (!o) return;
  const T = s.months;
  const byPerson = new Map<number, number[]>();
  const day = memoised(dayOf);
  for (const r of facts.appraisals) {
    const p = s.personIndex.get(r.staffNumber);
    if (p === undefined) continue;
    const days = byPerson.get(p) ?? [];
    days.push(day(r.appraisalDate));
    byPerson.set(p, days);
  }
  let earliest = Number.POSITIVE_INFINITY;
  for (const days of byPerson.values()) {
    days.sort((a, b) => a - b);
    earliest = Math.min(earliest, days[0]!);
  }
  // A month end counts only once the records cover the whole 12 months before it: earlier rates
  // would be low for want of history, not of appraisals.
  const covered = Number.isFinite(earliest) ? monthStartDay(monthOfDay(earliest)) : Number.POSITIVE_INFINITY;
  const ends = Float64Array.from({ length: T }, (_, t) => monthEndDay(first + t));
  const people = s.serviceStart.length;
  for (let p = 0; p < people; p++) {
    const days = byPerson.get(p);
    let next = 0;
    for (let t = 0; t < T; t++) {
      const u = s.unitAtEnd[p * T + t]!;
      if (u < 0) continue;
      const end = ends[t]!;
      if (end - DAYS_IN_YEAR + 1 < covered || s.serviceStart[p]! > end - DAYS_IN_YEAR) continue;
      o.denominator[u * T + t]! += 1;
      if (!days) continue;
      while (next < days.length && days[next]! <= end) next++;
      const latest = next > 0 ? days[next - 1]! : Number.NEGATIVE_INFINITY;
      if (latest > end - DAYS_IN_YEAR) o.numerator[u * T + t]! += 1;
    }
  }
  o.group.set(o.denominator);
}

/** Training compliance: places in date over places required, every competence but sexual safety, which is its own metric. */
function training(facts: TrustFacts, s: Staffing, overall: Observations | null, sexual: Observations | null, unitOf: (id: number) => number, monthIndexOf: (date: string) => number): void {
  const T = s.months;
  for (const r of facts.training) {
    const u = unitOf(r.unitId);
    const t = monthIndexOf(r.month);
    if (u < 0 || t < 0 || t >= T) continue;
    const o = r.competence === SEXUAL_SAFETY_COMPETENCE ? sexual : overall;
    if (!o) continue;
    o.numerator[u * T + t]! += r.compliant;
    o.denominator[u * T + t]! += r.required;
  }
  overall?.group.set(s.headcount);
  if (sexual) sexual.group.set(sexual.denominator);
}

/** Operational figures as reported per unit: response times in minutes over incidents, handovers and calls as proportions. */
function operational(
  figures: Map<string, { values: Float64Array; present: Uint8Array }>,
  monthly: (key: string, withPresence?: boolean) => Observations | null,
  incidents: Float64Array,
): void {
  const durations = [
    ['c1_mean', MEASURE.c1Mean],
    ['c1_90th', MEASURE.c1p90],
    ['c2_mean', MEASURE.c2Mean],
    ['c2_90th', MEASURE.c2p90],
    ['c3_90th', MEASURE.c3p90],
    ['c4_90th', MEASURE.c4p90],
  ] as const;
  for (const [key, measure] of durations) {
    const figure = figures.get(measure);
    const o = monthly(key, true);
    if (!o || !figure) continue;
    for (let cell = 0; cell < o.numerator.length; cell++) {
      if (!figure.present[cell]) continue;
      o.numerator[cell] = figure.values[cell]! / 60;
      o.denominator[cell] = incidents[cell]!;
      o.present![cell] = 1;
    }
  }
  const proportions = [
    ['handover_15', MEASURE.handovers15, MEASURE.handovers],
    ['handover_30', MEASURE.handovers30, MEASURE.handovers],
    ['handover_60', MEASURE.handovers60, MEASURE.handovers],
    ['calls_999_within_5s', MEASURE.calls999Within5s, MEASURE.calls999Answered],
  ] as const;
  for (const [key, top, bottom] of proportions) {
    const o = monthly(key);
    const numerator = figures.get(top);
    const denominator = figures.get(bottom);
    if (!o || !numerator || !denominator) continue;
    for (let cell = 0; cell < o.numerator.length; cell++) {
      if (!numerator.present[cell] || !denominator.present[cell]) continue;
      o.numerator[cell] = numerator.values[cell]!;
      o.denominator[cell] = denominator.values[cell]!;
    }
  }
}

/**
 * Staff survey, one period per survey year in the facts: each respondent's scores (survey-scoring.ts)
 * summed per unit over respondents with a score. Published team results fill unit-years that have
 * no respondent-level rows (score × respondents; a percentage as a share).
 */
function survey(facts: TrustFacts, tree: UnitTree, metrics: readonly EngineMetric[], out: ObservationSet, unitOf: (id: number) => number): void {
  const keys = metrics.filter((m) => m.source === 'survey').map((m) => m.key);
  if (keys.length === 0) return;
  const years = [...new Set([...facts.surveyResponses.map((r) => r.surveyYear), ...facts.surveyTeamResults.map((r) => r.surveyYear)])]
    .filter((y) => y <= Number(facts.endMonth.slice(0, 4)))
    .sort((a, b) => a - b);
  const Y = years.length;
  const yearIndex = new Map(years.map((y, i) => [y, i]));
  const periods = years.map(String);
  const obs = new Map<string, Observations>();
  for (const key of keys) {
    const o = createObservations(key, periods, tree.size);
    obs.set(key, o);
    out.set(key, o);
  }
  const respondentLevel = new Set<number>();
  const scores = new Float64Array(SURVEY_SCORES.length);
  for (const r of facts.surveyResponses) {
    const u = unitOf(r.unitId);
    const y = yearIndex.get(r.surveyYear);
    if (u < 0 || y === undefined) continue;
    const cell = u * Y + y;
    respondentLevel.add(cell);
    scoreSurveyResponse(r.answers, scores);
    SURVEY_SCORES.forEach((key, i) => {
      const o = obs.get(key);
      const score = scores[i]!;
      if (!o || Number.isNaN(score)) return;
      o.numerator[cell]! += score;
      o.denominator[cell]! += 1;
    });
  }
  for (const r of facts.surveyTeamResults) {
    const u = unitOf(r.unitId);
    const y = yearIndex.get(r.surveyYear);
    const o = obs.get(r.measure);
    const metric = metrics.find((m) => m.key === r.measure);
    if (u < 0 || y === undefined || !o || !metric) continue;
    const cell = u * Y + y;
    if (respondentLevel.has(cell)) continue;
    o.numerator[cell]! += (r.score / (metric.format === 'percent' ? 100 : 1)) * r.respondents;
    o.denominator[cell]! += r.respondents;
  }
  for (const o of obs.values()) o.group.set(o.denominator);
}
