import { describe, expect, it } from 'vitest';
import { describeImpact } from './describe.ts';
import { IMPACT_DEFAULTS, type ImpactEstimate, type ImpactInsufficientData } from './estimate.ts';

const turnover = { name: 'turnover', units: 'percentage points' };

const estimate = (overrides: Partial<ImpactEstimate>): ImpactEstimate => ({
  kind: 'estimate',
  att: -1.8,
  interval: { lower: -3.1, upper: -0.4, level: 0.95 },
  treatedUsed: 23,
  leftOut: [],
  stacks: [],
  placebo: { kind: 'estimate', att: 0.1, interval: { lower: -0.5, upper: 0.7, level: 0.95 }, treatedUsed: 23 },
  preTrend: 'similar',
  isCredible: true,
  settings: { ...IMPACT_DEFAULTS },
  ...overrides,
});

describe('describeImpact', () => {
  it('reports a clear fall as impact.md words it', () => {
    expect(describeImpact(estimate({}), turnover)).toBe(
      'Teams led by graduates saw turnover fall by 1.8 percentage points more than comparable teams (95% interval 0.4 to 3.1; 23 teams; pre-trends similar).',
    );
  });

  it('reports a clear rise, with the caller’s subject, units and decimals', () => {
    const rise = estimate({ att: 0.456, interval: { lower: 0.12, upper: 0.81, level: 0.95 }, treatedUsed: 1 });
    expect(describeImpact(rise, { name: 'employee-relations cases', units: 'cases per 100 staff', decimals: 2 }, 'teams with a new manager')).toBe(
      'Teams with a new manager saw employee-relations cases rise by 0.46 cases per 100 staff more than comparable teams (95% interval 0.12 to 0.81; 1 team; pre-trends similar).',
    );
  });

  it('says the data cannot tell when the interval includes no difference', () => {
    const unclear = estimate({ att: -0.6, interval: { lower: -2.1, upper: 0.9, level: 0.95 } });
    expect(describeImpact(unclear, turnover)).toBe(
      'The data cannot tell whether teams led by graduates saw turnover change differently from comparable teams: the estimate is a fall of 0.6 percentage points, but the 95% interval runs from a fall of 2.1 percentage points to a rise of 0.9 percentage points (23 teams; pre-trends similar).',
    );
  });

  it('says the data cannot tell when pre-trends differed, giving both estimates', () => {
    const drifting = estimate({
      placebo: { kind: 'estimate', att: -0.9, interval: { lower: -1.6, upper: -0.2, level: 0.95 }, treatedUsed: 23 },
      preTrend: 'different',
      isCredible: false,
    });
    expect(describeImpact(drifting, turnover)).toBe(
      'The data cannot tell whether teams led by graduates saw turnover change differently from comparable teams: turnover in these teams was already falling by 0.9 percentage points more than in comparable teams before the change (95% interval 0.2 to 1.6), so the estimate (a fall of 1.8 percentage points; 95% interval 0.4 to 3.1; 23 teams) cannot be credited to it.',
    );
  });

  it('says the data cannot tell when pre-trends could not be checked', () => {
    const unchecked = estimate({ placebo: { kind: 'insufficient-data', treatedUsed: 3, needed: 5 }, preTrend: 'unchecked', isCredible: false });
    expect(describeImpact(unchecked, turnover)).toBe(
      'The data cannot tell whether teams led by graduates saw turnover change differently from comparable teams: too few teams had enough months before the change to check that their trends matched comparable teams beforehand (estimate a fall of 1.8 percentage points; 95% interval 0.4 to 3.1; 23 teams).',
    );
  });

  it('says the data cannot tell when there are too few teams', () => {
    const few: ImpactInsufficientData = {
      kind: 'insufficient-data',
      reason: 'too-few-treated-teams',
      needed: 5,
      treatedUsed: 2,
      leftOut: [],
      stacks: [],
      settings: { ...IMPACT_DEFAULTS },
    };
    expect(describeImpact(few, turnover)).toBe(
      'The data cannot tell whether teams led by graduates saw turnover change differently from comparable teams: only 2 teams had 6 months of data before and 6 after the change and a comparable team to set against, and at least 5 are needed.',
    );
  });

  it('calls an estimate that rounds to zero no difference', () => {
    const zero = estimate({ att: 0.01, interval: { lower: -1, upper: 1, level: 0.95 } });
    expect(describeImpact(zero, { name: 'sickness absence', units: '' })).toContain('the estimate is no difference, but the 95% interval runs from a fall of 1.0 to a rise of 1.0');
  });
});
