/** Default minimum cell size for protected-characteristic breakdowns (methods: suppression). */
export const EDI_MIN_CELL = 10;

export interface BreakdownCell {
  category: string;
  n: number | undefined;
}

/**
 * Hides every category below the minimum and, when exactly one is hidden, the next smallest too,
 * so no hidden count can be recovered by subtracting the shown ones from the unit's total.
 * (The statistics core's tree-wide complementary suppression supersedes this for published tables.)
 */
export function suppressBreakdown(counts: readonly { category: string; n: number }[], minimum = EDI_MIN_CELL): BreakdownCell[] {
  const hidden = new Set(counts.filter((cell) => cell.n < minimum).map((cell) => cell.category));
  if (hidden.size === 1) {
    const next = counts.filter((cell) => !hidden.has(cell.category)).sort((a, b) => a.n - b.n)[0];
    if (next) hidden.add(next.category);
  }
  return counts.map((cell) => ({ category: cell.category, n: hidden.has(cell.category) ? undefined : cell.n }));
}
