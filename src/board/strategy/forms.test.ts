import { describe, expect, it } from 'vitest';
import { parseBoardMetric, parseMeasure } from './forms.ts';

const METRICS = new Set(['leaver_rate', 'staff_engagement']);

describe('parseMeasure', () => {
  it('takes a measure without a metric as words alone', () => {
    expect(parseMeasure({ description: ' Retain our CQC rating ', metricKey: '' }, METRICS)).toEqual({
      ok: true,
      data: { description: 'Retain our CQC rating', metricKey: null, baselineValue: null, baselinePeriod: null, targetValue: null, targetPeriod: null },
    });
  });

  it('takes monthly or yearly figures in display units, commas allowed', () => {
    const yearly = parseMeasure({ description: 'Engagement', metricKey: 'staff_engagement', baselineValue: '5.75', baselinePeriod: '2021', targetValue: '6.1', targetPeriod: '2026' }, METRICS);
    expect(yearly).toMatchObject({ ok: true, data: { baselineValue: 5.75, baselinePeriod: '2021', targetValue: 6.1, targetPeriod: '2026' } });
    const monthly = parseMeasure({ description: 'Leavers', metricKey: 'leaver_rate', baselineValue: '1,010.9', baselinePeriod: '2022-10', targetValue: '-9', targetPeriod: '2027-03' }, METRICS);
    expect(monthly).toMatchObject({ ok: true, data: { baselineValue: 1010.9, targetValue: -9 } });
  });

  it('names each wrong figure, in the order of the form', () => {
    const result = parseMeasure({ description: 'Leavers', metricKey: 'leaver_rate', baselineValue: '10%', baselinePeriod: '', targetValue: '9', targetPeriod: 'soon' }, METRICS);
    expect(result).toEqual({
      ok: false,
      errors: {
        baselineValue: 'Baseline value must be a number, like 10.7',
        baselinePeriod: 'Enter the baseline period',
        targetPeriod: 'Target period must be a month like 2021-03, or a year like 2021 for a staff survey result',
      },
    });
  });

  it('needs the target after the baseline, and a metric for any figure', () => {
    expect(parseMeasure({ description: 'x', metricKey: 'leaver_rate', baselineValue: '1', baselinePeriod: '2026-03', targetValue: '2', targetPeriod: '2026' }, METRICS)).toMatchObject({ ok: true });
    expect(parseMeasure({ description: 'x', metricKey: 'leaver_rate', baselineValue: '1', baselinePeriod: '2026', targetValue: '2', targetPeriod: '2026-12' }, METRICS)).toEqual({
      ok: false,
      errors: { targetPeriod: 'Target period must be after the baseline period' },
    });
    expect(parseMeasure({ description: '', metricKey: '', targetValue: '17' }, METRICS)).toEqual({
      ok: false,
      errors: { description: 'Enter what will show success', metricKey: 'Choose the metric the baseline and target are measured by, or clear the baseline and target' },
    });
  });
});

describe('parseBoardMetric', () => {
  it('needs a known objective, a catalogue metric and the owner’s title', () => {
    expect(parseBoardMetric({ objectiveId: '2', metricKey: 'leaver_rate', owner: ' Director of People ' }, new Set([2]), METRICS)).toEqual({
      ok: true,
      data: { objectiveId: 2, metricKey: 'leaver_rate', owner: 'Director of People' },
    });
    expect(parseBoardMetric({ objectiveId: '3', metricKey: 'nope', owner: '' }, new Set([2]), METRICS)).toEqual({
      ok: false,
      errors: { objectiveId: 'Choose the objective the metric serves', metricKey: 'Choose a metric from the list', owner: 'Enter the owner’s job title' },
    });
  });
});
