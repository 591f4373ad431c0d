import type { Observations } from '#src/metrics/engine/observations.ts';
import { buildUnitTree, type UnitTree } from '#src/metrics/engine/tree.ts';
import type { FactUnit } from '#src/metrics/facts.ts';
import { generator } from './random.ts';

/** A national tree: England → 200 trusts → 10 directorates → 30 teams (60,000 teams). */
export function nationalTree(trusts = 200, directorates = 10, teams = 30): UnitTree {
  const units: FactUnit[] = [{ id: 1, code: 'ENG', name: 'England', level: 'trust', parentId: null }];
  for (let t = 0; t < trusts; t++) {
    const trustId = units.length + 1;
    units.push({ id: trustId, code: `T${t}`, name: `Trust ${t}`, level: 'trust', parentId: 1 });
    for (let d = 0; d < directorates; d++) {
      const directorateId = units.length + 1;
      units.push({ id: directorateId, code: `T${t}-D${d}`, name: `Directorate ${d}`, level: 'directorate', parentId: trustId });
      for (let k = 0; k < teams; k++) units.push({ id: units.length + 1, code: `T${t}-D${d}-${k}`, name: `Team ${k}`, level: 'team', parentId: directorateId });
    }
  }
  return buildUnitTree(units);
}

/**
 * Columnar team × month observations generated directly (no facts): headcount 3–60 per team,
 * a rate or proportion per team with noise, and a step change in a tenth of the teams.
 */
export function nationalObservations(tree: UnitTree, key: string, periods: string[], kind: 'rate' | 'proportion', seed: number): Observations {
  const random = generator(seed);
  const T = periods.length;
  const n = tree.size * T;
  const o: Observations = { key, periods, numerator: new Float64Array(n), denominator: new Float64Array(n), group: new Float64Array(n), present: null };
  for (let u = 0; u < tree.size; u++) {
    if (tree.childStart[u + 1] !== tree.childStart[u]) continue;
    const heads = 3 + Math.floor(random() * 58);
    const level = kind === 'rate' ? 0.03 + 0.06 * random() : 0.75 + 0.2 * random();
    const step = random() < 0.1 ? Math.floor(random() * T) : T;
    for (let t = 0; t < T; t++) {
      const cell = u * T + t;
      const p = Math.min(1, Math.max(0, level * (t >= step ? 1.3 : 1) + (random() - 0.5) * 0.02));
      const denominator = kind === 'rate' ? heads * 30.4 : heads;
      o.denominator[cell] = denominator;
      o.numerator[cell] = kind === 'rate' ? Math.round(denominator * p * 10) / 10 : Math.round(denominator * p);
      o.group[cell] = heads;
    }
  }
  return o;
}
