/**
 * Small-number suppression (`../shared/methods/suppression.md`): primary suppression of every cell
 * whose group is below the metric's minimum, then complementary suppression so that no hidden
 * cell can be recovered by arithmetic on the published cells and published sums, across the org
 * tree and across categories at once.
 *
 * Complementary suppression, as suppression.md words it: whenever a published sum has exactly one
 * hidden member, hide one more — the smallest remaining (by group size, ties to the lower cell
 * index) — and repeat until no sum has exactly one hidden member. Two choices make that rule keep
 * its guarantee ("no suppressed cell's numerator or group size can be derived as a linear
 * combination of the published numerators and group sizes along the published sums"):
 *
 * 1. The total of a sum counts as one of its members. A hidden parent whose children are all
 *    published is their sum, so it gets a hidden child (the smallest); a hidden parent with one
 *    hidden child needs nothing more among its children (parent − child is all anyone learns).
 *    When the only published member of a sum is its total (a unit with one child), the total is
 *    hidden.
 * 2. "Exactly one hidden member" is not enough once categories cross the tree: two protected
 *    blocks joined by a single hidden cell let that cell be derived (rows of one block minus
 *    columns of the other). After the rule settles, an exact audit finds every derivable cell and
 *    hides the smallest published cell that breaks the derivation, then the rule runs again.
 *
 * The audit is exact and linear-time because of the table's shape. The category sums at internal
 * units follow from the others (a parent's total minus its categories is the sum of its
 * children's), so dropping them leaves every cell in at most two sums, with coefficient −1 where it
 * is the total and +1 where it is a member. Multiplying the tree sums of category layers by +1 and
 * those of the total layer and the category sums by −1 turns every column into (+1, −1) or a single
 * ±1: the incidence matrix of a directed graph whose vertices are the sums plus one "ground"
 * vertex (for cells in only one sum). A hidden cell is determined by the published values exactly
 * when it is a bridge of the graph of hidden cells (a coloop of the graphic matroid), which
 * Tarjan's algorithm finds in one pass. For a tree without categories the rule alone already
 * leaves no bridge (every hidden path runs to the ground at both ends), and the audit confirms it.
 *
 * The guarantee is about linear combinations, as suppression.md states it. Bounds are out of its
 * scope: two hidden cells that sum to a published 0 are both 0.
 */
import { buildTable, type SuppressionInput, type SuppressionTable } from './table.ts';

export type { SuppressionCategories, SuppressionInput, SuppressionTable } from './table.ts';
export { buildTable } from './table.ts';

/** Reason codes: index into SUPPRESSION_REASONS. */
export const SHOWN = 0;
export const PRIMARY = 1;
export const COMPLEMENTARY = 2;
export const SUPPRESSION_REASONS = [null, 'primary', 'complementary'] as const;
export type SuppressionReason = 'primary' | 'complementary';

export interface SuppressionResult {
  units: number;
  categories: number;
  /** 1 where the unit's own value (its total) is hidden. */
  hidden: Uint8Array;
  /** Why each unit's value is hidden: SHOWN, PRIMARY or COMPLEMENTARY. */
  reason: Uint8Array;
  /** 1 where a category cell is hidden, K × n category-major like the input; null without categories. */
  categoryHidden: Uint8Array | null;
  categoryReason: Uint8Array | null;
  /** Cells hidden for being below the minimum. */
  primary: number;
  /** Cells hidden so that others cannot be derived. */
  complementary: number;
  /** Times the exact audit found a derivable cell and hid another. */
  auditRepairs: number;
}

/**
 * Primary and complementary suppression of a tree (and optional category breakdown). Throws a
 * RangeError for malformed input (naming the unit, never a value).
 */
export function suppress(input: SuppressionInput): SuppressionResult {
  const table = buildTable(input);
  const { units: n, categories: K, size } = table;
  const reason = new Uint8Array((K + 1) * n);
  for (let v = 0; v < reason.length; v += 1) {
    const minimum = v < n ? table.minimumTotal : table.minimumCategory;
    if ((size[v] ?? 0) < minimum) reason[v] = PRIMARY;
  }
  const auditRepairs = protect(table, reason);
  let primary = 0;
  let complementary = 0;
  const hiddenCells = new Uint8Array(reason.length);
  for (let v = 0; v < reason.length; v += 1) {
    if (reason[v] === PRIMARY) primary += 1;
    else if (reason[v] === COMPLEMENTARY) complementary += 1;
    if (reason[v] !== SHOWN) hiddenCells[v] = 1;
  }
  return {
    units: n,
    categories: K,
    hidden: hiddenCells.slice(0, n),
    reason: reason.slice(0, n),
    categoryHidden: K > 0 ? hiddenCells.slice(n) : null,
    categoryReason: K > 0 ? reason.slice(n) : null,
    primary,
    complementary,
    auditRepairs,
  };
}

