/**
 * The published table that suppression protects (`../shared/methods/suppression.md`): an org tree
 * of units, optionally crossed with categories (an EDI breakdown, survey answer bands …).
 *
 * Cells are numbered layer by layer: cell `k·n + u` is layer k of unit u, where layer 0 is the
 * unit's total and layers 1 … K its categories. The published sums are
 * - tree sums, for every internal unit p and every layer k: cell(k, p) = Σ cell(k, c) over p's children;
 * - category sums, for every unit u when K ≥ 1: cell(0, u) = Σₖ cell(k, u).
 *
 * A parent's numbers must equal the sum of its children's (staff attached directly to a parent
 * unit go in a child of their own, such as "directorate office"); this is checked, because a
 * parent that is not the sum of its children is a different, unprotected table.
 */

export interface SuppressionCategories {
  /** K, the number of categories. */
  count: number;
  /** Group size per category cell, K × n, category-major: `groupSize[(k − 1)·n + u]` for category k = 1 … K. */
  groupSize: ArrayLike<number>;
  /** Numerator per category cell, same layout (optional: checked, never used to decide). */
  numerator?: ArrayLike<number>;
  /** Minimum group size for a category cell (default: the unit minimum). */
  minimumSize?: number;
}

export interface SuppressionInput {
  /** Parent unit of each unit, −1 for a root. */
  parent: Int32Array | readonly number[];
  /** Group size of each unit (respondents, headcount …): what the minimum is compared with. */
  groupSize: ArrayLike<number>;
  /** Numerator of each unit (optional: checked, never used to decide; hiding a cell hides both). */
  numerator?: ArrayLike<number>;
  /** The metric's minimum group size N: a cell with a group below N is suppressed. */
  minimumSize: number;
  categories?: SuppressionCategories;
}

/** The validated table: the tree in child-list form and every cell's group size. */
export interface SuppressionTable {
  /** n, units. */
  units: number;
  /** K, categories (0 for a tree alone). */
  categories: number;
  parent: Int32Array;
  /** Children of u are `children[childStart[u]] … children[childStart[u + 1] − 1]`, in index order. */
  childStart: Int32Array;
  children: Int32Array;
  /** Group size of each cell, (K + 1) × n. */
  size: Float64Array;
  /** Minimum group size per layer: [unit total, category …]. */
  minimumTotal: number;
  minimumCategory: number;
}

/** Relative tolerance for "parent equals the sum of its children" (fractional numerators allowed). */
const SUM_TOLERANCE = 1e-9;

function checkCounts(name: string, values: ArrayLike<number>, length: number): void {
  if (values.length !== length) throw new RangeError(`suppression: ${name} has the wrong length`);
  for (let i = 0; i < length; i += 1) {
    const v = values[i] ?? Number.NaN;
    if (!Number.isFinite(v)) throw new RangeError(`suppression: ${name} at index ${i} is not a finite number`);
    if (v < 0) throw new RangeError(`suppression: ${name} at index ${i} is negative`);
  }
}

const close = (a: number, b: number) => Math.abs(a - b) <= SUM_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Checks the sums of one quantity (group size or numerator) across the table: each parent against
 * its children, layer by layer, and each unit's total against its categories. Messages name the
 * unit, never a value (suppression.md: errors never contain suppressed values).
 */
function checkSums(name: string, cells: ArrayLike<number>, table: Omit<SuppressionTable, 'size'>): void {
  const { units: n, categories: K, childStart, children } = table;
  for (let k = 0; k <= K; k += 1) {
    const base = k * n;
    for (let p = 0; p < n; p += 1) {
      const from = childStart[p] ?? 0;
      const to = childStart[p + 1] ?? 0;
      if (from === to) continue;
      let sum = 0;
      for (let j = from; j < to; j += 1) sum += cells[base + (children[j] ?? 0)] ?? 0;
      if (!close(cells[base + p] ?? 0, sum)) {
        const layer = k === 0 ? name : `category ${k} ${name}`;
        throw new RangeError(`suppression: ${layer} of unit ${p} is not the sum of its children's`);
      }
    }
  }
  if (K === 0) return;
  for (let u = 0; u < n; u += 1) {
    let sum = 0;
    for (let k = 1; k <= K; k += 1) sum += cells[k * n + u] ?? 0;
    if (!close(cells[u] ?? 0, sum)) throw new RangeError(`suppression: category ${name}s of unit ${u} do not add up to its ${name}`);
  }
}

