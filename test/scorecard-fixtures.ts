import type { Db } from '#src/db/client.ts';
import { orgUnit, orgUnitParent, scorecardAction, scorecardSeries, signal, spot } from '#src/db/schema.ts';
import { FORMATS, METRICS, type MetricDefinition } from '#src/metrics/catalogue.ts';
import type { FunnelSummary, SeriesData, SuppressionCode } from '#src/metrics/schema.ts';
import { funnelPoints, funnelProportions, funnelRates } from '#src/stats/funnel/funnel.ts';
import { spc } from '#src/stats/spc/index.ts';
import type { buildTrust } from './factories.ts';

type Trust = Awaited<ReturnType<typeof buildTrust>>;

/**
 * A value the small teams "really" have, written into their suppressed points on purpose: the views
 * must go by the suppression code and never show it, so tests search every page and download for it.
 */
export const HIDDEN_VALUE = 86.7531;
export const HIDDEN_NUMERATOR = 86753;
export const HIDDEN_STRINGS = ['86.75', '86.8', '86,753', '86753'];

/** `count` months ending in October 2026, oldest first. */
export function monthsToOctober2026(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const month = 2026 * 12 + 9 - (count - 1) + i;
    return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  });
}
export const MONTHS = monthsToOctober2026(24);
export const YEARS = ['2021', '2022', '2023', '2024', '2025'];
const FUNNEL_WINDOW = 6;

/** A small deterministic generator, so fixtures are the same on every run. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const BASE_RATIO: Record<string, number> = { percent: 0.6, 'rate-100': 0.05, 'rate-1000': 0.004, score: 6.8, minutes: 9, seconds: 4 };

interface UnitPlan {
  unitId: number;
  parentId: number | null;
  size: number;
  /** Suppressed for every metric with a minimum (code 1). */
  small: boolean;
  /** A rising sickness absence rate in the last months: special cause of concern. */
  worsening: boolean;
}

function seriesFor(
  definition: MetricDefinition,
  plan: UnitPlan,
  target: number | null,
  months: readonly string[],
): { data: SeriesData; window: { numerator: number; denominator: number } | null } {
  const periods = definition.frequency === 'year' ? YEARS : months;
  const random = generator(plan.unitId * 7919 + definition.key.length * 104729 + definition.key.charCodeAt(0));
  const scale = FORMATS[definition.format].scale;
  const isScore = definition.format === 'score' || definition.format === 'minutes' || definition.format === 'seconds';
  const base = definition.key === 'sickness_absence_rate' ? 0.05 : (BASE_RATIO[definition.format] ?? 0.5);
  const suppressible = definition.suppressionRule !== 'none';
  const numerators: (number | null)[] = [];
  const denominators: (number | null)[] = [];
  const values: (number | null)[] = [];
  const suppressed: SuppressionCode[] = [];
  let windowNumerator = 0;
  let windowDenominator = 0;
  periods.forEach((_, i) => {
    const denominator = definition.format === 'rate-1000' ? plan.size * 40 : plan.size;
    const drift = plan.worsening && definition.key === 'sickness_absence_rate' && i >= periods.length - 7 ? 1.8 : 1;
    const ratio = base * drift * (0.9 + random() * 0.2);
    const numerator = isScore ? ratio * denominator : Math.round(ratio * denominator * 100) / 100;
    const value = isScore ? ratio * scale : (numerator / denominator) * scale;
    if (plan.small && suppressible) {
      // The hidden truth, written where the engine would write null (see HIDDEN_VALUE).
      numerators.push(HIDDEN_NUMERATOR);
      denominators.push(plan.size);
      values.push(HIDDEN_VALUE);
      suppressed.push(1);
      return;
    }
    numerators.push(numerator);
    denominators.push(denominator);
    values.push(value);
    suppressed.push(0);
    if (i >= periods.length - FUNNEL_WINDOW) {
      windowNumerator += numerator;
      windowDenominator += denominator;
    }
  });
  const published = values.map((v, i) => (suppressed[i] === 0 ? v : null));
  const chart = spc(published, { improvement: definition.polarity, ...(target === null ? {} : { target }) });
  return {
    data: {
      periods: [...periods],
      numerators,
      denominators,
      values,
      suppressed,
      mean: chart.mean,
      lower: chart.lower,
      upper: chart.upper,
      pointTypes: chart.points.map((p) => p.type),
      funnel: null,
    },
    window: plan.small && suppressible ? null : { numerator: windowNumerator, denominator: windowDenominator },
  };
}