/**
 * Complementary suppression on its own: given `reason` per cell ((K + 1) × n, layer 0 the unit
 * totals; non-zero = hidden), hides more cells (marking them COMPLEMENTARY) until no hidden cell
 * can be derived. Returns the number of audit repairs. Applying it to its own output hides nothing.
 */
export function protect(table: SuppressionTable, reason: Uint8Array): number {
  if (reason.length !== (table.categories + 1) * table.units) throw new RangeError('suppression: reason has the wrong length');
  const state = new Protection(table, reason);
  state.settle();
  let repairs = 0;
  for (;;) {
    const bridges = state.bridges();
    if (bridges.length === 0) return repairs;
    for (const cell of lowestPerComponent(bridges)) {
      state.hide(state.repairFor(cell));
      repairs += 1;
    }
    state.settle();
  }
}

/**
 * Hidden cells that the published cells and sums determine (empty when protected). `reason` as
 * for `protect`. For auditing a pattern made elsewhere.
 */
export function derivableCells(table: SuppressionTable, reason: Uint8Array): Int32Array {
  if (reason.length !== (table.categories + 1) * table.units) throw new RangeError('suppression: reason has the wrong length');
  const bridges = new Protection(table, reason).bridges();
  return Int32Array.from(bridges.map((b) => b.cell)).sort();
}

interface Bridge {
  cell: number;
  component: number;
}

function lowestPerComponent(bridges: readonly Bridge[]): number[] {
  const lowest = new Map<number, number>();
  for (const { cell, component } of bridges) {
    const seen = lowest.get(component);
    if (seen === undefined || cell < seen) lowest.set(component, cell);
  }
  return [...lowest.values()].sort((a, b) => a - b);
}

/**
 * The working state: hidden cells, and for every published sum how many of its participants
 * (total and members) are hidden.
 *
 * Sum ids: the tree sum of layer k at internal unit p is k·n + p; the category sum of unit u is
 * (K + 1)·n + u. Graph vertices for the audit use the same ids (category sums of leaves only),
 * plus GROUND = (K + 2)·n.
 */
class Protection {
  private readonly n: number;
  private readonly K: number;
  private readonly hiddenCount: Int32Array;
  private readonly queue: Int32Array;
  private head = 0;
  private tail = 0;
  private readonly ground: number;
  /** While counting the initial pattern, sums are not queued (they are queued in id order after). */
  private seeding = true;
  private groundCells: Int32Array | null = null;

  constructor(
    private readonly table: SuppressionTable,
    private readonly reason: Uint8Array,
  ) {
    this.n = table.units;
    this.K = table.categories;
    const sums = (this.K + 1) * this.n + (this.K > 0 ? this.n : 0);
    this.hiddenCount = new Int32Array(sums);
    this.queue = new Int32Array(sums);
    this.ground = (this.K + 2) * this.n;
    for (let v = 0; v < reason.length; v += 1) if (reason[v] !== SHOWN) this.count(v);
    for (let s = 0; s < sums; s += 1) if (this.hiddenCount[s] === 1) this.queue[this.tail++] = s;
    this.seeding = false;
  }

  private isInternal(u: number): boolean {
    return (this.table.childStart[u + 1] ?? 0) > (this.table.childStart[u] ?? 0);
  }

  /** Adds cell v to the hidden counts of the sums it takes part in; queues sums that reach one. */
  private count(v: number): void {
    const { n, K } = this;
    const k = Math.floor(v / n);
    const u = v - k * n;
    if (this.isInternal(u)) this.bump(k * n + u);
    const p = this.table.parent[u] ?? -1;
    if (p >= 0) this.bump(k * n + p);
    if (K > 0) this.bump((K + 1) * n + u);
  }

  private bump(sum: number): void {
    const c = (this.hiddenCount[sum] ?? 0) + 1;
    this.hiddenCount[sum] = c;
    // A count only rises, so each sum is queued at most once, when it first reaches one.
    if (c === 1 && !this.seeding) this.queue[this.tail++] = sum;
  }

