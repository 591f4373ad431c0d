import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppressBreakdown } from './characteristics.ts';

describe('suppressBreakdown', () => {
  it('hides a small group and the next smallest, so the total does not give it away', () => {
    const cells = suppressBreakdown([
      { category: 'Ethnic minority', n: 3 },
      { category: 'Not stated', n: 12 },
      { category: 'White', n: 40 },
    ]);
    expect(cells.map((c) => c.n)).toEqual([undefined, undefined, 40]);
  });

  it('shows every group at or above the minimum', () => {
    expect(suppressBreakdown([{ category: 'A', n: 10 }, { category: 'B', n: 25 }]).map((c) => c.n)).toEqual([10, 25]);
  });

  it('never leaves exactly one hidden cell, never shows a small one', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 8 }), (counts) => {
        const cells = suppressBreakdown(counts.map((n, i) => ({ category: String(i), n })));
        const hidden = cells.filter((c) => c.n === undefined).length;
        expect(hidden === 1 && cells.length > 1).toBe(false);
        cells.forEach((cell, i) => {
          if (cell.n !== undefined) expect(cell.n).toBeGreaterThanOrEqual(10);
          else expect(counts[i]).toBeDefined();
        });
      }),
    );
  });
});