function checkMinimum(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 1)) throw new RangeError(`suppression: ${name} must be a number of at least 1`);
}

/** Validates the input and builds the table. Throws (RangeError) for malformed input, naming the index. */
export function buildTable(input: SuppressionInput): SuppressionTable {
  const { parent: parentIn, groupSize, numerator, categories } = input;
  const n = parentIn.length;
  checkMinimum('minimumSize', input.minimumSize);
  const K = categories?.count ?? 0;
  if (!(Number.isInteger(K) && K >= 0)) throw new RangeError('suppression: categories.count must be a whole number');
  if (categories?.minimumSize !== undefined) checkMinimum('categories.minimumSize', categories.minimumSize);

  const parent = Int32Array.from(parentIn);
  const childCount = new Int32Array(n);
  for (let u = 0; u < n; u += 1) {
    const p = parentIn[u] ?? Number.NaN;
    if (!(Number.isInteger(p) && p >= -1 && p < n)) throw new RangeError(`suppression: parent of unit ${u} is not a unit index or -1`);
    if (p === u) throw new RangeError(`suppression: unit ${u} is its own parent`);
    if (p >= 0) childCount[p] = (childCount[p] ?? 0) + 1;
  }
  const childStart = new Int32Array(n + 1);
  for (let u = 0; u < n; u += 1) childStart[u + 1] = (childStart[u] ?? 0) + (childCount[u] ?? 0);
  const children = new Int32Array(Math.max(0, n));
  const fill = childStart.slice(0, n);
  for (let u = 0; u < n; u += 1) {
    const p = parent[u] ?? -1;
    if (p >= 0) children[(fill[p] = (fill[p] ?? 0) + 1) - 1] = u;
  }

  // Every unit must be reachable from a root: otherwise its parent chain is a cycle.
  const reached = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let u = 0; u < n; u += 1) if (parent[u] === -1) queue[tail++] = u;
  for (let head = 0; head < tail; head += 1) {
    const u = queue[head] ?? 0;
    reached[u] = 1;
    for (let j = childStart[u] ?? 0; j < (childStart[u + 1] ?? 0); j += 1) queue[tail++] = children[j] ?? 0;
  }
  if (tail < n) throw new RangeError(`suppression: unit ${reached.indexOf(0)} has a parent chain that forms a cycle`);

  const cells = (K + 1) * n;
  const size = new Float64Array(cells);
  checkCounts('group size', groupSize, n);
  for (let i = 0; i < n; i += 1) size[i] = groupSize[i] ?? 0;
  let numerators: Float64Array | null = null;
  if (numerator) {
    checkCounts('numerator', numerator, n);
    numerators = new Float64Array(cells);
    for (let i = 0; i < n; i += 1) numerators[i] = numerator[i] ?? 0;
  }
  if (categories) {
    checkCounts('category group size', categories.groupSize, K * n);
    for (let i = 0; i < K * n; i += 1) size[n + i] = categories.groupSize[i] ?? 0;
    if (categories.numerator) {
      checkCounts('category numerator', categories.numerator, K * n);
      numerators ??= new Float64Array(cells);
      for (let i = 0; i < K * n; i += 1) numerators[n + i] = categories.numerator[i] ?? 0;
    }
  }

  const table: SuppressionTable = {
    units: n,
    categories: K,
    parent,
    childStart,
    children,
    size,
    minimumTotal: input.minimumSize,
    minimumCategory: categories?.minimumSize ?? input.minimumSize,
  };
  checkSums('group size', size, table);
  if (categories?.numerator && !numerator) throw new RangeError('suppression: category numerators need unit numerators too');
  if (numerators) {
    if (categories?.numerator) checkSums('numerator', numerators, table);
    else checkSums('numerator', numerators.subarray(0, n), { ...table, categories: 0 });
  }
  return table;
}
