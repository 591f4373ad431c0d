import { Hono, type Context } from 'hono';
import { requires } from '#src/auth/guard.ts';
import type { AppEnv } from '#src/web/env.ts';
import { notFound } from '#src/web/errors.ts';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import { renderPage } from '#src/web/render.tsx';
import { IGNORE_COLUMN } from './headers.ts';
import { findImportJob, startImportJob, waitForJob, type ImportJob } from './jobs.ts';
import { findKind } from './kinds/index.ts';
import { findBatch, HISTORY_PAGE_SIZE, listBatches } from './store.ts';
import { BatchPage, CheckFailedPage, DryRunPage, HistoryPage, MappingPage, mappingField, NewImportPage, ProgressPage } from './views.tsx';

/** How long an upload waits for its import before showing the progress page instead. */
const WAIT_FOR_RESULT_MS = 1500;
const NOTICES: Record<string, string> = {
  repeat: 'This file had already been imported, so nothing changed. These are the details of that import.',
};

function principalOf(c: Context<AppEnv>) {
  const principal = c.get('principal');
  if (!principal) throw notFound();
  return principal;
}

function jobOf(c: Context<AppEnv>): ImportJob {
  const job = findImportJob(c.req.param('runId') ?? '', principalOf(c).accountId);
  if (!job) throw notFound('This import has finished and is no longer shown here. See the import history.');
  return job;
}

/** Where a finished job's result lives: the batch page, or this run's own page (dry runs, mapping). */
function resultHref(job: ImportJob): string {
  const result = job.result;
  if (result?.status === 'applied') return `/imports/${result.batch.id}`;
  if (result?.status === 'already-applied') return `/imports/${result.batch.id}?notice=repeat`;
  if (result?.status === 'rejected' && result.batch) return `/imports/${result.batch.id}`;
  return `/imports/runs/${job.id}`;
}

async function startAndRedirect(c: Context<AppEnv>, spec: Parameters<typeof startImportJob>[1]) {
  const job = startImportJob(c.get('database').db, spec, c.get('clock'));
  await waitForJob(job, WAIT_FOR_RESULT_MS);
  return c.redirect(job.state === 'done' ? resultHref(job) : `/imports/runs/${job.id}`, 303);
}

function renderNew(c: Context<AppEnv>, errors: FieldErrors, values: FormValues) {
  const hasErrors = Object.keys(errors).length > 0;
  return renderPage(c, 'Import a file', <NewImportPage csrfToken={c.get('csrfToken')} errors={errors} values={values} />, { status: hasErrors ? 400 : 200, hasErrors });
}

function renderMapping(c: Context<AppEnv>, job: ImportJob, errors: FieldErrors, values: FormValues) {
  const result = job.result;
  if (result?.status !== 'needs-mapping') throw notFound();
  const hasErrors = Object.keys(errors).length > 0;
  return renderPage(
    c,
    `Match the columns of ${job.fileName}`,
    <MappingPage
      runId={job.id}
      fileName={job.fileName}
      kindTitle={result.kindTitle}
      unknownHeaders={result.unknownHeaders}
      columns={result.columns}
      csrfToken={c.get('csrfToken')}
      errors={errors}
      values={values}
    />,
    { status: hasErrors ? 400 : 200, hasErrors },
  );
}

