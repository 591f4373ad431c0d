import type { OrgTree } from '#src/org/tree.ts';

export const ROLES = ['staff', 'manager', 'guardian', 'investigator', 'analyst', 'programme', 'board', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  staff: 'Staff member',
  manager: 'Manager',
  guardian: 'Freedom to Speak Up Guardian',
  investigator: 'Investigator',
  analyst: 'People and OD analyst',
  programme: 'Programme lead',
  board: 'Board member',
  admin: 'Administrator',
};

/**
 * What each permission lets a person do. A permission held through a grant applies to the
 * grant's unit and every unit below it.
 */
export const PERMISSIONS = {
  'org.view': 'See the organisation structure and unit summaries',
  'people.view': 'See the people and assignments in a unit',
  'people.characteristics.read': 'Read protected characteristics (every read is audited)',
  'admin.accounts': 'Manage accounts and role grants',
  'audit.read': 'Read the audit log',
  'scorecard.view': 'See the culture scorecard, signals and spots for a unit',
  'signals.manage': 'Acknowledge signals, record actions and close them for a unit',
  'metrics.edit': 'Edit the metric catalogue (every change is audited)',
  'imports.run': 'Import files from workforce, patient feedback, survey and operational systems',
  'api.tokens': 'Create personal access tokens for the read-only API',
  'outbox.read': 'Read the messages Vitals has sent',
  'speakup.cases': 'Handle every Freedom to Speak Up case: triage, reply, refer, close (every read is audited)',
  'speakup.investigate': 'Work on the Freedom to Speak Up cases referred to you, and only those',
  'speakup.reports': 'See speak-up themes and trends (small numbers suppressed) and the national data return',
  'board.reports.view': 'Read the board’s integrated reports and the strategy’s progress',
  'board.reports.edit': 'Start a month’s board report, write metric commentary and send it for review',
  'board.reports.publish': 'Publish a board report, freezing its numbers, charts and commentary',
  'strategy.edit': 'Edit the trust strategy: vision, values, objectives, priorities, success measures and board metrics',
} as const;
export type Permission = keyof typeof PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  staff: [],
  manager: ['org.view', 'people.view', 'scorecard.view', 'signals.manage'],
  guardian: ['org.view', 'speakup.cases', 'speakup.reports'],
  investigator: ['speakup.investigate'],
  analyst: ['org.view', 'people.view', 'people.characteristics.read', 'scorecard.view', 'signals.manage', 'metrics.edit', 'imports.run', 'api.tokens', 'board.reports.view', 'board.reports.edit'],
  programme: ['org.view', 'scorecard.view'],
  board: ['org.view', 'scorecard.view', 'speakup.reports', 'board.reports.view'],
  admin: ['org.view', 'admin.accounts', 'audit.read', 'scorecard.view', 'imports.run', 'api.tokens', 'outbox.read', 'board.reports.view', 'board.reports.edit', 'board.reports.publish', 'strategy.edit'],
};

export interface Grant {
  role: Role;
  unitId: number;
}

export interface Principal {
  accountId: number;
  displayName: string;
  email: string;
  personId: number | null;
  grants: readonly Grant[];
}

/** Anything signed in may do: their own home page, their own account. */
export const SIGNED_IN = 'signed-in' as const;
/** Open to everyone, signed in or not: sign-in, health, public assets. */
export const PUBLIC = 'public' as const;
export type Access = Permission | typeof SIGNED_IN | typeof PUBLIC;

export function grantsWith(principal: Principal, permission: Permission): Grant[] {
  return principal.grants.filter((grant) => ROLE_PERMISSIONS[grant.role].includes(permission));
}

/** Whether the principal holds the permission anywhere (for navigation) or on one unit. */
export function can(principal: Principal, permission: Permission, unitId?: number, tree?: OrgTree): boolean {
  const grants = grantsWith(principal, permission);
  if (unitId === undefined) return grants.length > 0;
  if (!tree) throw new Error('A unit-scoped permission check needs the org tree');
  return grants.some((grant) => tree.isWithin(unitId, grant.unitId));
}

/** The roots of the subtrees where the principal holds the permission (no root below another). */
export function scopeRoots(principal: Principal, permission: Permission, tree: OrgTree): number[] {
  const unitIds = [...new Set(grantsWith(principal, permission).map((grant) => grant.unitId))];
  return unitIds.filter((id) => tree.get(id) && !unitIds.some((other) => other !== id && tree.isWithin(id, other)));
}

export function rolesOf(principal: Principal): Role[] {
  return ROLES.filter((role) => principal.grants.some((grant) => grant.role === role));
}
