// Impact estimate (src/stats/impact): stacked difference-in-differences with matched comparisons,
// a 2,000-resample cluster bootstrap and the placebo check, on simulated panels.
import { estimateImpact } from '#src/stats/impact/estimate.ts';
import { simulatePanel } from '#src/stats/impact/simulate-panel.ts';
import { singlePass, type BenchCase } from './harness.ts';

function impactCase(teams: number, treated: number, runs?: number): BenchCase {
  const months = 60;
  const { panel, events } = simulatePanel({ teams, months, treated, families: 8, effect: -2, missingShare: 0.03, seed: 1 });
  const values = Float64Array.from(panel.value);
  return {
    name: 'impact',
    size: `${teams.toLocaleString('en-GB')} teams × ${months} months, ${treated} treated, 2,000 resamples`,
    run: () => estimateImpact(panel, events, { seed: 1, resamples: 2000 }),
    memoryBound: () => singlePass(values),
    ...(runs === undefined ? {} : { runs }),
  };
}

export const benches: BenchCase[] = [impactCase(350, 25), impactCase(3500, 250, 3)];