export const importRoutes = new Hono<AppEnv>()
  .get('/', requires('imports.run'), async (c) => {
    const before = Number(c.req.query('before'));
    const batches = await listBatches(c.get('database').db, Number.isInteger(before) && before > 0 ? before : undefined);
    const last = batches.at(-1);
    const olderHref = batches.length === HISTORY_PAGE_SIZE && last ? `/imports?before=${last.id}` : null;
    return renderPage(c, 'Imports', <HistoryPage batches={batches} olderHref={olderHref} />);
  })
  .get('/new', requires('imports.run'), (c) => renderNew(c, {}, {}))
  .post('/', requires('imports.run'), async (c) => {
    const body = await c.req.parseBody();
    const values: FormValues = {
      kind: typeof body.kind === 'string' ? body.kind : '',
      sheet: typeof body.sheet === 'string' ? body.sheet.trim() : '',
    };
    const errors: FieldErrors = {};
    const kind = findKind(values.kind ?? '');
    if (!kind) errors.kind = 'Select what kind of file this is';
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) errors.file = 'Select a file to import';
    if (!kind || !(file instanceof File) || file.size === 0) return renderNew(c, errors, values);
    return startAndRedirect(c, {
      accountId: principalOf(c).accountId,
      kind: kind.name,
      fileName: file.name || 'upload',
      sheet: values.sheet || undefined,
      dryRun: body.action === 'check',
      mapping: {},
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
  })
  .get('/runs/:runId', requires('imports.run'), (c) => {
    const job = jobOf(c);
    if (job.state === 'queued' || job.state === 'running') return renderPage(c, `Importing ${job.fileName}`, <ProgressPage runId={job.id} fileName={job.fileName} progress={job.progress} />);
    const result = job.result;
    if (job.state === 'failed' || !result) throw new Error(`Import ${job.id} failed`);
    if (result.status === 'needs-mapping') return renderMapping(c, job, {}, {});
    if (result.status === 'dry-run') {
      return renderPage(c, `Checked ${job.fileName}`, <DryRunPage runId={job.id} fileName={job.fileName} rows={result.rows} summary={result.summary} csrfToken={c.get('csrfToken')} />);
    }
    if (result.status === 'rejected' && !result.batch) {
      return renderPage(c, `Checked ${job.fileName}`, <CheckFailedPage fileName={job.fileName} errors={result.errors} errorCount={result.errorCount} />);
    }
    return c.redirect(resultHref(job));
  })
  .get('/runs/:runId/status', requires('imports.run'), (c) => {
    const job = jobOf(c);
    const isFinished = job.state === 'done' || job.state === 'failed';
    return c.json({ state: job.state, progress: job.progress, location: isFinished ? resultHref(job) : null });
  })
  .post('/runs/:runId/mapping', requires('imports.run'), async (c) => {
    const job = jobOf(c);
    const result = job.result;
    if (result?.status !== 'needs-mapping' || !job.bytes) throw notFound();
    const body = await c.req.parseBody();
    const values: FormValues = {};
    const errors: FieldErrors = {};
    const mapping: Record<string, string> = {};
    const chosenBy = new Map<string, string>();
    result.unknownHeaders.forEach((header, index) => {
      const field = mappingField(index);
      const value = typeof body[field] === 'string' ? body[field] : '';
      values[field] = value;
      const column = result.columns.find((c) => c.name === value);
      if (value !== IGNORE_COLUMN && !column) {
        errors[field] = `Select a column for “${header}”, or leave it out`;
        return;
      }
      if (column && chosenBy.has(column.name)) {
        errors[field] = `“${header}” and “${chosenBy.get(column.name) ?? ''}” cannot both be ${column.header}: choose one`;
        return;
      }
      if (column) chosenBy.set(column.name, header);
      mapping[header] = value;
    });
    if (Object.keys(errors).length > 0) return renderMapping(c, job, errors, values);
    return startAndRedirect(c, { ...job, mapping: { ...job.mapping, ...mapping }, bytes: job.bytes });
  })
  .post('/runs/:runId/apply', requires('imports.run'), async (c) => {
    const job = jobOf(c);
    if (job.result?.status !== 'dry-run' || !job.bytes) throw notFound();
    return startAndRedirect(c, { ...job, dryRun: false, bytes: job.bytes });
  })
  .get('/:batchId{[0-9]+}', requires('imports.run'), async (c) => {
    const found = await findBatch(c.get('database').db, Number(c.req.param('batchId')));
    if (!found) throw notFound();
    const notice = NOTICES[c.req.query('notice') ?? ''];
    const title = `${found.batch.status === 'applied' ? 'Imported' : 'Not imported'}: ${found.batch.fileName}`;
    return renderPage(c, title, <BatchPage batch={{ ...found.batch, accountName: found.accountName }} notice={notice} />);
  });
