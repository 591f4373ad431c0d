import { suppress } from '#src/stats/suppression/suppress.ts';
import { MINIMUM_GROUP_SIZES } from '#src/stats/suppression/thresholds.ts';

/** Minimum cell size for protected-characteristic breakdowns (methods: suppression). */
export const EDI_MIN_CELL = MINIMUM_GROUP_SIZES.edi.default;

export interface BreakdownCell {
  category: string;
  n: number | undefined;
}

/**
 * One unit's breakdown by a characteristic, with the statistics core's suppression: categories
 * below the minimum are hidden, and more are hidden until none can be worked out from the total.
 */
export function suppressBreakdown(counts: readonly { category: string; n: number }[], minimum = EDI_MIN_CELL): BreakdownCell[] {
  if (counts.length === 0) return [];
  const total = counts.reduce((sum, cell) => sum + cell.n, 0);
  const result = suppress({
    parent: [-1],
    groupSize: [total],
    minimumSize: minimum,
    categories: { count: counts.length, groupSize: counts.map((cell) => cell.n) },
  });
  return counts.map((cell, k) => ({ category: cell.category, n: result.categoryHidden?.[k] === 1 ? undefined : cell.n }));
}
