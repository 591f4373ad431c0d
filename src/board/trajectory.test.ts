import { describe, expect, it } from 'vitest';
import { expectedAt, monthIndex, trajectory, type TrajectoryInput } from './trajectory.ts';

const percentUp = { format: 'percent', polarity: 'increase' } as const;

/** From 10% in January 2025 to 22% in January 2026: one point a month, 1.2 points of tolerance. */
function rising(actual: number | null, asOf = '2025-07', overrides: Partial<TrajectoryInput> = {}): TrajectoryInput {
  return {
    metric: percentUp,
    baseline: { value: 10, period: '2025-01' },
    target: { value: 22, period: '2026-01' },
    series: { periods: ['2025-05', '2025-06', '2025-07'], values: [13, 14, actual] },
    asOf,
    ...overrides,
  };
}

describe('monthIndex and expectedAt', () => {
  it('counts months, a year as its last month, and refuses anything else', () => {
    expect(monthIndex('2025-01')).toBe(2025 * 12);
    expect(monthIndex('2025')).toBe(monthIndex('2025-12'));
    expect(monthIndex('2025-13')).toBeNull();
    expect(monthIndex('25-01')).toBeNull();
  });

  it('runs a straight line by month, holding the baseline before it and the target after it', () => {
    const baseline = { value: 10, period: '2025-01' };
    const target = { value: 22, period: '2026-01' };
    expect(expectedAt(baseline, target, '2024-06')).toBe(10);
    expect(expectedAt(baseline, target, '2025-04')).toBe(13);
    expect(expectedAt(baseline, target, '2026-01')).toBe(22);
    expect(expectedAt(baseline, target, '2027-09')).toBe(22);
  });
});

describe('trajectory of a rising measure', () => {
  it('is on track ahead of or on the line', () => {
    const ahead = trajectory(rising(16.5));
    expect(ahead).toMatchObject({ status: 'on-track', actual: { value: 16.5, period: '2025-07' }, expected: 16, shortfall: -0.5 });
    expect(ahead.sentence).toBe('16.5% in July 2025 against 16.0% expected on the way to 22.0% by January 2026: 0.5 percentage points ahead.');
    expect(trajectory(rising(16))).toMatchObject({ status: 'on-track', shortfall: 0 });
    expect(trajectory(rising(16)).sentence).toContain(': on the line.');
  });

  it('is at risk up to a tenth of the way from baseline to target behind, off track beyond', () => {
    expect(trajectory(rising(15))).toMatchObject({ status: 'at-risk', shortfall: 1, tolerance: 1.2 });
    expect(trajectory(rising(14.8))).toMatchObject({ status: 'at-risk' });
    const behind = trajectory(rising(14.7));
    expect(behind.status).toBe('off-track');
    expect(behind.sentence).toBe('14.7% in July 2025 against 16.0% expected on the way to 22.0% by January 2026: 1.3 percentage points behind.');
  });

  it('words the evidence as the board reads it', () => {
    const result = trajectory({
      metric: percentUp,
      baseline: { value: 10.7, period: '2024-03' },
      target: { value: 17, period: '2030-03' },
      series: { periods: ['2026-08', '2026-09'], values: [12, 12.1] },
      asOf: '2026-09',
    });
    expect(result.status).toBe('off-track');
    expect(result.expected).toBeCloseTo(13.325, 9);
    expect(result.sentence).toBe('12.1% in September 2026 against 13.3% expected on the way to 17.0% by March 2030: 1.2 percentage points behind.');
  });

  it('is on track once the target is met, even early', () => {
    const early = trajectory(rising(23));
    expect(early.status).toBe('on-track');
    expect(early.sentence).toBe('23.0% in July 2025: already meets the target of 22.0% by January 2026.');
  });

  it('judges on the latest published value, skipping suppressed months, and the line where that value stands', () => {
    const result = trajectory(rising(null, '2025-07'));
    expect(result).toMatchObject({ status: 'at-risk', actual: { value: 14, period: '2025-06' }, expected: 15, shortfall: 1 });
    expect(result.sentence).toContain('14.0% in June 2025 against 15.0% expected');
  });

  it('ignores values after the as-of month', () => {
    const result = trajectory(rising(30, '2025-06'));
    expect(result.actual).toEqual({ value: 14, period: '2025-06' });
  });
});

describe('trajectory of a falling measure (turnover down)', () => {
  /** From 12% in January 2025 to 9% in July 2025: half a point a month down, 0.3 points of tolerance. */
  const falling = (actual: number, polarity: 'increase' | 'decrease' | 'neutral' = 'decrease'): TrajectoryInput => ({
    metric: { format: 'percent', polarity },
    baseline: { value: 12, period: '2025-01' },
    target: { value: 9, period: '2025-07' },
    series: { periods: ['2025-04'], values: [actual] },
    asOf: '2025-04',
  });

  it('counts lower as better', () => {
    expect(trajectory(falling(10.2))).toMatchObject({ status: 'on-track', expected: 10.5 });
    expect(trajectory(falling(10.2)).shortfall).toBeCloseTo(-0.3, 9);
    expect(trajectory(falling(10.7))).toMatchObject({ status: 'at-risk' });
    expect(trajectory(falling(11)).status).toBe('off-track');
    expect(trajectory(falling(11)).sentence).toBe('11.0% in April 2025 against 10.5% expected on the way to 9.0% by July 2025: 0.5 percentage points behind.');
    expect(trajectory(falling(8.9)).status).toBe('on-track');
  });

  it('takes the direction from the target, whatever the metric’s polarity', () => {
    expect(trajectory(falling(11, 'increase')).status).toBe('off-track');
    expect(trajectory(falling(10.2, 'neutral')).status).toBe('on-track');
  });
});

