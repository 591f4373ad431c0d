import type { Db } from '#src/db/client.ts';
import { scorecardSeries, signal, type SeriesData } from '#src/db/schema.ts';

let fingerprintCounter = 0;

export interface SignalValues {
  unitId: number;
  metricKey?: string;
  kind?: 'concern' | 'improvement';
  status?: 'new' | 'acknowledged' | 'closed';
  evidence?: string;
  isActive?: boolean;
  sincePeriod?: string;
  createdAt?: Date;
}

/** A signal as the engine would write it (the engine itself is tested in src/metrics). */
export async function insertSignal(db: Db, values: SignalValues): Promise<number> {
  fingerprintCounter += 1;
  const [row] = await db
    .insert(signal)
    .values({
      fingerprint: `test-${fingerprintCounter}-${values.unitId}`,
      unitId: values.unitId,
      metricKey: values.metricKey ?? 'sickness_absence_rate',
      source: 'sickness',
      kind: values.kind ?? 'concern',
      rule: 'spc',
      sincePeriod: values.sincePeriod ?? '2026-05',
      lastPeriod: '2026-09',
      strength: 2,
      evidence: values.evidence ?? 'Sickness absence rate: special cause of concern since May 2026.',
      active: values.isActive === false ? 0 : 1,
      status: values.status ?? 'new',
      ...(values.createdAt ? { createdAt: values.createdAt } : {}),
    })
    .returning({ id: signal.id });
  if (!row) throw new Error('signal not inserted');
  return row.id;
}

/** A published series: `points` gives each period's value, numerator, denominator and suppression code. */
export async function insertSeries(
  db: Db,
  unitId: number,
  metricKey: string,
  points: { period: string; value: number | null; numerator: number | null; denominator: number | null; suppressed?: 0 | 1 | 2 }[],
  latest: { variation?: string; assurance?: string; funnelPosition?: string } = {},
): Promise<void> {
  const data: SeriesData = {
    periods: points.map((p) => p.period),
    numerators: points.map((p) => p.numerator),
    denominators: points.map((p) => p.denominator),
    values: points.map((p) => p.value),
    suppressed: points.map((p) => p.suppressed ?? 0),
    mean: points.map(() => null),
    lower: points.map(() => null),
    upper: points.map(() => null),
    pointTypes: points.map(() => 'common_cause'),
    funnel: null,
  };
  const last = points.at(-1);
  await db.insert(scorecardSeries).values({
    unitId,
    metricKey,
    data,
    latestPeriod: last?.period ?? null,
    latestValue: last && !last.suppressed ? last.value : null,
    variation: latest.variation ?? null,
    assurance: latest.assurance ?? null,
    funnelPosition: latest.funnelPosition ?? null,
    hash: `test-${unitId}-${metricKey}`,
    computedAt: new Date('2026-11-01T00:00:00Z'),
  });
}
