import { Hono, type Context } from 'hono';
import { requires } from '#src/auth/guard.ts';
import type { AppEnv } from '#src/web/env.ts';
import { AppError, notFound } from '#src/web/errors.ts';
import { parseForm, type FieldErrors, type FormValues } from '#src/web/forms.ts';
import { renderPage } from '#src/web/render.tsx';
import { queueReplyNotice } from '../reply-notice.ts';
import {
  acknowledgeCase,
  addMessage,
  caseOutcome,
  closeCase,
  countCasesByStatus,
  investigatorName,
  listCases,
  listInvestigators,
  listMessages,
  referCase,
  reporterIdentity,
  triageCase,
  type CaseRow,
} from '../store.ts';
import { caseTitle, GuardianCasePage } from './case-page.tsx';
import { CloseSchema, MessageSchema, NoteSchema, parseTriage, referralSchema, type TriageValues } from './forms.ts';
import { InboxPage } from './inbox-page.tsx';
import { auditCase, doNotStore, loadCase, sendAttachment, signedInPrincipal, todayOf } from './load.ts';
import { byPriority, inboxSummary, inboxView, triageOptions, triageValuesOf, unitName, type InboxView } from './present.ts';

/** Open cases are the Guardian's working set (tens, not thousands): all of them are listed and summed. */
const OPEN_LIMIT = 5000;
/** Closed cases pile up over the years (the demo imports hundreds): only the newest are listed. */
const CLOSED_LIMIT = 100;

interface Submitted {
  errors?: FieldErrors;
  values?: FormValues;
  triageValues?: TriageValues;
}

async function showCase(c: Context<AppEnv>, row: CaseRow, submitted: Submitted = {}) {
  const db = c.get('database').db;
  const ring = c.get('config').speakUpKeys;
  const tree = await c.get('orgTree')();
  const today = todayOf(c);
  await auditCase(c, row.id, 'speak-up.case.read');
  const errors = submitted.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  const redacted = row.redactedOn !== null;
  doNotStore(c);
  return renderPage(
    c,
    caseTitle(row),
    <GuardianCasePage
      facts={{ row, where: unitName(tree, row.unitId), today }}
      investigator={row.investigatorAccountId === null ? undefined : await investigatorName(db, row.investigatorAccountId)}
      identity={redacted || row.raisedAs === 'anonymous' ? undefined : reporterIdentity(ring, row)}
      messages={redacted ? [] : await listMessages(db, ring, row.id, { includeInternal: true })}
      closing={!redacted && row.status === 'closed' ? caseOutcome(ring, row) : undefined}
      triageOptions={triageOptions(row, tree)}
      triageValues={submitted.triageValues ?? triageValuesOf(row)}
      investigators={await listInvestigators(db)}
      csrfToken={c.get('csrfToken')}
      errors={errors}
      values={submitted.values ?? {}}
      saved={c.req.query('saved')}
    />,
    { status: hasErrors ? 400 : 200, hasErrors },
  );
}

/** The case in the path, if it may still be changed: a redacted case never, a closed one only by triage. */
async function loadChangeableCase(c: Context<AppEnv>, { closedToo = false } = {}): Promise<CaseRow> {
  const row = await loadCase(c);
  if (row.redactedOn !== null) throw new AppError(409, 'This case has been redacted, so it can no longer be changed.');
  if (row.status === 'closed' && !closedToo) throw new AppError(409, 'This case is closed, so it can no longer be changed.');
  return row;
}

const saved = (c: Context<AppEnv>, row: CaseRow, what: string) => c.redirect(`/speak-up/cases/${row.id}?saved=${what}`, 303);