async function addTeam(db: Db, code: string, name: string, parentId: number): Promise<number> {
  const [row] = await db.insert(orgUnit).values({ code, name, level: 'team', openedOn: '2020-01-01' }).returning({ id: orgUnit.id });
  if (!row) throw new Error('unit not inserted');
  await db.insert(orgUnitParent).values({ unitId: row.id, parentId, validFrom: '2020-01-01' });
  return row.id;
}

/**
 * Series for every unit of a `buildTrust` tree (plus two more north teams, so the north hub's teams
 * have a funnel) and every catalogue metric, computed with the real SPC and funnel functions;
 * signals, spots and actions for the north. The south team (3 staff) and the HR team (1) and their
 * parents are suppressed for every metric with a minimum; the engine's complementary suppression
 * is not reproduced (one complementary cell is set by hand on the operations directorate).
 */
export async function buildScorecard(db: Db, trust: Trust, options: { months?: number } = {}) {
  const months = monthsToOctober2026(options.months ?? MONTHS.length);
  const { units } = trust;
  const northTeam2 = await addTeam(db, 'TST-EO-N-2', 'North team 2', units.northHub);
  const northTeam3 = await addTeam(db, 'TST-EO-N-3', 'North team 3', units.northHub);
  const plans: UnitPlan[] = [
    { unitId: units.trust, parentId: null, size: 120, small: false, worsening: false },
    { unitId: units.operations, parentId: units.trust, size: 110, small: false, worsening: false },
    { unitId: units.corporate, parentId: units.trust, size: 1, small: true, worsening: false },
    { unitId: units.northHub, parentId: units.operations, size: 107, small: false, worsening: true },
    { unitId: units.southHub, parentId: units.operations, size: 3, small: true, worsening: false },
    { unitId: units.northTeam, parentId: units.northHub, size: 13, small: false, worsening: true },
    { unitId: northTeam2, parentId: units.northHub, size: 40, small: false, worsening: false },
    { unitId: northTeam3, parentId: units.northHub, size: 54, small: false, worsening: false },
    { unitId: units.southTeam, parentId: units.southHub, size: 3, small: true, worsening: false },
    { unitId: units.hrTeam, parentId: units.corporate, size: 1, small: true, worsening: false },
  ];
  const computedAt = new Date('2026-11-01T06:00:00Z');
  const rows: (typeof scorecardSeries.$inferInsert)[] = [];
  for (const definition of METRICS) {
    const built = plans.map((plan) => ({ plan, ...seriesFor(definition, plan, null, months) }));
    if (definition.key === 'sickness_absence_rate') {
      const operations = built.find((b) => b.plan.unitId === units.operations);
      if (operations) {
        for (const i of [3, 4]) {
          operations.data.values[i] = HIDDEN_VALUE;
          operations.data.suppressed[i] = 2;
        }
      }
    }
    if (definition.funnel) attachFunnels(definition, built);
    for (const { plan, data } of built) {
      const last = data.periods.length - 1;
      const shown = data.suppressed[last] === 0;
      const chart = spc(data.values.map((v, i) => (data.suppressed[i] === 0 ? v : null)), { improvement: definition.polarity });
      rows.push({
        unitId: plan.unitId,
        metricKey: definition.key,
        data,
        latestPeriod: data.periods[last] ?? null,
        // Deliberately the hidden value for suppressed cells: views must check the suppression code.
        latestValue: data.values[last] ?? null,
        variation: shown ? chart.variation : null,
        assurance: shown ? chart.assurance : null,
        funnelPosition: data.funnel?.position ?? null,
        hash: `${plan.unitId}:${definition.key}`,
        computedAt,
      });
    }
  }
  await db.insert(scorecardSeries).values(rows);

  const [concern, improvement] = await db
    .insert(signal)
    .values([
      {
        fingerprint: `fixture:${units.northTeam}:sickness`,
        unitId: units.northTeam,
        metricKey: 'sickness_absence_rate',
        source: 'sickness',
        kind: 'concern',
        rule: 'spc',
        sincePeriod: '2026-04',
        lastPeriod: '2026-10',
        strength: 2,
        evidence: 'Sickness absence rate: special cause of concern since April 2026 (7 months above the mean).',
      },
      {
        fingerprint: `fixture:${units.northTeam}:training`,
        unitId: units.northTeam,
        metricKey: 'training_compliance',
        source: 'development',
        kind: 'improvement',
        rule: 'spc',
        sincePeriod: '2026-06',
        lastPeriod: '2026-10',
        strength: 2,
        status: 'acknowledged',
        evidence: 'Statutory and mandatory training: special cause of improvement since June 2026.',
      },
    ])
    .returning({ id: signal.id });
  if (!concern || !improvement) throw new Error('signals not inserted');
  await db.insert(spot).values([
    {
      unitId: units.northHub,
      kind: 'dark',
      rank: 1,
      sources: 2,
      strength: 4,
      headcount: 107,
      evidence: [
        { signalId: concern.id, source: 'sickness', metricKey: 'sickness_absence_rate', kind: 'concern', evidence: 'Sickness absence rate: special cause of concern since April 2026.' },
        { signalId: concern.id, source: 'speak-up', metricKey: 'speak_up_concerns', kind: 'concern', evidence: 'Speak-up concerns: 9 in 6 months where 3.1 were expected.' },
      ],
      computedAt,
    },
    {
      unitId: northTeam3,
      kind: 'bright',
      rank: 1,
      sources: 2,
      strength: 4,
      headcount: 54,
      evidence: [
        { signalId: improvement.id, source: 'development', metricKey: 'training_compliance', kind: 'improvement', evidence: 'Statutory and mandatory training: special cause of improvement since June 2026.' },
        { signalId: improvement.id, source: 'survey', metricKey: 'staff_engagement', kind: 'improvement', evidence: 'Staff engagement 7.4, above the 99.8% funnel limit.' },
      ],
      computedAt,
    },
    {
      unitId: units.northTeam,
      kind: 'watch',
      rank: 1,
      sources: 1,
      strength: 2,
      headcount: 13,
      evidence: [{ signalId: concern.id, source: 'sickness', metricKey: 'sickness_absence_rate', kind: 'concern', evidence: 'Sickness absence rate: special cause of concern since April 2026.' }],
      computedAt,
    },
  ]);
  await db.insert(scorecardAction).values({
    unitId: units.northTeam,
    signalId: concern.id,
    description: 'Return-to-work conversations for every absence',
    owner: 'Team manager',
    dueOn: '2026-12-01',
    reviewOn: '2027-01-15',
    createdBy: trust.accounts.manager.accountId,
  });
  return { units: { ...units, northTeam2, northTeam3 }, signals: { concern: concern.id, improvement: improvement.id } };
}

