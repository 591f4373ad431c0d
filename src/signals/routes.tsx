import { Hono, type Context } from 'hono';
import { recordAudit } from '#src/auth/audit.ts';
import { requires } from '#src/auth/guard.ts';
import { can, type Principal } from '#src/auth/permissions.ts';
import type { AppEnv } from '#src/web/env.ts';
import { AppError, forbidden, notFound } from '#src/web/errors.ts';
import { parseForm, type FieldErrors, type FormValues } from '#src/web/forms.ts';
import { renderPage } from '#src/web/render.tsx';
import { isoDate } from '#src/web/today.ts';
import { CloseSignalSchema, parseActionOutcome, parseNewAction } from './forms.ts';
import { formatAge } from './present.ts';
import { unitsInScope } from './scope.ts';
import {
  acknowledgeSignal,
  closeSignal,
  completeAction,
  countSignalsInUnits,
  findAccountNames,
  findSignal,
  insertAction,
  listActionsForSignal,
  listSignalsInUnits,
  type SignalStatus,
} from './store.ts';
import { SignalPage, signalTitle, SignalsInboxPage, type InboxGroup } from './views.tsx';

const STATUSES: readonly SignalStatus[] = ['new', 'acknowledged', 'closed'];
const INBOX_LIMIT = 100;

function signedInPrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw notFound();
  return principal;
}

function positiveIdParam(c: Context<AppEnv>, name: string): number {
  const id = Number(c.req.param(name));
  if (!Number.isInteger(id) || id <= 0) throw notFound();
  return id;
}

/**
 * The signal in the path, if the principal may manage signals for its unit. Like a unit route's
 * guard: an unknown signal is 404, one outside the principal's units 403.
 */
async function loadScopedSignal(c: Context<AppEnv>) {
  const principal = signedInPrincipal(c);
  const found = await findSignal(c.get('database').db, positiveIdParam(c, 'signalId'));
  if (!found) throw notFound();
  const tree = await c.get('orgTree')();
  if (!can(principal, 'signals.manage', found.unitId, tree)) throw forbidden();
  return { principal, signal: found, unitName: tree.get(found.unitId)?.name ?? 'A closed unit' };
}

async function showSignal(c: Context<AppEnv>, errors: FieldErrors = {}, values: FormValues = {}) {
  const { signal, unitName } = await loadScopedSignal(c);
  const db = c.get('database').db;
  const names = await findAccountNames(db, [signal.acknowledgedBy, signal.closedBy].filter((id): id is number => id !== null));
  const hasErrors = Object.keys(errors).length > 0;
  return renderPage(
    c,
    signalTitle(signal, unitName),
    <SignalPage
      signal={{ ...signal, isActive: signal.isActive === 1 }}
      unitName={unitName}
      acknowledgedBy={signal.acknowledgedBy === null ? undefined : names.get(signal.acknowledgedBy)}
      closedBy={signal.closedBy === null ? undefined : names.get(signal.closedBy)}
      actions={await listActionsForSignal(db, signal.id)}
      csrfToken={c.get('csrfToken')}
      errors={errors}
      values={values}
      saved={c.req.query('saved')}
    />,
    { status: hasErrors ? 400 : 200, hasErrors },
  );
}

async function formValues(c: Context<AppEnv>): Promise<FormValues> {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(await c.req.parseBody())) {
    if (typeof value === 'string' && key !== '_csrf') values[key] = value;
  }
  return values;
}

