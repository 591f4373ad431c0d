/**
 * A seeded pseudo-random generator for the impact bootstrap (sfc32, its four words seeded through
 * splitmix32). Statistics code may not use `Math.random` (STYLE §4.6), and impact.md asks for a
 * bootstrap "seeded so results are reproducible": the same seed and stream always give the same
 * sequence, on any machine.
 */
export interface Random {
  /** A float in [0, 1), with 32 random bits. */
  next(): number;
  /** An integer in [0, n). */
  below(n: number): number;
  /** A standard normal deviate (Box–Muller). */
  normal(): number;
}

const TWO_TO_32 = 4294967296;
const GOLDEN_GAMMA = 0x9e3779b9;
/** sfc32 needs a few rounds to mix a weak seed. */
const WARM_UP_ROUNDS = 12;

/**
 * @param seed any safe integer (negative and large seeds are folded into 64 bits of state).
 * @param stream an independent stream for one use of the same seed (the estimate and the placebo
 *   draw from different streams, so adding draws to one never moves the other).
 */
export function createRandom(seed: number, stream = 0): Random {
  if (!Number.isSafeInteger(seed)) throw new Error(`Random seed must be a safe integer, got ${seed}`);
  if (!Number.isSafeInteger(stream)) throw new Error(`Random stream must be a safe integer, got ${stream}`);
  const high = Math.floor(seed / TWO_TO_32) >>> 0;
  let state = (seed >>> 0) ^ mix32(high ^ Math.imul(stream, GOLDEN_GAMMA));
  const nextSeedWord = (): number => {
    state = (state + GOLDEN_GAMMA) >>> 0;
    return mix32(state);
  };
  let a = nextSeedWord();
  let b = nextSeedWord();
  let c = nextSeedWord();
  let d = nextSeedWord();

  const nextWord = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < WARM_UP_ROUNDS; i += 1) nextWord();

  const next = (): number => nextWord() / TWO_TO_32;
  return {
    next,
    // floor(u·n) with 32-bit u: the bias is under n / 2³², far below bootstrap noise.
    below: (n) => Math.floor(next() * n),
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}

/** The splitmix32 / murmur3 finaliser: spreads every input bit over the whole word. */
function mix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
