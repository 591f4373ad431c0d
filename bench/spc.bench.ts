// SPC (src/stats/spc): the XmR kernel over 100,000 series × 60 monthly points in both profiles,
// writing into preallocated typed arrays, against one plain pass over the same Float64Array; and
// the JSON-shaped wrapper on a smaller batch, for scale.
import { createSpcBuffers, resolveSpcSettings, spc, spcBatch, type SpcProfile } from '#src/stats/spc/index.ts';
import { singlePass, type BenchCase } from './harness.ts';
import { generator } from './random.ts';

const SERIES = 100_000;
const POINTS = 60;

/**
 * Monthly rates per series: noise around a level, a step change in a third of the series, a slow
 * drift in a tenth, and about 1% missing months, so every rule and the null handling get work.
 */
function syntheticSeries(series: number, points: number, seed: number): Float64Array {
  const random = generator(seed);
  const values = new Float64Array(series * points);
  for (let s = 0; s < series; s++) {
    const level = 3 + 4 * random();
    const spread = 0.2 + random();
    const stepAt = random() < 1 / 3 ? Math.floor(random() * points) : points;
    const step = (random() - 0.5) * 4 * spread;
    const drift = random() < 0.1 ? (random() - 0.5) * 0.1 : 0;
    for (let i = 0; i < points; i++) {
      const noise = (random() + random() + random() - 1.5) * spread;
      const value = level + noise + (i >= stepAt ? step : 0) + drift * i;
      values[s * points + i] = random() < 0.01 ? Number.NaN : Math.round(value * 1000) / 1000;
    }
  }
  return values;
}

const values = syntheticSeries(SERIES, POINTS, 1);
const out = createSpcBuffers(values.length);
const icons = { variation: new Uint8Array(SERIES), assurance: new Uint8Array(SERIES) };

function kernelCase(profile: SpcProfile): BenchCase {
  const settings = resolveSpcSettings({ improvement: 'increase', profile, target: 5 }, POINTS);
  return {
    name: `spc kernel (${profile})`,
    size: `${SERIES.toLocaleString('en-GB')} series × ${POINTS} points`,
    run: () => {
      spcBatch(values, POINTS, settings, out, icons);
      return icons.variation;
    },
    memoryBound: () => singlePass(values),
    runs: 11,
  };
}

const JSON_SERIES = 1_000;
const jsonValues = Array.from({ length: JSON_SERIES }, (_, s) => Array.from(values.subarray(s * POINTS, (s + 1) * POINTS), (x) => (Number.isNaN(x) ? null : x)));
const jsonFloor = values.subarray(0, JSON_SERIES * POINTS);

export const benches: BenchCase[] = [
  kernelCase('mdc'),
  kernelCase('ptd'),
  {
    name: 'spc() JSON results (mdc)',
    size: `${JSON_SERIES.toLocaleString('en-GB')} series × ${POINTS} points`,
    run: () => jsonValues.map((v) => spc(v, { improvement: 'increase', target: 5 })),
    memoryBound: () => singlePass(jsonFloor),
  },
];