  hide(v: number): void {
    if (this.reason[v] !== SHOWN) return;
    this.reason[v] = COMPLEMENTARY;
    this.count(v);
  }

  /** Applies the one-hidden-member rule until no published sum has exactly one hidden participant. */
  settle(): void {
    while (this.head < this.tail) {
      const sum = this.queue[this.head++] ?? 0;
      if (this.hiddenCount[sum] === 1) this.hide(this.complementFor(sum));
    }
  }

  /** The smallest published member of a sum with one hidden participant; its total if none. */
  private complementFor(sum: number): number {
    const { n, K } = this;
    const { size, childStart, children } = this.table;
    let best = -1;
    let bestSize = Number.POSITIVE_INFINITY;
    let total: number;
    if (sum < (K + 1) * n) {
      const k = Math.floor(sum / n);
      const p = sum - k * n;
      total = sum;
      for (let j = childStart[p] ?? 0; j < (childStart[p + 1] ?? 0); j += 1) {
        const v = k * n + (children[j] ?? 0);
        const s = size[v] ?? 0;
        if (this.reason[v] === SHOWN && s < bestSize) {
          best = v;
          bestSize = s;
        }
      }
    } else {
      const u = sum - (K + 1) * n;
      total = u;
      for (let k = 1; k <= K; k += 1) {
        const v = k * n + u;
        const s = size[v] ?? 0;
        if (this.reason[v] === SHOWN && s < bestSize) {
          best = v;
          bestSize = s;
        }
      }
    }
    return best >= 0 ? best : total;
  }

  /** The two audit-graph vertices of cell v (equal, both GROUND, for a cell in no sum). */
  private endpoints(v: number): [number, number] {
    const { n, K, ground } = this;
    const k = Math.floor(v / n);
    const u = v - k * n;
    const a = this.isInternal(u) ? v : K > 0 ? (K + 1) * n + u : ground;
    const p = this.table.parent[u] ?? -1;
    const b = p >= 0 ? k * n + p : ground;
    return [a, b];
  }

  /** Cells meeting at an audit-graph vertex. */
  private incident(x: number, visit: (v: number) => void): void {
    const { n, K, ground } = this;
    const { childStart, children, parent } = this.table;
    if (x === ground) {
      if (!this.groundCells) {
        const cells: number[] = [];
        for (let u = 0; u < n; u += 1) {
          const leafWithoutCategories = K === 0 && !this.isInternal(u);
          if ((parent[u] ?? -1) < 0 || leafWithoutCategories) for (let k = 0; k <= K; k += 1) cells.push(k * n + u);
        }
        this.groundCells = Int32Array.from(cells);
      }
      for (const v of this.groundCells) visit(v);
    } else if (x < (K + 1) * n) {
      const k = Math.floor(x / n);
      const p = x - k * n;
      visit(x);
      for (let j = childStart[p] ?? 0; j < (childStart[p + 1] ?? 0); j += 1) visit(k * n + (children[j] ?? 0));
    } else {
      const u = x - (K + 1) * n;
      for (let k = 0; k <= K; k += 1) visit(k * n + u);
    }
  }

  private graph: { start: Int32Array; other: Int32Array; cell: Int32Array } | null = null;

