import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from './random.ts';

const draws = (random: Random, n: number): number[] => Array.from({ length: n }, () => random.next());

describe('createRandom', () => {
  it('gives the same sequence for the same seed and stream, and different ones otherwise', () => {
    expect(draws(createRandom(42), 50)).toEqual(draws(createRandom(42), 50));
    expect(draws(createRandom(42, 1), 50)).toEqual(draws(createRandom(42, 1), 50));
    expect(draws(createRandom(1), 10)).not.toEqual(draws(createRandom(2), 10));
    expect(draws(createRandom(1, 1), 10)).not.toEqual(draws(createRandom(1, 2), 10));
    expect(draws(createRandom(1), 10)).not.toEqual(draws(createRandom(1 + 2 ** 32), 10));
  });

  it('keeps values in range and roughly uniform', () => {
    const random = createRandom(3);
    const xs = draws(random, 20_000);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i += 1) {
      const k = random.below(10);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts.reduce((a, b) => a + b, 0)).toBe(20_000);
    for (const count of counts) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });

  it('gives standard normal deviates', () => {
    const random = createRandom(5);
    const xs = Array.from({ length: 20_000 }, () => random.normal());
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it('refuses a seed that is not a safe integer', () => {
    expect(() => createRandom(1.5)).toThrow(/safe integer/);
    expect(() => createRandom(Number.NaN)).toThrow(/safe integer/);
  });
});
