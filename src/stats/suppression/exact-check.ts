/**
 * An independent, exact check of the suppression guarantee (`../shared/methods/suppression.md`):
 * which hidden cells are determined by the published cells and the published sums?
 *
 * It writes out every published sum as an equation over all cells — each tree sum
 * (parent − Σ children = 0, per layer) and each category sum (total − Σ categories = 0), the
 * redundant ones included — moves the published cells to the right-hand side, and reduces the
 * coefficients of the hidden cells to reduced row echelon form over the rationals (fraction-free,
 * in BigInt, so nothing is rounded). A hidden cell is determined exactly when some reduced row
 * has a single non-zero coefficient, in its column: that row is the linear combination of
 * published sums that yields it. Numerators and group sizes obey the same sums, so one check
 * covers both.
 *
 * Cubic in the table size: for tests and for auditing small tables, not for 60,000 units (the
 * suppression itself uses the linear-time graph audit in `suppress.ts`).
 */
import type { SuppressionTable } from './table.ts';

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** The published sums as rows of coefficients over all (K + 1) × n cells. */
export function publishedSums(table: SuppressionTable): Int8Array[] {
  const { units: n, categories: K, childStart, children } = table;
  const cells = (K + 1) * n;
  const rows: Int8Array[] = [];
  for (let k = 0; k <= K; k += 1) {
    for (let p = 0; p < n; p += 1) {
      const from = childStart[p] ?? 0;
      const to = childStart[p + 1] ?? 0;
      if (from === to) continue;
      const row = new Int8Array(cells);
      row[k * n + p] = -1;
      for (let j = from; j < to; j += 1) row[k * n + (children[j] ?? 0)] = 1;
      rows.push(row);
    }
  }
  if (K > 0) {
    for (let u = 0; u < n; u += 1) {
      const row = new Int8Array(cells);
      row[u] = -1;
      for (let k = 1; k <= K; k += 1) row[k * n + u] = 1;
      rows.push(row);
    }
  }
  return rows;
}

/** Hidden cells (non-zero in `hidden`) that the published values determine, ascending. */
export function exactlyDerivable(table: SuppressionTable, hidden: ArrayLike<number>): number[] {
  const columns: number[] = [];
  for (let v = 0; v < hidden.length; v += 1) if (hidden[v]) columns.push(v);
  const m = columns.length;
  const matrix = publishedSums(table).map((row) => columns.map((c) => BigInt(row[c] ?? 0)));
  let rank = 0;
  for (let col = 0; col < m && rank < matrix.length; col += 1) {
    const pivotRow = matrix.findIndex((row, i) => i >= rank && row[col] !== 0n);
    if (pivotRow < 0) continue;
    const pivot = matrix[pivotRow] ?? [];
    matrix[pivotRow] = matrix[rank] ?? [];
    matrix[rank] = pivot;
    const p = pivot[col] ?? 1n;
    for (let i = 0; i < matrix.length; i += 1) {
      const row = matrix[i] ?? [];
      const c = row[col] ?? 0n;
      if (i === rank || c === 0n) continue;
      let divisor = 0n;
      for (let j = 0; j < m; j += 1) {
        row[j] = (row[j] ?? 0n) * p - (pivot[j] ?? 0n) * c;
        divisor = gcd(divisor, row[j] ?? 0n);
      }
      if (divisor > 1n) for (let j = 0; j < m; j += 1) row[j] = (row[j] ?? 0n) / divisor;
    }
    rank += 1;
  }
  const determined: number[] = [];
  for (let i = 0; i < rank; i += 1) {
    const row = matrix[i] ?? [];
    let only = -1;
    let nonZero = 0;
    for (let j = 0; j < m; j += 1) {
      if (row[j] !== 0n) {
        nonZero += 1;
        only = j;
      }
    }
    if (nonZero === 1) determined.push(columns[only] ?? -1);
  }
  return determined.sort((a, b) => a - b);
}
