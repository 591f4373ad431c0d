import { Hono, type Context } from 'hono';
import { recordAudit } from '#src/auth/audit.ts';
import { requires } from '#src/auth/guard.ts';
import { can, type Principal } from '#src/auth/permissions.ts';
import { formatPeriodLong } from '#src/scorecard/format.ts';
import type { AppEnv } from '#src/web/env.ts';
import { AppError, notFound } from '#src/web/errors.ts';
import { parseForm, type FieldErrors, type FormValues } from '#src/web/forms.ts';
import { renderPage } from '#src/web/render.tsx';
import { buildSnapshot } from './build.ts';
import { reportTitle } from './document.tsx';
import { CommentarySchema, monthChoices, newReportSchema } from './forms.ts';
import { loadReport, loadReportSnapshot } from './load.ts';
import { findAccountName, insertReport, isBoardMetric, latestScorecardMonth, listReports, moveReport, publishReport, saveCommentary } from './store.ts';
import { MetricPage, ReportPage, ReportsListPage } from './views.tsx';

function signedIn(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw notFound();
  return principal;
}

async function choicesFor(c: Context<AppEnv>): Promise<string[]> {
  const [root] = (await c.get('orgTree')()).roots();
  const latest = root ? await latestScorecardMonth(c.get('database').db, root.id) : null;
  return latest ? monthChoices(latest) : [];
}

async function showList(c: Context<AppEnv>, errors: FieldErrors = {}, values: FormValues = {}) {
  const principal = signedIn(c);
  const canEdit = can(principal, 'board.reports.edit');
  const hasErrors = Object.keys(errors).length > 0;
  return renderPage(
    c,
    'Board reports',
    <ReportsListPage
      reports={await listReports(c.get('database').db)}
      canEdit={canEdit}
      choices={canEdit ? await choicesFor(c) : []}
      csrfToken={c.get('csrfToken')}
      errors={errors}
      values={values}
      saved={c.req.query('saved')}
    />,
    { status: hasErrors ? 400 : 200, hasErrors },
  );
}

async function showMetric(c: Context<AppEnv>, errors: FieldErrors = {}, values: FormValues = {}) {
  const principal = signedIn(c);
  const { report, snapshot } = await loadReportSnapshot(c);
  const metric = snapshot.objectives.flatMap((objective) => objective.metrics).find((candidate) => candidate.key === c.req.param('metricKey'));
  if (!metric) throw notFound();
  const hasErrors = Object.keys(errors).length > 0;
  return renderPage(
    c,
    `${metric.name}: ${reportTitle(report.month)}`,
    <MetricPage
      report={report}
      snapshot={snapshot}
      metric={metric}
      canComment={report.status === 'draft' && can(principal, 'board.reports.edit')}
      csrfToken={c.get('csrfToken')}
      errors={errors}
      values={values}
      saved={c.req.query('saved')}
    />,
    { status: hasErrors ? 400 : 200, hasErrors },
  );
}

const REFUSALS = {
  ready: 'Only a draft report can be sent for review.',
  return: 'Only a report that is ready for review can be returned to draft.',
  publish: 'Only a report that is ready for review can be published.',
  commentary: 'Commentary can only be written while the report is a draft: a published report never changes, and one ready for review must be returned to draft first.',
} as const;