  /** Every hidden cell that is a bridge of the hidden-cell graph, with its component. */
  bridges(): Bridge[] {
    const vertices = this.ground + 1;
    const degree = new Int32Array(vertices + 1);
    const ends = new Int32Array(2 * this.reason.length);
    for (let v = 0; v < this.reason.length; v += 1) {
      if (this.reason[v] === SHOWN) continue;
      const [a, b] = this.endpoints(v);
      ends[2 * v] = a;
      ends[2 * v + 1] = b;
      if (a === b) continue; // in no sum: never derivable
      degree[a + 1] = (degree[a + 1] ?? 0) + 1;
      degree[b + 1] = (degree[b + 1] ?? 0) + 1;
    }
    const start = new Int32Array(vertices + 1);
    for (let x = 0; x < vertices; x += 1) start[x + 1] = (start[x] ?? 0) + (degree[x + 1] ?? 0);
    const fill = start.slice(0, vertices);
    const other = new Int32Array(start[vertices] ?? 0);
    const cell = new Int32Array(start[vertices] ?? 0);
    for (let v = 0; v < this.reason.length; v += 1) {
      if (this.reason[v] === SHOWN) continue;
      const a = ends[2 * v] ?? 0;
      const b = ends[2 * v + 1] ?? 0;
      if (a === b) continue;
      const ia = (fill[a] = (fill[a] ?? 0) + 1) - 1;
      other[ia] = b;
      cell[ia] = v;
      const ib = (fill[b] = (fill[b] ?? 0) + 1) - 1;
      other[ib] = a;
      cell[ib] = v;
    }
    this.graph = { start, other, cell };

    // Iterative Tarjan: a tree edge x→w is a bridge when low[w] > disc[x].
    const disc = new Int32Array(vertices).fill(-1);
    const low = new Int32Array(vertices);
    const stackVertex = new Int32Array(vertices);
    const stackEdge = new Int32Array(vertices);
    const stackNext = new Int32Array(vertices);
    const found: Bridge[] = [];
    let time = 0;
    for (let root = 0; root < vertices; root += 1) {
      if (disc[root] !== -1 || start[root] === start[root + 1]) continue;
      let top = 0;
      stackVertex[0] = root;
      stackEdge[0] = -1;
      stackNext[0] = start[root] ?? 0;
      disc[root] = low[root] = time++;
      while (top >= 0) {
        const x = stackVertex[top] ?? 0;
        const i = stackNext[top] ?? 0;
        if (i < (start[x + 1] ?? 0)) {
          stackNext[top] = i + 1;
          const e = cell[i] ?? 0;
          if (e === stackEdge[top]) continue;
          const w = other[i] ?? 0;
          if (disc[w] === -1) {
            disc[w] = low[w] = time++;
            top += 1;
            stackVertex[top] = w;
            stackEdge[top] = e;
            stackNext[top] = start[w] ?? 0;
          } else if ((disc[w] ?? 0) < (low[x] ?? 0)) {
            low[x] = disc[w] ?? 0;
          }
        } else {
          top -= 1;
          if (top >= 0) {
            const y = stackVertex[top] ?? 0;
            if ((low[x] ?? 0) < (low[y] ?? 0)) low[y] = low[x] ?? 0;
            if ((low[x] ?? 0) > (disc[y] ?? 0)) found.push({ cell: stackEdge[top + 1] ?? 0, component: root });
          }
        }
      }
    }
    return found;
  }

  /**
   * The published cell to hide so that bridge `e` is no longer derivable: the smallest published
   * cell joining the two sides the bridge separates (which closes a cycle through it); failing
   * that, the smallest published cell meeting the smaller side, and the rule and audit go on.
   */
  repairFor(e: number): number {
    const graph = this.graph;
    if (!graph) throw new Error('suppression: bridges() must run before repairFor()');
    const [a, b] = this.endpoints(e);
    const side = new Map<number, 1 | 2>();
    const sideA = this.reach(a, e, 1, side, graph);
    const sideB = this.reach(b, e, 2, side, graph);
    const [near, farMark] = sideA.length <= sideB.length ? [sideA, 2] : [sideB, 1];
    const { size } = this.table;
    let joining = -1;
    let touching = -1;
    const better = (v: number, than: number) =>
      than < 0 || (size[v] ?? 0) < (size[than] ?? 0) || ((size[v] ?? 0) === (size[than] ?? 0) && v < than);
    for (const x of near) {
      this.incident(x, (v) => {
        if (this.reason[v] !== SHOWN) return;
        if (better(v, touching)) touching = v;
        const [p, q] = this.endpoints(v);
        const far = p === x ? q : p;
        if (side.get(far) === farMark && better(v, joining)) joining = v;
      });
    }
    const choice = joining >= 0 ? joining : touching;
    if (choice < 0) throw new Error(`suppression: no published cell can protect cell ${e}`);
    return choice;
  }

  /** Vertices reachable from `from` along hidden cells other than `skip`, marked in `side`. */
  private reach(
    from: number,
    skip: number,
    mark: 1 | 2,
    side: Map<number, 1 | 2>,
    graph: { start: Int32Array; other: Int32Array; cell: Int32Array },
  ): number[] {
    const seen = [from];
    side.set(from, mark);
    for (let i = 0; i < seen.length; i += 1) {
      const x = seen[i] ?? 0;
      for (let j = graph.start[x] ?? 0; j < (graph.start[x + 1] ?? 0); j += 1) {
        const w = graph.other[j] ?? 0;
        if (graph.cell[j] === skip || side.has(w)) continue;
        side.set(w, mark);
        seen.push(w);
      }
    }
    return seen;
  }
}
