import { describe, expect, it } from 'vitest';
import type { ReportMetric, ReportObjective } from '../snapshot.ts';
import { changesSince } from './changes.ts';

function metric(key: string, value: number | null, variation: string | null): ReportMetric {
  return {
    key,
    name: `Measure ${key}`,
    description: '',
    source: 'sickness',
    format: 'percent',
    numeratorLabel: 'Days lost',
    denominatorLabel: 'Days available',
    suppressionRule: 'workforce',
    minimumGroupSize: null,
    polarity: 'decrease',
    owner: 'Director of People',
    period: '2026-10',
    value,
    target: null,
    variation,
    assurance: null,
    series: { periods: [], numerators: [], denominators: [], values: [], suppressed: [], mean: [], lower: [], upper: [], pointTypes: [], funnel: null },
    commentary: null,
  };
}

const objective = (metrics: ReportMetric[]): ReportObjective => ({ title: 'Our people', commitment: '', metrics });

describe('what changed since the last published report', () => {
  it('is empty for the first report', () => {
    expect(changesSince(undefined, [objective([metric('a', 4, 'common_cause')])])).toEqual([]);
  });

  it('puts each metric beside its earlier value and variation, null where the earlier report lacked it', () => {
    const previous = [objective([metric('a', 4.1, 'common_cause')])];
    const current = [objective([metric('a', 5.3, 'concern_high'), metric('b', 2, null)])];
    expect(changesSince(previous, current)).toEqual([
      { metricKey: 'a', name: 'Measure a', previousValue: 4.1, value: 5.3, previousVariation: 'common_cause', variation: 'concern_high' },
      { metricKey: 'b', name: 'Measure b', previousValue: null, value: 2, previousVariation: null, variation: null },
    ]);
  });
});