export const signalRoutes = new Hono<AppEnv>()
  .get('/', requires('signals.manage'), async (c) => {
    const principal = signedInPrincipal(c);
    const tree = await c.get('orgTree')();
    const db = c.get('database').db;
    const inScope = unitsInScope(principal, 'signals.manage', tree);
    const unitQuery = c.req.query('unit') ?? '';
    let unitIds = inScope.map((unit) => unit.id);
    if (unitQuery !== '') {
      const unitId = Number(unitQuery);
      if (!Number.isInteger(unitId) || !tree.get(unitId)) throw notFound();
      if (!can(principal, 'signals.manage', unitId, tree)) throw forbidden();
      unitIds = tree.subtree(unitId).map((unit) => unit.id);
    }
    const statusQuery = c.req.query('status') ?? '';
    const statuses = STATUSES.filter((status) => statusQuery === '' || statusQuery === status);
    const now = c.get('clock')();
    const groups: InboxGroup[] = [];
    for (const status of statuses.length > 0 ? statuses : STATUSES) {
      const rows = await listSignalsInUnits(db, unitIds, status, INBOX_LIMIT);
      groups.push({
        status,
        total: rows.length < INBOX_LIMIT ? rows.length : await countSignalsInUnits(db, unitIds, status),
        rows: rows.map((row) => ({
          id: row.id,
          unitName: tree.get(row.unitId)?.name ?? 'A closed unit',
          metricName: row.metricName,
          kind: row.kind,
          sincePeriod: row.sincePeriod,
          evidence: row.evidence,
          age: formatAge(row.createdAt, now),
          isActive: row.isActive === 1,
        })),
      });
    }
    return renderPage(
      c,
      'Signals',
      <SignalsInboxPage
        groups={groups}
        status={statuses.length === 1 ? statusQuery : ''}
        unitId={unitQuery}
        units={inScope.map((unit) => ({ id: unit.id, name: `${'– '.repeat(tree.path(unit.id).length - 1)}${unit.name}` }))}
        limit={INBOX_LIMIT}
      />,
    );
  })
  .get('/:signalId', requires('signals.manage'), (c) => showSignal(c))
  .post('/:signalId/acknowledge', requires('signals.manage'), async (c) => {
    const { principal, signal } = await loadScopedSignal(c);
    const db = c.get('database').db;
    const now = c.get('clock')();
    const changed = await acknowledgeSignal(db, signal.id, principal.accountId, now);
    if (changed) await recordAudit(db, { actorAccountId: principal.accountId, action: 'signal.acknowledged', subject: `signal:${signal.id}` }, now);
    return c.redirect(`/signals/${signal.id}?saved=${changed ? 'acknowledged' : 'unchanged'}`, 303);
  })
  .post('/:signalId/actions', requires('signals.manage'), async (c) => {
    const { principal, signal } = await loadScopedSignal(c);
    const values = await formValues(c);
    if (signal.status === 'closed') throw new AppError(409, 'This signal is closed, so actions can no longer be added.');
    const now = c.get('clock')();
    const form = parseNewAction(values, isoDate(now));
    if (!form.ok) return showSignal(c, form.errors, values);
    const db = c.get('database').db;
    const actionId = await insertAction(db, { ...form.data, unitId: signal.unitId, signalId: signal.id, createdBy: principal.accountId }, now);
    await recordAudit(
      db,
      {
        actorAccountId: principal.accountId,
        action: 'action.created',
        subject: `action:${actionId}`,
        detail: { signalId: signal.id, unitId: signal.unitId, dueOn: form.data.dueOn, reviewOn: form.data.reviewOn },
      },
      now,
    );
    return c.redirect(`/signals/${signal.id}?saved=action`, 303);
  })
  .post('/:signalId/actions/:actionId/done', requires('signals.manage'), async (c) => {
    const { principal, signal } = await loadScopedSignal(c);
    const actionId = positiveIdParam(c, 'actionId');
    const values = await formValues(c);
    const form = parseActionOutcome(values, actionId);
    if (!form.ok) return showSignal(c, form.errors, values);
    const db = c.get('database').db;
    const now = c.get('clock')();
    const changed = await completeAction(db, signal.id, actionId, form.outcome, now);
    if (changed) {
      await recordAudit(
        db,
        { actorAccountId: principal.accountId, action: 'action.updated', subject: `action:${actionId}`, detail: { signalId: signal.id, status: 'done' } },
        now,
      );
    }
    return c.redirect(`/signals/${signal.id}?saved=${changed ? 'done' : 'unchanged'}`, 303);
  })
  .post('/:signalId/close', requires('signals.manage'), async (c) => {
    const { principal, signal } = await loadScopedSignal(c);
    const form = parseForm(CloseSignalSchema, await c.req.parseBody());
    if (!form.ok) return showSignal(c, form.errors, form.values);
    const db = c.get('database').db;
    const now = c.get('clock')();
    const changed = await closeSignal(db, signal.id, principal.accountId, form.data.closeOutcome, now);
    if (changed) await recordAudit(db, { actorAccountId: principal.accountId, action: 'signal.closed', subject: `signal:${signal.id}` }, now);
    return c.redirect(`/signals/${signal.id}?saved=${changed ? 'closed' : 'unchanged'}`, 303);
  });
