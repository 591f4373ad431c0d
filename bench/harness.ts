/** One measured operation. `memoryBound` is a plain single pass over the same data, the floor to compare with. */
export interface BenchCase {
  name: string;
  /** What one run processes, in words ("100,000 series × 60 points"). */
  size: string;
  run: () => unknown;
  memoryBound?: () => unknown;
  /** Runs to time (after one warm-up); the median is reported. */
  runs?: number;
}

export interface BenchResult {
  name: string;
  size: string;
  medianMs: number;
  memoryBoundMs: number | null;
  ratioToMemoryBound: number | null;
  runs: number;
}

let sink: unknown;

function medianMs(fn: () => unknown, runs: number): number {
  sink = fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink = fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

export function measure(bench: BenchCase): BenchResult {
  const runs = bench.runs ?? 5;
  const ms = medianMs(bench.run, runs);
  const floor = bench.memoryBound ? medianMs(bench.memoryBound, Math.max(runs, 11)) : null;
  if (sink === Symbol.for('never')) throw new Error('unreachable: keeps results alive');
  return {
    name: bench.name,
    size: bench.size,
    medianMs: round(ms),
    memoryBoundMs: floor === null ? null : round(floor),
    ratioToMemoryBound: floor === null || floor === 0 ? null : round(ms / floor),
    runs,
  };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Sums a Float64Array once: what reading the data costs, nothing more. */
export function singlePass(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] ?? 0;
  return total;
}