describe('trajectory of a yearly survey measure', () => {
  /** Engagement from 5.8 in the 2021 survey to 6.3 in the 2026 one: years count as December. */
  const engagement = (asOf: string, values = [5.8, 5.9, 6.0, 5.95, 6.0, 6.4]): TrajectoryInput => ({
    metric: { format: 'score', polarity: 'increase' },
    baseline: { value: 5.8, period: '2021' },
    target: { value: 6.3, period: '2026' },
    series: { periods: ['2021', '2022', '2023', '2024', '2025', '2026'], values },
    asOf,
  });

  it('compares the latest survey year with the line at that year’s end', () => {
    const result = trajectory(engagement('2026-09'));
    expect(result.actual).toEqual({ value: 6, period: '2025' });
    expect(result.expected).toBeCloseTo(6.2, 9);
    expect(result.status).toBe('off-track');
    expect(result.sentence).toBe('6.00 in 2025 against 6.20 expected on the way to 6.30 by 2026: 0.20 points behind.');
  });

  it('does not count a year before it has ended', () => {
    expect(trajectory(engagement('2025-11')).actual).toEqual({ value: 5.95, period: '2024' });
    expect(trajectory(engagement('2026-12')).actual).toEqual({ value: 6.4, period: '2026' });
  });

  it('is at risk a little behind', () => {
    expect(trajectory(engagement('2026-09', [5.8, 5.9, 6.0, 5.95, 6.17])).status).toBe('at-risk');
  });
});

describe('trajectory after the target period', () => {
  const afterTarget = (actual: number, period = '2026-09'): TrajectoryInput => ({
    metric: { format: 'minutes', polarity: 'decrease' },
    baseline: { value: 8, period: '2021-11' },
    target: { value: 7, period: '2026-03' },
    series: { periods: ['2025-12', period], values: [7.5, actual] },
    asOf: '2026-10',
  });

  it('is on track only if the target is met', () => {
    expect(trajectory(afterTarget(6.9))).toMatchObject({ status: 'on-track', expected: 7, sentence: '6.9 min in September 2026: the target of 7.0 min by March 2026 is met.' });
    const missed = trajectory(afterTarget(7.05));
    expect(missed.status).toBe('off-track');
    expect(missed.sentence).toBe('7.1 min in September 2026 against the target of 7.0 min by March 2026: 0.1 min short of it.');
    expect(trajectory(afterTarget(7.05, '2026-03')).status).toBe('off-track');
  });

  it('still follows the line while the latest value is from before the target period', () => {
    const lagging = trajectory({ ...afterTarget(7.05), series: { periods: ['2025-12'], values: [7.1] } });
    expect(lagging.actual?.period).toBe('2025-12');
    expect(lagging.status).toBe('at-risk');
  });
});

describe('trajectory with a target equal to its baseline', () => {
  const hold = (polarity: 'increase' | 'neutral', actual: number): TrajectoryInput => ({
    metric: { format: 'percent', polarity },
    baseline: { value: 95, period: '2025-01' },
    target: { value: 95, period: '2027-01' },
    series: { periods: ['2026-01'], values: [actual] },
    asOf: '2026-01',
  });

  it('takes the direction from the polarity, with 5% of the target as tolerance', () => {
    expect(trajectory(hold('increase', 94))).toMatchObject({ status: 'at-risk', shortfall: 1, tolerance: 4.75 });
    expect(trajectory(hold('increase', 90)).status).toBe('off-track');
    expect(trajectory(hold('increase', 96)).status).toBe('on-track');
  });

  it('keeps a neutral metric on track within the tolerance either side', () => {
    expect(trajectory(hold('neutral', 99)).status).toBe('on-track');
    expect(trajectory(hold('neutral', 91)).status).toBe('on-track');
    expect(trajectory(hold('neutral', 100)).status).toBe('off-track');
  });
});

describe('trajectory without data', () => {
  it('says why there is no status', () => {
    expect(trajectory(rising(16, '2025-07', { metric: null }))).toMatchObject({ status: 'no-data', sentence: 'No metric is linked to this measure.' });
    expect(trajectory(rising(16, '2025-07', { baseline: null })).status).toBe('no-data');
    expect(trajectory(rising(16, '2025-07', { target: null })).sentence).toBe('The measure has no baseline or no target yet.');
    expect(trajectory(rising(16, '2025-07', { series: null })).sentence).toBe('No published value up to July 2025.');
    const suppressed = trajectory(rising(null, '2025-07', { series: { periods: ['2025-06', '2025-07'], values: [null, null] } }));
    expect(suppressed).toMatchObject({ status: 'no-data', actual: null, expected: null, shortfall: null });
    expect(trajectory(rising(16, '2025-04')).status).toBe('no-data');
  });
});
