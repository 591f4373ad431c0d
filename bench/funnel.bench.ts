// Funnel limits for 60,000 units (issue 3): proportions with exact binomial limits (whole team
// sizes, so many units share a size), rates per exposure with exact Poisson limits (every
// exposure distinct, the worst case: one set of interpolated quantiles per unit), and the normal
// approximation for comparison. Data are deterministic (a fixed linear congruential generator).
import { funnelProportions, funnelRates } from '../src/stats/funnel/funnel.ts';
import { singlePass, type BenchCase } from './harness.ts';

const UNITS = 60_000;

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const random = generator(20250101);
const headcount = new Float64Array(UNITS);
const leavers = new Float64Array(UNITS);
const fteDays = new Float64Array(UNITS);
const sicknessDays = new Float64Array(UNITS);
for (let i = 0; i < UNITS; i += 1) {
  // team sizes 2 … 400, mostly small; turnover around 12% with extra variation between teams
  const size = 2 + Math.floor(398 * random() ** 3);
  headcount[i] = size;
  const rate = 0.12 * (0.6 + 0.8 * random());
  leavers[i] = Math.min(size, Math.max(0, Math.round(size * rate + (random() - 0.5) * 2)));
  // FTE-days available over a year (fractional FTE), sickness around 4.5% of them
  const days = size * (200 + 30 * random()) * (0.7 + 0.3 * random());
  fteDays[i] = days;
  sicknessDays[i] = Math.round(days * 0.045 * (0.5 + random()));
}

const memoryBound = () => singlePass(headcount);

export const benches: BenchCase[] = [
  {
    name: 'funnel proportions, exact binomial limits',
    size: '60,000 units',
    run: () => funnelProportions({ numerators: leavers, denominators: headcount }),
    memoryBound,
  },
  {
    name: 'funnel rates, exact Poisson limits (all exposures distinct)',
    size: '60,000 units',
    run: () => funnelRates({ events: sicknessDays, exposure: fteDays }),
    memoryBound,
  },
  {
    name: 'funnel proportions, normal approximation',
    size: '60,000 units',
    run: () => funnelProportions({ numerators: leavers, denominators: headcount }, { limits: 'normal' }),
    memoryBound,
  },
];
