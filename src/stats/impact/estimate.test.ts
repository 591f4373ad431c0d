import { describe, expect, it } from 'vitest';
import { estimateImpact, includesZero, type ImpactEstimate, type ImpactResult } from './estimate.ts';
import type { ImpactPanel, TreatmentEvents } from './panel.ts';
import { simulatePanel } from './simulate-panel.ts';

function expectEstimate(result: ImpactResult): ImpactEstimate {
  if (result.kind !== 'estimate') throw new Error(`expected an estimate, got ${result.kind}`);
  return result;
}

/**
 * A noiseless hand-worked panel: 25 months, team t has outcome t + 0.1·month (a common trend) and
 * headcount 10 + t. Teams 0 and 1 (family 0) are treated at month 12 and drop by `effect` after it;
 * teams 2…7 are never treated.
 */
function handPanel(effect: number): { panel: ImpactPanel; events: TreatmentEvents } {
  const panel = { team: [] as number[], month: [] as number[], value: [] as number[], headcount: [] as number[], teamFamily: [0, 0, 0, 0, 0, 1, 1, 1] };
  for (let t = 0; t < 8; t += 1) {
    for (let m = 0; m < 25; m += 1) {
      panel.team.push(t);
      panel.month.push(m);
      panel.value.push(t + 0.1 * m + (t < 2 && m > 12 ? effect : 0));
      panel.headcount.push(10 + t);
    }
  }
  return { panel, events: { team: [0, 1], month: [12, 12] } };
}