export const caseRoutes = new Hono<AppEnv>()
  .get('/', requires('speakup.cases'), async (c) => {
    const view = inboxView(c.req.query('view'));
    if (!view) throw notFound();
    const db = c.get('database').db;
    const today = todayOf(c);
    const byStatus = await countCasesByStatus(db);
    const openCount = byStatus.new + byStatus.acknowledged + byStatus.referred;
    const counts: Record<InboxView, number> = { ...byStatus, open: openCount, all: openCount + byStatus.closed };
    const open = await listCases(db, { status: 'open' }, OPEN_LIMIT);
    const closed = view === 'closed' || view === 'all' ? await listCases(db, { status: 'closed' }, CLOSED_LIMIT) : [];
    const shown = view === 'open' || view === 'all' ? [...open, ...closed] : view === 'closed' ? closed : open.filter((row) => row.status === view);
    return renderPage(
      c,
      'Speak-up cases',
      <InboxPage
        view={view}
        counts={counts}
        summary={inboxSummary(open, today)}
        rows={byPriority(shown, today)}
        closedLimit={CLOSED_LIMIT}
        closedShown={closed.length}
        today={today}
      />,
    );
  })
  .get('/:caseId', requires('speakup.cases'), async (c) => showCase(c, await loadCase(c)))
  .get('/:caseId/attachments/:attachmentId', requires('speakup.cases'), async (c) => sendAttachment(c, await loadCase(c)))
  .post('/:caseId/acknowledge', requires('speakup.cases'), async (c) => {
    const row = await loadChangeableCase(c);
    if (row.status !== 'new') return saved(c, row, 'unchanged');
    await acknowledgeCase(c.get('database').db, row.id, todayOf(c));
    await auditCase(c, row.id, 'speak-up.case.acknowledged');
    return saved(c, row, 'acknowledged');
  })
  .post('/:caseId/triage', requires('speakup.cases'), async (c) => {
    const row = await loadChangeableCase(c, { closedToo: true });
    const options = triageOptions(row, await c.get('orgTree')());
    const form = parseTriage(await c.req.parseBody({ all: true }), {
      categories: options.categories.map((category) => category.value),
      workerGroups: options.workerGroups,
      unitIds: options.units.map((unit) => unit.id),
    });
    if (!form.ok) return showCase(c, row, { errors: form.errors, triageValues: form.values });
    await triageCase(c.get('database').db, row.id, form.data);
    await auditCase(c, row.id, 'speak-up.case.triaged', { categories: form.data.categories.join(','), urgency: form.data.urgency, unitId: form.data.unitId });
    return saved(c, row, 'triaged');
  })
  .post('/:caseId/messages', requires('speakup.cases'), async (c) => {
    const row = await loadChangeableCase(c);
    if (row.origin === 'imported') throw new AppError(409, 'This case was imported from the Guardian’s case log: its reporter cannot read messages in Vitals.');
    const form = parseForm(MessageSchema, await c.req.parseBody());
    if (!form.ok) return showCase(c, row, form);
    const db = c.get('database').db;
    const principal = signedInPrincipal(c);
    await addMessage(
      db,
      c.get('config').speakUpKeys,
      { caseId: row.id, author: 'guardian', authorAccountId: principal.accountId, internal: false, body: form.data.message },
      todayOf(c),
    );
    const notified = (await queueReplyNotice(db, c.get('config'), row, c.get('clock')())) !== undefined;
    // Replying to a new case acknowledges it too (addMessage).
    await auditCase(c, row.id, 'speak-up.case.replied', { notified, acknowledged: row.status === 'new' });
    return saved(c, row, 'replied');
  })
  .post('/:caseId/notes', requires('speakup.cases'), async (c) => {
    const row = await loadChangeableCase(c);
    const form = parseForm(NoteSchema, await c.req.parseBody());
    if (!form.ok) return showCase(c, row, form);
    await addMessage(
      c.get('database').db,
      c.get('config').speakUpKeys,
      { caseId: row.id, author: 'guardian', authorAccountId: signedInPrincipal(c).accountId, internal: true, body: form.data.note },
      todayOf(c),
    );
    await auditCase(c, row.id, 'speak-up.case.noted');
    return saved(c, row, 'noted');
  })
  .post('/:caseId/refer', requires('speakup.cases'), async (c) => {
    const row = await loadChangeableCase(c);
    const db = c.get('database').db;
    const investigators = await listInvestigators(db);
    const form = parseForm(
      referralSchema(investigators.map((investigator) => investigator.id)),
      await c.req.parseBody(),
    );
    if (!form.ok) return showCase(c, row, form);
    await referCase(db, row.id, form.data.investigator, todayOf(c));
    await auditCase(c, row.id, 'speak-up.case.referred', { investigatorAccountId: form.data.investigator });
    return saved(c, row, form.data.investigator === null ? 'taken-back' : 'referred');
  })
  .post('/:caseId/close', requires('speakup.cases'), async (c) => {
    const row = await loadChangeableCase(c);
    const form = parseForm(CloseSchema, await c.req.parseBody());
    if (!form.ok) return showCase(c, row, form);
    await closeCase(c.get('database').db, c.get('config').speakUpKeys, row.id, form.data, todayOf(c));
    await auditCase(c, row.id, 'speak-up.case.closed');
    return saved(c, row, 'closed');
  });
