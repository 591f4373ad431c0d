/**
 * Means accurate to the last bit, so the `ptd` profile lands on the same doubles as R.
 *
 * R's `mean()` sums in long double and then adds a correction pass, so its result is the
 * correctly rounded mean in all but vanishingly rare cases; a plain double sum is not (0.1, 0.2,
 * 0.3 averages to 0.20000000000000004 in doubles but to 0.2 in R), and that last bit decides
 * whether a point sits exactly on the centre line. Callers accumulate with `sumError`
 * (Neumaier's compensated sum: `t = sum + x; comp += sumError(sum, x, t); sum = t`) and finish
 * with `compensatedMean`, which divides the double-double `sum + comp` by the count exactly enough
 * to round correctly.
 */

/** Dekker's splitter for 53-bit doubles (2^27 + 1). */
const SPLITTER = 134217729;

/** The rounding error of `t = a + b` (Neumaier). */
export function sumError(a: number, b: number, t: number): number {
  return Math.abs(a) >= Math.abs(b) ? a - t + b : b - t + a;
}

/** The rounding error of `p = a · b` (Dekker's two-product, no fused multiply-add needed). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** `(sum + comp) / count`, rounded once; NaN for no values (as R's `mean(numeric(0))`). */
export function compensatedMean(sum: number, comp: number, count: number): number {
  if (count === 0) return Number.NaN;
  const q = sum / count;
  if (!Number.isFinite(q)) return q;
  const p = q * count;
  const remainder = sum - p - productError(q, count, p) + comp;
  return q + remainder / count;
}
