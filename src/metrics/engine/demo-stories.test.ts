import { describe, expect, it } from 'vitest';
import { generateDemoTrust } from '#src/demo/generate.ts';
import { demoTrustFacts } from '#src/metrics/demo-facts.ts';
import { engineMetrics } from './metric.ts';
import { computeScorecard, scorecardSeries, scorecardSpots } from './scorecard.ts';

function run(seed: number, stories = true) {
  const facts = demoTrustFacts(generateDemoTrust({ seed, staff: 7500, stories }));
  const result = computeScorecard(facts, engineMetrics());
  return { facts, result, spots: scorecardSpots(result) };
}

const top3 = (r: ReturnType<typeof run>, kind: 'dark' | 'bright') =>
  r.spots.filter((s) => s.kind === kind && s.rank <= 3).map((s) => r.result.tree.codes[s.unit]);

describe.each([1, 2])('the demo trust, seed %i (7,500 staff)', (seed) => {
  const r = run(seed);

  it('has the hub after the change of manager among the top three dark spots', () => {
    expect(top3(r, 'dark')).toContain('EO-STA');
  });

  // The demo trust (seed 1) only: on seed 2 Coventry hub's own sickness falls to the team's level
  // in 2026, so the team's fall is no longer its own against the hub and stays on the watch list.
  it.runIf(seed === 1)('has the improving team among the top three bright spots', () => {
    expect(top3(r, 'bright')).toContain('EO-COV-T02');
  });

  it('publishes no value of the three-person team in any series of any metric', () => {
    const id = r.facts.units.find((u) => u.code === 'EO-COV-CRT')?.id;
    const series = scorecardSeries(r.result).filter((s) => s.unitId === id);
    expect(series.length).toBeGreaterThan(0);
    for (const s of series) {
      expect(s.data.values.every((v) => v === null)).toBe(true);
      expect(s.data.numerators.every((v) => v === null)).toBe(true);
      expect(s.data.funnel).toBeNull();
      expect(s.latestValue).toBeNull();
    }
  });
});

describe('the demo trust without planted stories', () => {
  // Each generates and computes a whole 7,500-staff trust: seconds, more on a busy machine.
  it.each([1, 2, 3])(
    'seed %i: fewer than 1% of teams are dark spots',
    (seed) => {
      const r = run(seed, false);
      const teams = r.result.tree.levels.filter((l) => l === 'team').length;
      const darkTeams = r.spots.filter((s) => s.kind === 'dark' && r.result.tree.levels[s.unit] === 'team').length;
      expect(darkTeams / teams).toBeLessThan(0.01);
    },
    30_000,
  );
});
