import type { EngineMetric } from './metric.ts';
import type { Observations } from './observations.ts';
import type { UnitTree } from './tree.ts';

/** Rolled-up cells of one metric: every unit's totals, and which cells have a value. */
export interface RolledUp {
  periods: string[];
  numerator: Float64Array;
  denominator: Float64Array;
  group: Float64Array;
  /** 1 where the cell has a value (a denominator, or a reported figure), before suppression. */
  hasValue: Uint8Array;
}

/**
 * A parent's numerator, denominator and group size are the sums of its children's plus anything
 * recorded at the parent itself: never an average of rates. A reported denominator (incidents) is
 * the unit's own figure where it has one, else the sum of its children's, so the value exists from
 * the level the figure is reported at upwards. Metrics without roll-up keep the reported cells.
 */
export function rollUp(tree: UnitTree, metric: EngineMetric, own: Observations): RolledUp {
  const T = own.periods.length;
  const numerator = own.numerator.slice();
  const denominator = own.denominator.slice();
  const group = own.group.slice();
  const hasValue = new Uint8Array(numerator.length);
  if (metric.rollUp === 'sum') {
    const reported = metric.denominator === 'reported';
    const childDenominator = reported ? new Float64Array(denominator.length) : null;
    for (let k = tree.size - 1; k >= 0; k--) {
      const u = tree.order[k]!;
      const base = u * T;
      if (childDenominator) {
        for (let t = 0; t < T; t++) if (!(own.denominator[base + t]! > 0)) denominator[base + t] = childDenominator[base + t]!;
      }
      const p = tree.parent[u]!;
      if (p < 0) continue;
      const pb = p * T;
      for (let t = 0; t < T; t++) {
        numerator[pb + t]! += numerator[base + t]!;
        group[pb + t]! += group[base + t]!;
        if (childDenominator) childDenominator[pb + t]! += denominator[base + t]!;
        else denominator[pb + t]! += denominator[base + t]!;
      }
    }
  }
  if (metric.value === 'reported' && own.present) hasValue.set(own.present);
  else for (let i = 0; i < hasValue.length; i++) hasValue[i] = denominator[i]! > 0 ? 1 : 0;
  if (metric.noValueBelowRecording) clearBelowRecording(tree, own, T, hasValue);
  return { periods: own.periods, numerator, denominator, group, hasValue };
}

/** Units below one where the facts are recorded (in any period) have no value: their share is unknown. */
function clearBelowRecording(tree: UnitTree, own: Observations, T: number, hasValue: Uint8Array): void {
  const recorded = new Uint8Array(tree.size);
  for (let u = 0; u < tree.size; u++) {
    for (let t = 0; t < T; t++) {
      if (own.numerator[u * T + t]! > 0) {
        recorded[u] = 1;
        break;
      }
    }
  }
  const below = new Uint8Array(tree.size);
  for (let k = 0; k < tree.size; k++) {
    const u = tree.order[k]!;
    const p = tree.parent[u]!;
    if (p >= 0 && (below[p] || recorded[p])) below[u] = 1;
    if (below[u]) hasValue.fill(0, u * T, u * T + T);
  }
}