/** Each sibling group's funnel over the latest window, as the engine would store it (display units). */
function attachFunnels(definition: MetricDefinition, built: { plan: UnitPlan; data: SeriesData; window: { numerator: number; denominator: number } | null }[]): void {
  const scale = definition.format === 'score' ? 10 : FORMATS[definition.format].scale;
  const byParent = new Map<number, typeof built>();
  for (const entry of built) {
    if (entry.plan.parentId === null || !entry.window) continue;
    const group = byParent.get(entry.plan.parentId) ?? [];
    group.push(entry);
    byParent.set(entry.plan.parentId, group);
  }
  for (const group of byParent.values()) {
    // A score enters the funnel as a proportion of its maximum of 10, as the engine does.
    const numerators = group.map((g) => (g.window?.numerator ?? 0) / (definition.format === 'score' ? 10 : 1));
    const denominators = group.map((g) => g.window?.denominator ?? 0);
    const options = { polarity: definition.polarity };
    const result = definition.funnel === 'proportion' ? funnelProportions({ numerators, denominators }, options) : funnelRates({ events: numerators, exposure: denominators }, options);
    if (result.kind !== 'funnel') continue;
    for (const point of funnelPoints(result)) {
      const entry = group[point.index];
      if (!entry) continue;
      const summary: FunnelSummary = {
        fromPeriod: entry.data.periods.at(-FUNNEL_WINDOW) ?? '',
        toPeriod: entry.data.periods.at(-1) ?? '',
        value: point.value * scale,
        size: point.size,
        target: result.spec.target * scale,
        lower95: point.lower95 * scale,
        upper95: point.upper95 * scale,
        lower998: point.lower998 * scale,
        upper998: point.upper998 * scale,
        position: point.position,
        z: point.zScore ?? 0,
        adjustment: result.dispersion.applied,
        phi: result.dispersion.phi ?? 1,
      };
      entry.data.funnel = summary;
    }
  }
}
