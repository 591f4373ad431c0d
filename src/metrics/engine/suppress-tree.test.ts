import { describe, expect, it } from 'vitest';
import { engineMetrics } from './metric.ts';
import { createObservations } from './observations.ts';
import { rollUp } from './rollup.ts';
import { suppressTree } from './suppress-tree.ts';
import { buildUnitTree } from './tree.ts';

describe('suppression wiring', () => {
  it('hides a team under the minimum and one more so it cannot be worked out from its parent', () => {
    const tree = buildUnitTree([
      { id: 1, code: 'T', name: 'Trust', level: 'trust', parentId: null },
      { id: 2, code: 'S', name: 'Small', level: 'team', parentId: 1 },
      { id: 3, code: 'M', name: 'Medium', level: 'team', parentId: 1 },
      { id: 4, code: 'L', name: 'Large', level: 'team', parentId: 1 },
    ]);
    const metric = engineMetrics([], new Set(['sickness_absence_rate']))[0]!;
    const own = createObservations(metric.key, ['2026-10'], tree.size);
    [0, 3, 8, 20].forEach((size, u) => {
      own.group[u] = size;
      own.denominator[u] = size * 31;
      own.numerator[u] = size;
    });
    const reason = suppressTree(tree, rollUp(tree, metric, own), metric.minimum);
    expect(reason[1]).toBe(1);
    expect(reason[2]).toBe(2);
    expect(reason[3]).toBe(0);
    expect(reason[0]).toBe(0);
  });

  it('protects what a parent holds beyond its children (its own staff) like a child', () => {
    const tree = buildUnitTree([
      { id: 1, code: 'T', name: 'Trust', level: 'trust', parentId: null },
      { id: 2, code: 'A', name: 'A', level: 'team', parentId: 1 },
    ]);
    const metric = engineMetrics([], new Set(['sickness_absence_rate']))[0]!;
    const own = createObservations(metric.key, ['2026-10'], tree.size);
    own.group.set([2, 30]);
    own.denominator.set([62, 930]);
    const reason = suppressTree(tree, rollUp(tree, metric, own), metric.minimum);
    // The trust's 2 own staff are a hidden virtual child, so team A is hidden too.
    expect(reason[1]).toBe(2);
  });
});
