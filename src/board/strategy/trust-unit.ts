import type { OrgTree } from '#src/org/tree.ts';

/** The trust itself: the root of the organisation, whose series are the trust-wide figures. */
export function trustUnitId(tree: OrgTree): number | undefined {
  const roots = tree.roots();
  return (roots.find((unit) => unit.level === 'trust') ?? roots[0])?.id;
}
