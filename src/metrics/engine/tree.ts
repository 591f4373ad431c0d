import type { FactUnit } from '#src/metrics/facts.ts';

/** The org tree as arrays: unit i has parent `parent[i]` (−1 for a root); `order` lists parents before children. */
export interface UnitTree {
  size: number;
  ids: Int32Array;
  codes: string[];
  names: string[];
  levels: string[];
  parent: Int32Array;
  /** Parents before children (breadth-first). */
  order: Int32Array;
  /** Children of i: `children[childStart[i]] … children[childStart[i + 1] − 1]`. */
  childStart: Int32Array;
  children: Int32Array;
  indexById: Map<number, number>;
}

/** Builds the tree; a unit whose parent is not in the list becomes a root. */
export function buildUnitTree(units: readonly FactUnit[]): UnitTree {
  const size = units.length;
  const indexById = new Map<number, number>();
  units.forEach((u, i) => indexById.set(u.id, i));
  const parent = new Int32Array(size).fill(-1);
  const childCount = new Int32Array(size + 1);
  units.forEach((u, i) => {
    const p = u.parentId === null ? undefined : indexById.get(u.parentId);
    if (p !== undefined && p !== i) {
      parent[i] = p;
      childCount[p + 1]! += 1;
    }
  });
  const childStart = new Int32Array(size + 1);
  for (let i = 0; i < size; i++) childStart[i + 1] = childStart[i]! + childCount[i + 1]!;
  const children = new Int32Array(childStart[size]!);
  const fill = childStart.slice(0, size);
  for (let i = 0; i < size; i++) {
    const p = parent[i]!;
    if (p >= 0) children[fill[p]!++] = i;
  }
  const order = new Int32Array(size);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < size; i++) if (parent[i] === -1) order[tail++] = i;
  while (head < tail) {
    const u = order[head++]!;
    for (let k = childStart[u]!; k < childStart[u + 1]!; k++) order[tail++] = children[k]!;
  }
  if (tail !== size) throw new Error('The org tree has a cycle');
  return {
    size,
    ids: Int32Array.from(units, (u) => u.id),
    codes: units.map((u) => u.code),
    names: units.map((u) => u.name),
    levels: units.map((u) => u.level),
    parent,
    order,
    childStart,
    children,
    indexById,
  };
}
