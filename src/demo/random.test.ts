import { describe, expect, it } from 'vitest';
import { Random } from '#src/demo/random.ts';

const draws = (random: Random, n: number): number[] => Array.from({ length: n }, () => random.next());

describe('Random', () => {
  it('gives the same sequence for the same seed and stream', () => {
    expect(draws(new Random(42), 100)).toEqual(draws(new Random(42), 100));
    expect(draws(new Random(42).fork('a'), 100)).toEqual(draws(new Random(42).fork('a'), 100));
  });

  it('gives different sequences for different seeds and streams', () => {
    expect(draws(new Random(1), 10)).not.toEqual(draws(new Random(2), 10));
    expect(draws(new Random(1).fork('a'), 10)).not.toEqual(draws(new Random(1).fork('b'), 10));
  });

  it('does not let draws on one fork move another', () => {
    const root = new Random(7);
    const a = root.fork('a');
    draws(root.fork('b'), 1000);
    expect(draws(a, 5)).toEqual(draws(new Random(7).fork('a'), 5));
  });

  it('keeps values in range', () => {
    const random = new Random(3);
    for (let i = 0; i < 10_000; i += 1) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = random.int(-2, 2);
      expect(n >= -2 && n <= 2 && Number.isInteger(n)).toBe(true);
    }
  });

  it('draws with roughly the right means', () => {
    const random = new Random(11);
    const n = 20_000;
    const mean = (f: () => number): number => Array.from({ length: n }, f).reduce((a, b) => a + b, 0) / n;
    expect(mean(() => random.normal(5, 2))).toBeCloseTo(5, 1);
    expect(mean(() => random.poisson(3))).toBeCloseTo(3, 1);
    expect(mean(() => random.poisson(50))).toBeCloseTo(50, 0);
    expect(mean(() => random.exponential(4))).toBeCloseTo(4, 0);
    expect(mean(() => (random.weighted([['a', 1], ['b', 3]] as const) === 'b' ? 1 : 0))).toBeCloseTo(0.75, 1);
  });

  it('shuffles into a permutation without changing the input', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const shuffled = new Random(5).shuffle(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
