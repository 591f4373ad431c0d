import { can, type Permission, type Principal } from '#src/auth/permissions.ts';
import type { NavigationItem } from './components/header.tsx';

interface NavigationEntry {
  href: string;
  text: string;
  permission: Permission | 'signed-in';
}

/** Each feature adds its entry here; an entry shows only to people who may use it. */
const ENTRIES: NavigationEntry[] = [
  { href: '/', text: 'Home', permission: 'signed-in' },
  { href: '/scorecard', text: 'Scorecard', permission: 'scorecard.view' },
  { href: '/signals', text: 'Signals', permission: 'signals.manage' },
  { href: '/org', text: 'Organisation', permission: 'org.view' },
  { href: '/imports', text: 'Imports', permission: 'imports.run' },
  { href: '/admin/accounts', text: 'Accounts', permission: 'admin.accounts' },
  { href: '/admin/audit', text: 'Audit log', permission: 'audit.read' },
];

export function navigationFor(principal: Principal | undefined, path: string): NavigationItem[] {
  if (!principal) return [];
  return ENTRIES.filter((entry) => entry.permission === 'signed-in' || can(principal, entry.permission)).map((entry) => ({
    href: entry.href,
    text: entry.text,
    isCurrent: entry.href === '/' ? path === '/' : path === entry.href || path.startsWith(`${entry.href}/`),
  }));
}
