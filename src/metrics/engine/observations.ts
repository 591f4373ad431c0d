/**
 * One metric's observations: numerator, denominator and group size (what suppression compares with
 * the minimum) per unit × period, unit-major (`u * periods + t`), recorded at the unit itself (not
 * yet rolled up). `present` marks cells of reported values (operational figures), whose existence
 * is not implied by a denominator.
 */
export interface Observations {
  key: string;
  periods: string[];
  numerator: Float64Array;
  denominator: Float64Array;
  group: Float64Array;
  present: Uint8Array | null;
}

export function createObservations(key: string, periods: string[], units: number, withPresence = false): Observations {
  const n = units * periods.length;
  return {
    key,
    periods,
    numerator: new Float64Array(n),
    denominator: new Float64Array(n),
    group: new Float64Array(n),
    present: withPresence ? new Uint8Array(n) : null,
  };
}
