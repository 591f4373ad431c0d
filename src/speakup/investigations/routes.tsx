import { Hono, type Context } from 'hono';
import { requires } from '#src/auth/guard.ts';
import type { AppEnv } from '#src/web/env.ts';
import { AppError, notFound } from '#src/web/errors.ts';
import { parseForm, type FieldErrors, type FormValues } from '#src/web/forms.ts';
import { renderPage } from '#src/web/render.tsx';
import { caseTitle } from '../cases/case-page.tsx';
import { NoteSchema } from '../cases/forms.ts';
import { auditCase, doNotStore, loadCase, sendAttachment, signedInPrincipal, todayOf } from '../cases/load.ts';
import { byPriority, unitName } from '../cases/present.ts';
import { addMessage, listCases, listMessages, reporterIdentity, type CaseRow } from '../store.ts';
import { InvestigationPage, InvestigationsPage } from './views.tsx';

/**
 * The case in the path if it is referred to the signed-in investigator. Any other case answers
 * exactly as one that does not exist, so case ids cannot be probed. Redaction takes the referral
 * away (retention.ts), so an investigator never reaches a redacted case.
 */
async function loadAssignedCase(c: Context<AppEnv>): Promise<CaseRow> {
  const row = await loadCase(c);
  if (row.investigatorAccountId !== signedInPrincipal(c).accountId) throw notFound();
  return row;
}

async function showInvestigation(c: Context<AppEnv>, row: CaseRow, submitted: { errors?: FieldErrors; values?: FormValues } = {}) {
  const db = c.get('database').db;
  const ring = c.get('config').speakUpKeys;
  const errors = submitted.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  await auditCase(c, row.id, 'speak-up.case.read', { as: 'investigator' });
  doNotStore(c);
  return renderPage(
    c,
    caseTitle(row),
    <InvestigationPage
      facts={{ row, where: unitName(await c.get('orgTree')(), row.unitId), today: todayOf(c) }}
      openName={row.raisedAs === 'open' ? reporterIdentity(ring, row).name : null}
      messages={await listMessages(db, ring, row.id, { includeInternal: true })}
      csrfToken={c.get('csrfToken')}
      errors={errors}
      values={submitted.values ?? {}}
      saved={c.req.query('saved')}
    />,
    { status: hasErrors ? 400 : 200, hasErrors },
  );
}

/** Mounted at /speak-up/investigations (investigators, assigned cases only). */
export const investigationRoutes = new Hono<AppEnv>()
  .get('/', requires('speakup.investigate'), async (c) => {
    const today = todayOf(c);
    const rows = await listCases(c.get('database').db, { investigatorAccountId: signedInPrincipal(c).accountId });
    return renderPage(c, 'Your investigations', <InvestigationsPage rows={byPriority(rows, today)} today={today} />);
  })
  .get('/:caseId', requires('speakup.investigate'), async (c) => showInvestigation(c, await loadAssignedCase(c)))
  .get('/:caseId/attachments/:attachmentId', requires('speakup.investigate'), async (c) => sendAttachment(c, await loadAssignedCase(c)))
  .post('/:caseId/notes', requires('speakup.investigate'), async (c) => {
    const row = await loadAssignedCase(c);
    if (row.status === 'closed') throw new AppError(409, 'This case is closed, so notes can no longer be added.');
    const form = parseForm(NoteSchema, await c.req.parseBody());
    if (!form.ok) return showInvestigation(c, row, form);
    await addMessage(
      c.get('database').db,
      c.get('config').speakUpKeys,
      { caseId: row.id, author: 'investigator', authorAccountId: signedInPrincipal(c).accountId, internal: true, body: form.data.note },
      todayOf(c),
    );
    await auditCase(c, row.id, 'speak-up.case.noted', { as: 'investigator' });
    return c.redirect(`/speak-up/investigations/${row.id}?saved=noted`, 303);
  });
