import { describe, expect, it } from 'vitest';
import { OrgTree } from '#src/org/tree.ts';
import { can, PERMISSIONS, ROLE_PERMISSIONS, ROLES, scopeRoots, type Principal, type Role } from './permissions.ts';

const tree = new OrgTree([
  { id: 1, code: 'T', name: 'Trust', level: 'trust', parentId: null },
  { id: 2, code: 'EO', name: 'Emergency Operations', level: 'directorate', parentId: 1 },
  { id: 3, code: 'N', name: 'North hub', level: 'area', parentId: 2 },
  { id: 4, code: 'S', name: 'South hub', level: 'area', parentId: 2 },
  { id: 5, code: 'N1', name: 'North team 1', level: 'team', parentId: 3 },
]);

const principal = (grants: { role: Role; unitId: number }[]): Principal => ({ accountId: 1, displayName: 'A', email: 'a@b', personId: null, grants });

describe('permissions', () => {
  it('grants a role over the unit and everything below it, nothing beside or above', () => {
    const manager = principal([{ role: 'manager', unitId: 3 }]);
    expect(can(manager, 'org.view', 3, tree)).toBe(true);
    expect(can(manager, 'org.view', 5, tree)).toBe(true);
    expect(can(manager, 'org.view', 4, tree)).toBe(false);
    expect(can(manager, 'org.view', 2, tree)).toBe(false);
  });

  it('gives a staff member no permission at all', () => {
    const staff = principal([]);
    for (const permission of Object.keys(PERMISSIONS)) expect(can(staff, permission as keyof typeof PERMISSIONS)).toBe(false);
  });

  it('reserves protected characteristics for the analyst role', () => {
    const holders = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('people.characteristics.read'));
    expect(holders).toEqual(['analyst']);
  });

  it('needs the tree for a unit-scoped check', () => {
    expect(() => can(principal([{ role: 'board', unitId: 1 }]), 'org.view', 1)).toThrow(/org tree/);
  });

  it('reduces overlapping grants to their top units', () => {
    const both = principal([
      { role: 'manager', unitId: 5 },
      { role: 'manager', unitId: 3 },
      { role: 'board', unitId: 4 },
    ]);
    expect(scopeRoots(both, 'org.view', tree).sort()).toEqual([3, 4]);
  });
});

describe('org tree', () => {
  it('walks paths and subtrees', () => {
    expect(tree.path(5).map((u) => u.id)).toEqual([1, 2, 3, 5]);
    expect(tree.subtree(2).map((u) => u.id)).toEqual([2, 3, 4, 5]);
    expect(tree.isWithin(5, 2)).toBe(true);
    expect(tree.isWithin(4, 3)).toBe(false);
  });

  it('refuses a cycle instead of looping', () => {
    const looped = new OrgTree([
      { id: 1, code: 'A', name: 'A', level: 'area', parentId: 2 },
      { id: 2, code: 'B', name: 'B', level: 'area', parentId: 1 },
    ]);
    expect(() => looped.path(1)).toThrow(/cycle/);
  });
});
