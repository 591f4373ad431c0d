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
  { href: '/board/reports', text: 'Board report', permission: 'board.reports.view' },
  { href: '/board/strategy', text: 'Strategy', permission: 'board.reports.view' },
  { href: '/speak-up/cases', text: 'Speak-up cases', permission: 'speakup.cases' },
  { href: '/speak-up/investigations', text: 'Investigations', permission: 'speakup.investigate' },
  { href: '/speak-up/reports', text: 'Speak-up reports', permission: 'speakup.reports' },
  { href: '/speak-up', text: 'Speak up', permission: 'signed-in' },
  { href: '/org', text: 'Organisation', permission: 'org.view' },
  { href: '/imports', text: 'Imports', permission: 'imports.run' },
  { href: '/admin/accounts', text: 'Accounts', permission: 'admin.accounts' },
  { href: '/admin/audit', text: 'Audit log', permission: 'audit.read' },
];

export function navigationFor(principal: Principal | undefined, path: string): NavigationItem[] {
  if (!principal) return [];
  const shown = ENTRIES.filter((entry) => entry.permission === 'signed-in' || can(principal, entry.permission));
  const matches = (href: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));
  // /speak-up/cases/1 is under both "Speak up" and "Speak-up cases": the longer match is current.
  const current = shown.filter((entry) => matches(entry.href)).sort((a, b) => b.href.length - a.href.length)[0];
  return shown.map((entry) => ({ href: entry.href, text: entry.text, isCurrent: entry === current }));
}
