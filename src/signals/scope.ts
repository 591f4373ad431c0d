import { scopeRoots, type Permission, type Principal } from '#src/auth/permissions.ts';
import type { OrgTree, OrgUnitNode } from '#src/org/tree.ts';

/** Every unit the principal holds the permission over: each grant's unit and everything below it. */
export function unitsInScope(principal: Principal, permission: Permission, tree: OrgTree): OrgUnitNode[] {
  return scopeRoots(principal, permission, tree).flatMap((rootId) => tree.subtree(rootId));
}