/** Mounted at /board/reports (the monthly integrated report: list, pages, commentary, publishing). */
export const reportRoutes = new Hono<AppEnv>()
  .get('/', requires('board.reports.view'), (c) => showList(c))
  .post('/', requires('board.reports.edit'), async (c) => {
    const principal = signedIn(c);
    const form = parseForm(newReportSchema(await choicesFor(c)), await c.req.parseBody());
    if (!form.ok) return showList(c, form.errors, form.values);
    const db = c.get('database').db;
    const now = c.get('clock')();
    const id = await insertReport(db, form.data.month, principal.accountId, now);
    if (id === undefined) return showList(c, { month: `A report for ${formatPeriodLong(form.data.month)} has already been started: choose another month` }, { month: form.data.month });
    await recordAudit(db, { actorAccountId: principal.accountId, action: 'board.report.created', subject: `board-report:${id}`, detail: { month: form.data.month } }, now);
    return c.redirect(`/board/reports/${id}?saved=created`, 303);
  })
  .get('/:reportId', requires('board.reports.view'), async (c) => {
    const principal = signedIn(c);
    const { report, snapshot } = await loadReportSnapshot(c);
    return renderPage(
      c,
      reportTitle(report.month),
      <ReportPage
        report={report}
        snapshot={snapshot}
        publishedBy={await findAccountName(c.get('database').db, report.publishedBy)}
        canEdit={can(principal, 'board.reports.edit')}
        canPublish={can(principal, 'board.reports.publish')}
        csrfToken={c.get('csrfToken')}
        saved={c.req.query('saved')}
      />,
    );
  })
  .post('/:reportId/ready', requires('board.reports.edit'), async (c) => {
    const principal = signedIn(c);
    const report = await loadReport(c);
    const db = c.get('database').db;
    if (!(await moveReport(db, report.id, 'draft', 'ready'))) throw new AppError(409, REFUSALS.ready);
    await recordAudit(db, { actorAccountId: principal.accountId, action: 'board.report.ready', subject: `board-report:${report.id}`, detail: { month: report.month } }, c.get('clock')());
    return c.redirect(`/board/reports/${report.id}?saved=ready`, 303);
  })
  .post('/:reportId/return', requires('board.reports.edit'), async (c) => {
    const principal = signedIn(c);
    const report = await loadReport(c);
    const db = c.get('database').db;
    if (!(await moveReport(db, report.id, 'ready', 'draft'))) throw new AppError(409, REFUSALS.return);
    await recordAudit(db, { actorAccountId: principal.accountId, action: 'board.report.returned', subject: `board-report:${report.id}`, detail: { month: report.month } }, c.get('clock')());
    return c.redirect(`/board/reports/${report.id}?saved=returned`, 303);
  })
  .post('/:reportId/publish', requires('board.reports.publish'), async (c) => {
    const principal = signedIn(c);
    const report = await loadReport(c);
    if (report.status !== 'ready') throw new AppError(409, REFUSALS.publish);
    const db = c.get('database').db;
    const now = c.get('clock')();
    const snapshot = await buildSnapshot(db, report.month, now);
    if (!(await publishReport(db, report.id, snapshot, principal.accountId, now))) throw new AppError(409, REFUSALS.publish);
    await recordAudit(db, { actorAccountId: principal.accountId, action: 'board.report.published', subject: `board-report:${report.id}`, detail: { month: report.month } }, now);
    return c.redirect(`/board/reports/${report.id}?saved=published`, 303);
  })
  .get('/:reportId/metrics/:metricKey', requires('board.reports.view'), (c) => showMetric(c))
  .post('/:reportId/metrics/:metricKey/commentary', requires('board.reports.edit'), async (c) => {
    const principal = signedIn(c);
    const report = await loadReport(c);
    if (report.status !== 'draft') throw new AppError(409, REFUSALS.commentary);
    const db = c.get('database').db;
    const metricKey = c.req.param('metricKey');
    if (!(await isBoardMetric(db, metricKey))) throw notFound();
    const form = parseForm(CommentarySchema, await c.req.parseBody());
    if (!form.ok) return showMetric(c, form.errors, form.values);
    const now = c.get('clock')();
    await saveCommentary(db, report.id, metricKey, form.data, principal.accountId, now);
    await recordAudit(db, { actorAccountId: principal.accountId, action: 'board.commentary.saved', subject: `board-report:${report.id}`, detail: { metricKey } }, now);
    return c.redirect(`/board/reports/${report.id}/metrics/${metricKey}?saved=commentary`, 303);
  });
