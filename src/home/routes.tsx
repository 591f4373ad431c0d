import { Hono } from 'hono';
import { requires } from '#src/auth/guard.ts';
import { can, PUBLIC, ROLE_LABELS, scopeRoots, SIGNED_IN } from '#src/auth/permissions.ts';
import { countStaffByUnit, findCurrentAssignment } from '#src/org/store.ts';
import { totalsFor } from '#src/org/summary.ts';
import { unitsInScope } from '#src/signals/scope.ts';
import { countSignalsInUnits } from '#src/signals/store.ts';
import { inboxSummary } from '#src/speakup/cases/present.ts';
import { countCases, listCases } from '#src/speakup/store.ts';
import type { AppEnv } from '#src/web/env.ts';
import { notFound } from '#src/web/errors.ts';
import { renderPage } from '#src/web/render.tsx';
import { isoDate } from '#src/web/today.ts';
import { AccessibilityPage, AccountPage, HomePage, PrivacyPage, type HomeProps } from './views.tsx';

export const homeRoutes = new Hono<AppEnv>()
  .get('/', requires(SIGNED_IN), async (c) => {
    const principal = c.get('principal');
    if (!principal) throw notFound();
    const tree = await c.get('orgTree')();
    const db = c.get('database').db;
    const today = isoDate(c.get('clock')());
    const assignment = principal.personId === null ? undefined : await findCurrentAssignment(db, principal.personId, today);
    const roles = principal.grants.map((grant) => ({ role: ROLE_LABELS[grant.role], unit: tree.get(grant.unitId)?.name ?? 'a closed unit' }));
    let units: HomeProps['units'] = [];
    if (can(principal, 'org.view')) {
      const counts = new Map((await countStaffByUnit(db, today)).map((row) => [row.unitId, row]));
      units = scopeRoots(principal, 'org.view', tree).flatMap((rootId) => {
        const root = tree.get(rootId);
        if (!root) return [];
        const below = tree.children(rootId).map((child) => ({ unit: child, ...totalsFor(tree, child.id, counts) }));
        return [{ unit: root, ...totalsFor(tree, rootId, counts), children: below }];
      });
    }
    return renderPage(
      c,
      'Home',
      <HomePage
        name={principal.displayName}
        roles={roles}
        job={assignment && { ...assignment, unitName: tree.get(assignment.unitId)?.name ?? '' }}
        units={units}
        canManageAccounts={can(principal, 'admin.accounts')}
        canReadAudit={can(principal, 'audit.read')}
        canReadOutbox={can(principal, 'outbox.read')}
        canUseApi={can(principal, 'api.tokens')}
        newSignals={
          can(principal, 'signals.manage')
            ? await countSignalsInUnits(
                db,
                unitsInScope(principal, 'signals.manage', tree).map((unit) => unit.id),
                'new',
              )
            : undefined
        }
        speakUp={can(principal, 'speakup.cases') ? inboxSummary(await listCases(db, { status: 'open' }, 5000), today) : undefined}
        referredToMe={can(principal, 'speakup.investigate') ? await countCases(db, { status: 'referred', investigatorAccountId: principal.accountId }) : undefined}
      />,
    );
  })
  .get('/account', requires(SIGNED_IN), async (c) => {
    const principal = c.get('principal');
    if (!principal) throw notFound();
    const tree = await c.get('orgTree')();
    return renderPage(
      c,
      'Your account',
      <AccountPage
        name={principal.displayName}
        email={principal.email}
        roles={principal.grants.map((grant) => `${ROLE_LABELS[grant.role]} for ${tree.get(grant.unitId)?.name ?? 'a closed unit'}`)}
      />,
    );
  })
  .get('/accessibility', requires(PUBLIC), (c) => renderPage(c, 'Accessibility statement', <AccessibilityPage />))
  .get('/privacy', requires(PUBLIC), (c) => renderPage(c, 'Privacy', <PrivacyPage />));