describe('estimateImpact', () => {
  it('works a noiseless panel out exactly', () => {
    const { panel, events } = handPanel(-2);
    const result = expectEstimate(estimateImpact(panel, events, { minTreatedTeams: 2 }));
    expect(result.att).toBeCloseTo(-2, 12);
    expect(result.interval.lower).toBeCloseTo(-2, 12);
    expect(result.interval.upper).toBeCloseTo(-2, 12);
    const [first] = result.stacks;
    // Pre mean of team 0 is 0.1·mean(0…11) = 0.55, post mean 0.1·mean(13…24) − 2 = −0.15.
    expect(first?.preMean).toBeCloseTo(0.55, 12);
    expect(first?.postMean).toBeCloseTo(-0.15, 12);
    expect(first?.difference).toBeCloseTo(-2, 12);
    // Team 1 is treated, so team 0's comparisons are the never-treated teams of its family, then the nearest others.
    expect(first?.comparisons.map((c) => [c.team, c.isSameFamily])).toEqual([
      [2, true],
      [3, true],
      [4, true],
      [5, false],
      [6, false],
    ]);
  });

  it('recovers a known effect of −2.0 with noise: the interval contains it and the estimate is close', () => {
    const { panel, events } = simulatePanel({ teams: 200, months: 48, treated: 25, families: 5, effect: -2, seed: 11 });
    const result = expectEstimate(estimateImpact(panel, events, { seed: 11 }));
    expect(result.treatedUsed).toBe(25);
    expect(result.leftOut).toEqual([]);
    expect(result.interval.lower).toBeLessThanOrEqual(-2);
    expect(result.interval.upper).toBeGreaterThanOrEqual(-2);
    expect(Math.abs(result.att + 2)).toBeLessThan(0.3);
    expect(result.interval.upper).toBeLessThan(0);
    expect(result.preTrend).toBe('similar');
    expect(result.isCredible).toBe(true);
  });

  it('flags a panel whose treated teams were already drifting as not credible', () => {
    const { panel, events } = simulatePanel({ teams: 150, months: 48, treated: 20, families: 3, effect: 0, preTrend: 0.3, seed: 4 });
    const result = expectEstimate(estimateImpact(panel, events, { seed: 4 }));
    if (result.placebo.kind !== 'estimate') throw new Error('expected a placebo estimate');
    // A drift of 0.3 a month moves the placebo by 0.3 × 6 months.
    expect(result.placebo.att).toBeCloseTo(1.8, 0);
    expect(includesZero(result.placebo.interval)).toBe(false);
    expect(result.preTrend).toBe('different');
    expect(result.isCredible).toBe(false);
  });

  it('leaves out, and counts, treated teams lacking 6 months before or after, and those with no comparison', () => {
    const { panel, events } = simulatePanel({ teams: 60, months: 36, treated: 8, families: 2, effect: 0, seed: 2 });
    const treated = new Set(Array.from(events.team));
    const spare = [...Array(60).keys()].filter((t) => !treated.has(t));
    const [early, late, gappy] = spare;
    // Early: event at month 4 gives 4 pre months; late: event at 31 gives 4 post months.
    const team = [...Array.from(events.team), early ?? 0, late ?? 0, gappy ?? 0];
    const month = [...Array.from(events.month), 4, 31, 18];
    // Gappy: only 5 of the 12 months before its event at 18 observed.
    const value = Array.from(panel.value, (v, r) => (panel.team[r] === gappy && (panel.month[r] ?? 0) >= 6 && (panel.month[r] ?? 0) < 13 ? Number.NaN : v));
    const result = expectEstimate(estimateImpact({ ...panel, value }, { team, month }));
    expect(result.treatedUsed).toBe(8);
    expect(result.leftOut).toEqual([
      { team: early, eventMonth: 4, reason: 'too-few-months', preMonths: 4, postMonths: 12 },
      { team: late, eventMonth: 31, reason: 'too-few-months', preMonths: 12, postMonths: 4 },
      { team: gappy, eventMonth: 18, reason: 'too-few-months', preMonths: 5, postMonths: 12 },
    ].sort((a, b) => (a.team ?? 0) - (b.team ?? 0)));

    const { panel: lonely, events: lonelyEvents } = handPanel(-2);
    const allTreated = { team: [...Array.from(lonelyEvents.team), 2, 3, 4, 5, 6, 7], month: [12, 12, 12, 12, 12, 12, 12, 12] };
    const none = estimateImpact(lonely, allTreated, { minTreatedTeams: 2 });
    expect(none.kind).toBe('insufficient-data');
    expect(none.leftOut.map((t) => t.reason)).toEqual(Array(8).fill('no-comparisons'));
  });

  it('says there is too little data, as a value, when fewer than the minimum treated teams remain', () => {
    const { panel, events } = handPanel(-2);
    const result = estimateImpact(panel, events);
    expect(result).toMatchObject({ kind: 'insufficient-data', reason: 'too-few-treated-teams', needed: 5, treatedUsed: 2 });
  });

  it('matches within the family when it can and falls back to other families when it cannot', () => {
    const { panel, events } = simulatePanel({ teams: 80, months: 36, treated: 10, families: 4, effect: 0, seed: 8 });
    const result = expectEstimate(estimateImpact(panel, events));
    for (const stack of result.stacks) {
      expect(stack.comparisons).toHaveLength(5);
      expect(stack.comparisons.every((c) => c.isSameFamily && panel.teamFamily[c.team] === stack.family)).toBe(true);
    }
    // Put the first treated team alone in a new family with two never-treated teams.
    const [target] = result.stacks;
    const treated = new Set(Array.from(events.team));
    const companions = [...Array(80).keys()].filter((t) => !treated.has(t)).slice(0, 2);
    const teamFamily = Array.from(panel.teamFamily, (f, t) => (t === target?.team || companions.includes(t) ? 99 : f));
    const moved = expectEstimate(estimateImpact({ ...panel, teamFamily }, events));
    const stack = moved.stacks.find((s) => s.team === target?.team);
    expect(stack?.comparisons.map((c) => c.isSameFamily)).toEqual([true, true, false, false, false]);
    expect(stack?.comparisons.slice(0, 2).map((c) => c.team).sort()).toEqual(companions.sort());
  });

  it('takes comparisons only from teams not treated at any point in the window', () => {
    const { panel } = handPanel(0);
    // Team 2 treated inside team 0's window, team 3 before it (treatment is absorbing), team 4 after it.
    const events = { team: [0, 1, 2, 3, 4], month: [12, 12, 20, -3, 25] };
    const result = expectEstimate(estimateImpact(panel, events, { minTreatedTeams: 2 }));
    expect(result.stacks.map((s) => s.team)).toEqual([0, 1]);
    expect(result.leftOut.map((t) => t.team)).toEqual([2, 3, 4]);
    expect(result.stacks[0]?.comparisons.map((c) => c.team)).toEqual([4, 5, 6, 7]);
  });

  it('weights treated teams by pre-period headcount when asked (for rates)', () => {
    const { panel, events } = simulatePanel({ teams: 80, months: 36, treated: 10, families: 2, effect: -1, seed: 6 });
    const result = expectEstimate(estimateImpact(panel, events, { weighting: 'headcount' }));
    const weighted = result.stacks.reduce((sum, s) => sum + s.size * s.difference, 0) / result.stacks.reduce((sum, s) => sum + s.size, 0);
    expect(result.stacks.every((s) => s.weight === s.size)).toBe(true);
    expect(result.att).toBeCloseTo(weighted, 12);
    const equal = expectEstimate(estimateImpact(panel, events));
    expect(equal.att).toBeCloseTo(equal.stacks.reduce((sum, s) => sum + s.difference, 0) / equal.stacks.length, 12);
    expect(equal.att).not.toBeCloseTo(result.att, 6);
  });

  it('is deterministic for a seed; the seed moves only the interval', () => {
    const { panel, events } = simulatePanel({ teams: 80, months: 36, treated: 12, families: 3, effect: 0, seed: 3 });
    const a = expectEstimate(estimateImpact(panel, events, { seed: 7, resamples: 300 }));
    expect(estimateImpact(panel, events, { seed: 7, resamples: 300 })).toEqual(a);
    const b = expectEstimate(estimateImpact(panel, events, { seed: 8, resamples: 300 }));
    expect(b.att).toBe(a.att);
    expect(b.interval).not.toEqual(a.interval);
  });

  it('throws on bad options', () => {
    const { panel, events } = handPanel(0);
    expect(() => estimateImpact(panel, events, { comparisonsPerTeam: 0 })).toThrow('comparisonsPerTeam must be a positive integer');
    expect(() => estimateImpact(panel, events, { minPreMonths: 13 })).toThrow(/cannot exceed the window/);
    expect(() => estimateImpact(panel, events, { placeboLag: 12 })).toThrow(/placeboLag/);
    expect(() => estimateImpact(panel, events, { minTreatedTeams: 1 })).toThrow(/minTreatedTeams/);
    expect(() => estimateImpact(panel, events, { level: 95 })).toThrow(/level/);
  });
});
