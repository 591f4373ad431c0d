import { Hono, type Context } from 'hono';
import { listAuditEvents, recordAudit } from '#src/auth/audit.ts';
import { NewAccountSchema, NewGrantSchema } from '#src/auth/forms.ts';
import { requires } from '#src/auth/guard.ts';
import { hashPassword } from '#src/auth/password.ts';
import { ROLE_LABELS } from '#src/auth/permissions.ts';
import {
  deleteGrant,
  findAccount,
  findAccountByEmail,
  insertAccount,
  insertGrant,
  listAccounts,
  listGrants,
  setAccountActive,
} from '#src/auth/store.ts';
import type { AppEnv } from '#src/web/env.ts';
import { notFound } from '#src/web/errors.ts';
import { parseForm, type FieldErrors, type FormValues } from '#src/web/forms.ts';
import { renderPage } from '#src/web/render.tsx';
import { AccountDetailPage, AccountsPage, AuditPage, NewAccountPage } from './views.tsx';

function accountIdParam(c: Context<AppEnv>): number {
  const id = Number(c.req.param('accountId'));
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

function actorId(c: Context<AppEnv>): number {
  const principal = c.get('principal');
  if (!principal) throw notFound();
  return principal.accountId;
}

async function showAccount(c: Context<AppEnv>, accountId: number, errors: FieldErrors = {}, values: FormValues = {}) {
  const db = c.get('database').db;
  const found = await findAccount(db, accountId);
  if (!found) throw notFound();
  const tree = await c.get('orgTree')();
  const units = tree.roots().flatMap((root) => tree.subtree(root.id));
  const hasErrors = Object.keys(errors).length > 0;
  return renderPage(
    c,
    found.displayName,
    <AccountDetailPage
      account={found}
      grants={await listGrants(db, accountId)}
      units={units.map((unit) => ({ id: unit.id, name: `${'– '.repeat(tree.path(unit.id).length - 1)}${unit.name}` }))}
      csrfToken={c.get('csrfToken')}
      errors={errors}
      values={values}
      isSelf={found.id === c.get('principal')?.accountId}
      saved={c.req.query('saved')}
    />,
    { status: hasErrors ? 400 : 200, hasErrors },
  );
}

export const adminRoutes = new Hono<AppEnv>()
  .get('/accounts', requires('admin.accounts'), async (c) => {
    const accounts = await listAccounts(c.get('database').db);
    return renderPage(c, 'Accounts', <AccountsPage accounts={accounts} />);
  })
  .get('/accounts/new', requires('admin.accounts'), (c) =>
    renderPage(c, 'Add an account', <NewAccountPage csrfToken={c.get('csrfToken')} errors={{}} values={{}} />),
  )
  .post('/accounts/new', requires('admin.accounts'), async (c) => {
    const db = c.get('database').db;
    const form = parseForm(NewAccountSchema, await c.req.parseBody());
    const showErrors = (errors: FieldErrors, values: FormValues) =>
      renderPage(c, 'Add an account', <NewAccountPage csrfToken={c.get('csrfToken')} errors={errors} values={values} />, {
        status: 400,
        hasErrors: true,
      });
    if (!form.ok) return showErrors(form.errors, form.values);
    if (await findAccountByEmail(db, form.data.email)) {
      return showErrors({ email: 'An account with this email address already exists' }, { email: form.data.email, displayName: form.data.displayName });
    }
    const password = form.data.password ?? '';
    const accountId = await insertAccount(db, {
      email: form.data.email,
      displayName: form.data.displayName,
      passwordHash: password === '' ? null : await hashPassword(password),
    });
    await recordAudit(db, { actorAccountId: actorId(c), action: 'account.created', subject: `account:${accountId}` }, c.get('clock')());
    return c.redirect(`/admin/accounts/${accountId}?saved=created`, 303);
  })
  .get('/accounts/:accountId', requires('admin.accounts'), (c) => showAccount(c, accountIdParam(c)))
  .post('/accounts/:accountId/grants', requires('admin.accounts'), async (c) => {
    const accountId = accountIdParam(c);
    const db = c.get('database').db;
    const form = parseForm(NewGrantSchema, await c.req.parseBody());
    if (!form.ok) return showAccount(c, accountId, form.errors, form.values);
    const tree = await c.get('orgTree')();
    if (!tree.get(form.data.unitId)) return showAccount(c, accountId, { unitId: 'Select an organisation unit' }, {});
    if (!(await findAccount(db, accountId))) throw notFound();
    const isNew = await insertGrant(db, { accountId, role: form.data.role, unitId: form.data.unitId, grantedBy: actorId(c) });
    if (isNew) {
      await recordAudit(
        db,
        { actorAccountId: actorId(c), action: 'grant.added', subject: `account:${accountId}`, detail: { role: form.data.role, unitId: form.data.unitId } },
        c.get('clock')(),
      );
    }
    return c.redirect(`/admin/accounts/${accountId}?saved=${isNew ? 'grant' : 'unchanged'}`, 303);
  })
  .post('/accounts/:accountId/grants/:grantId/remove', requires('admin.accounts'), async (c) => {
    const accountId = accountIdParam(c);
    const db = c.get('database').db;
    const grants = await listGrants(db, accountId);
    const grant = grants.find((g) => g.id === Number(c.req.param('grantId')));
    if (!grant) throw notFound();
    await deleteGrant(db, grant.id);
    await recordAudit(
      db,
      { actorAccountId: actorId(c), action: 'grant.removed', subject: `account:${accountId}`, detail: { role: grant.role, unitId: grant.unitId } },
      c.get('clock')(),
    );
    return c.redirect(`/admin/accounts/${accountId}?saved=removed`, 303);
  })
  .post('/accounts/:accountId/status', requires('admin.accounts'), async (c) => {
    const accountId = accountIdParam(c);
    const db = c.get('database').db;
    const found = await findAccount(db, accountId);
    if (!found) throw notFound();
    if (found.id === actorId(c)) return showAccount(c, accountId, { status: 'You cannot deactivate your own account' });
    await setAccountActive(db, accountId, !found.isActive);
    await recordAudit(
      db,
      { actorAccountId: actorId(c), action: 'account.updated', subject: `account:${accountId}`, detail: { isActive: !found.isActive } },
      c.get('clock')(),
    );
    return c.redirect(`/admin/accounts/${accountId}?saved=status`, 303);
  })
  .get('/audit', requires('audit.read'), async (c) => {
    const before = Number(c.req.query('before'));
    const events = await listAuditEvents(c.get('database').db, Number.isInteger(before) && before > 0 ? before : undefined);
    return renderPage(c, 'Audit log', <AuditPage events={events} roleLabels={ROLE_LABELS} />);
  });
