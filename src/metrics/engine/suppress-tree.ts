import { suppress } from '#src/stats/suppression/suppress.ts';
import type { RolledUp } from './rollup.ts';
import type { UnitTree } from './tree.ts';

/**
 * Suppression per period over the whole tree (`../shared/methods/suppression.md`): the cells with a
 * value form the table (they are closed upwards, since a parent's group contains its children's);
 * whatever a unit holds beyond its published children (its own staff, children without a value)
 * becomes a virtual child, so a parent is always the sum of its children and that remainder is
 * protected like any other cell. Returns the reason per cell (0 shown, 1 primary, 2 complementary).
 */
export function suppressTree(tree: UnitTree, cells: RolledUp, minimum: number): Uint8Array {
  const T = cells.periods.length;
  const reason = new Uint8Array(tree.size * T);
  if (minimum <= 0) return reason;
  const slot = new Int32Array(tree.size);
  const parent: number[] = [];
  const size: number[] = [];
  const unitOfSlot: number[] = [];
  const childGroup = new Float64Array(tree.size);
  const childCount = new Int32Array(tree.size);
  for (let t = 0; t < T; t++) {
    parent.length = 0;
    size.length = 0;
    unitOfSlot.length = 0;
    childGroup.fill(0);
    childCount.fill(0);
    for (let k = 0; k < tree.size; k++) {
      const u = tree.order[k]!;
      slot[u] = -1;
      if (!cells.hasValue[u * T + t]) continue;
      const p = tree.parent[u]!;
      const ps = p >= 0 ? slot[p]! : -1;
      slot[u] = parent.length;
      parent.push(ps);
      const g = cells.group[u * T + t]!;
      size.push(g);
      unitOfSlot.push(u);
      if (p >= 0) {
        childGroup[p]! += g;
        childCount[p]! += 1;
      }
    }
    if (parent.length === 0) continue;
    const published = parent.length;
    for (let s = 0; s < published; s++) {
      const u = unitOfSlot[s]!;
      if (!childCount[u]) continue;
      const rest = size[s]! - childGroup[u]!;
      if (rest > 1e-9) {
        parent.push(s);
        size.push(rest);
      } else if (rest < -1e-9) {
        throw new Error(`suppression: unit ${tree.codes[u] ?? u} holds fewer than its children`);
      } else size[s] = childGroup[u]!;
    }
    const result = suppress({ parent: Int32Array.from(parent), groupSize: size, minimumSize: minimum });
    for (let s = 0; s < published; s++) reason[unitOfSlot[s]! * T + t] = result.reason[s]!;
  }
  return reason;
}
