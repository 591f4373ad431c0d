import { FileUpload } from '#src/web/components/choices.tsx';
import type { ImportRowError, ImportSummary } from '#src/db/schema.ts';
import { Breadcrumb, InsetText, SummaryList, Table } from '#src/web/components/content.tsx';
import { ErrorSummary } from '#src/web/components/error-summary.tsx';
import { Button, Input, Select } from '#src/web/components/form.tsx';
import type { FieldErrors, FormValues } from '#src/web/forms.ts';
import { formatDateTime } from '#src/web/today.ts';
import { IGNORE_COLUMN } from './headers.ts';
import type { ColumnInfo } from './kinds/define.ts';
import { IMPORT_KINDS } from './kinds/index.ts';
import type { ImportProgress } from './run-import.ts';

const number = (n: number) => n.toLocaleString('en-GB');
const kindTitle = (name: string) => IMPORT_KINDS.find((kind) => kind.name === name)?.title ?? name;
const HISTORY = { href: '/imports', text: 'Imports' };

function StatusTag({ status }: { status: 'applied' | 'rejected' }) {
  return status === 'applied' ? <strong class="nhsuk-tag nhsuk-tag--green">Applied</strong> : <strong class="nhsuk-tag nhsuk-tag--red">Rejected</strong>;
}

export interface HistoryRow {
  id: number;
  kind: string;
  fileName: string;
  status: 'applied' | 'rejected';
  rows: number;
  summary: ImportSummary | null;
  errorCount: number;
  finishedAt: Date;
  accountName: string | null;
}

export function HistoryPage({ batches, olderHref }: { batches: HistoryRow[]; olderHref: string | null }) {
  return (
    <>
      <h1>Imports</h1>
      <p>Every file offered for import, newest first. A file is applied whole or not at all; a rejected file changed nothing.</p>
      <p>
        <a class="nhsuk-button" href="/imports/new" role="button" draggable="false">
          Import a file
        </a>
      </p>
      {batches.length === 0 ? (
        <p>No files have been imported yet.</p>
      ) : (
        <Table
          caption="Import history"
          head={[{ text: 'When' }, { text: 'Who' }, { text: 'Kind' }, { text: 'File' }, { text: 'Status' }, { text: 'Rows' }, { text: 'Inserted' }, { text: 'Updated' }, { text: 'Errors' }]}
          numericColumns={[5, 6, 7, 8]}
          rows={batches.map((b) => [
            <a href={`/imports/${b.id}`}>
              {formatDateTime(b.finishedAt)}
              <span class="nhsuk-u-visually-hidden">: {b.fileName}</span>
            </a>,
            b.accountName ?? 'Vitals (demo set-up)',
            kindTitle(b.kind),
            b.fileName,
            <StatusTag status={b.status} />,
            number(b.rows),
            b.summary ? number(b.summary.inserted) : '–',
            b.summary ? number(b.summary.updated) : '–',
            number(b.errorCount),
          ])}
        />
      )}
      {olderHref && (
        <p>
          <a href={olderHref}>Older imports</a>
        </p>
      )}
    </>
  );
}

const KIND_OPTIONS = [{ value: '', text: 'Choose a kind of file' }, ...IMPORT_KINDS.map((kind) => ({ value: kind.name, text: kind.title }))];

export function NewImportPage({ csrfToken, errors, values }: { csrfToken: string; errors: FieldErrors; values: FormValues }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <Breadcrumb items={[HISTORY]} />
        <ErrorSummary errors={errors} />
        <h1>Import a file</h1>
        <p>Upload a CSV file or an Excel workbook (.xlsx) as your system exports it. Every row is checked first: if any row is wrong, nothing is imported and you get a list of what to fix.</p>
        <form method="post" action="/imports" enctype="multipart/form-data" novalidate>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <Select name="kind" label="What kind of file is it?" options={KIND_OPTIONS} value={values.kind} error={errors.kind} />
          <FileUpload
            name="file"
            label="File"
            hint="CSV (UTF-8, with a header row) or .xlsx"
            error={errors.file}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          />
          <Input name="sheet" label="Sheet (Excel workbooks only, optional)" hint="Leave blank to read the first sheet." value={values.sheet} error={errors.sheet} width={20} />
          <div class="nhsuk-button-group">
            <button class="nhsuk-button nhsuk-button--secondary" data-module="nhsuk-button" type="submit" name="action" value="check">
              Check without importing
            </button>
            <button class="nhsuk-button" data-module="nhsuk-button" type="submit" name="action" value="import">
              Import
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

export function ProgressPage({ runId, fileName, progress }: { runId: string; fileName: string; progress: ImportProgress }) {
  const isWriting = progress.phase === 'writing';
  const max = isWriting ? Math.max(progress.rowsRead, 1) : Math.max(progress.totalBytes, 1);
  const value = isWriting ? progress.rowsWritten : progress.bytesRead;
  const text = isWriting ? `Writing: ${number(progress.rowsWritten)} of ${number(progress.rowsRead)} rows` : `Checking: ${number(progress.rowsRead)} rows read`;
  return (
    <>
      <Breadcrumb items={[HISTORY]} />
      <h1>Importing {fileName}</h1>
      <div class="nhsuk-form-group" data-import-progress={`/imports/runs/${runId}/status`}>
        <label class="nhsuk-label" for="import-progress">
          Progress
        </label>
        <progress id="import-progress" max={max} value={value} aria-describedby="import-progress-text">
          {Math.round((value / max) * 100)}%
        </progress>
        <p id="import-progress-text" aria-live="polite">
          {text}
        </p>
      </div>
      <p>Large files take a minute or so. This page updates itself; without JavaScript, refresh it.</p>
      <p>
        <a href={`/imports/runs/${runId}`}>Refresh</a>
      </p>
      <script type="module" src="/assets/import-progress.js"></script>
    </>
  );
}

export function ErrorsTable({ errors, errorCount }: { errors: readonly ImportRowError[]; errorCount: number }) {
  return (
    <>
      <h2>What to fix</h2>
      <p>
        {errorCount === errors.length
          ? `${number(errorCount)} ${errorCount === 1 ? 'problem' : 'problems'}. Row numbers are as a spreadsheet shows them (the header is row 1).`
          : `${number(errorCount)} problems; the first ${number(errors.length)} are listed. Row numbers are as a spreadsheet shows them (the header is row 1).`}
      </p>
      <Table
        caption="Problems found in the file"
        head={[{ text: 'Row' }, { text: 'File' }, { text: 'Column' }, { text: 'Value' }, { text: 'Expected' }]}
        rows={errors.map((e) => [e.row === 0 ? 'Whole file' : String(e.row), e.file, e.column ?? '–', e.value === null ? '–' : e.value === '' ? '(blank)' : e.value, e.expected])}
      />
    </>
  );
}

function summaryRows(summary: ImportSummary, prefix: string) {
  return [
    { key: `${prefix}inserted`, value: number(summary.inserted) },
    { key: `${prefix}updated`, value: number(summary.updated) },
    { key: 'Unchanged', value: number(summary.unchanged) },
    { key: 'Months', value: summary.firstMonth === null ? 'None' : summary.firstMonth === summary.lastMonth ? summary.firstMonth : `${summary.firstMonth} to ${summary.lastMonth ?? ''}` },
    { key: 'Units', value: number(summary.unitIds.length) },
  ];
}

export interface BatchView extends HistoryRow {
  errors: ImportRowError[] | null;
}

export function BatchPage({ batch, notice }: { batch: BatchView; notice: string | undefined }) {
  return (
    <>
      <Breadcrumb items={[HISTORY]} />
      {notice && <InsetText>{notice}</InsetText>}
      <h1>
        {batch.status === 'applied' ? 'Imported' : 'Not imported'}: {batch.fileName}
      </h1>
      {batch.status === 'rejected' && <p>The file has problems, so nothing in it was imported. Fix them and import the file again.</p>}
      <SummaryList
        rows={[
          { key: 'Kind', value: kindTitle(batch.kind) },
          { key: 'Status', value: <StatusTag status={batch.status} /> },
          { key: 'When', value: formatDateTime(batch.finishedAt) },
          { key: 'Who', value: batch.accountName ?? 'Vitals (demo set-up)' },
          { key: 'Rows', value: number(batch.rows) },
          ...(batch.summary ? summaryRows(batch.summary, 'Rows ') : []),
        ]}
      />
      {batch.errors && batch.errors.length > 0 && <ErrorsTable errors={batch.errors} errorCount={batch.errorCount} />}
      <p>
        <a href="/imports/new">Import another file</a>
      </p>
    </>
  );
}

export function DryRunPage({ runId, fileName, rows, summary, csrfToken }: { runId: string; fileName: string; rows: number; summary: ImportSummary; csrfToken: string }) {
  return (
    <>
      <Breadcrumb items={[HISTORY]} />
      <h1>Checked: {fileName}</h1>
      <p>Every row is valid. Nothing has been imported yet. Importing the file would make these changes:</p>
      <SummaryList rows={[{ key: 'Rows in the file', value: number(rows) }, ...summaryRows(summary, 'Rows to be ')]} />
      <form method="post" action={`/imports/runs/${runId}/apply`}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Button>Import this file</Button>
      </form>
      <p>
        <a href="/imports/new">Choose another file</a>
      </p>
    </>
  );
}

export function CheckFailedPage({ fileName, errors, errorCount }: { fileName: string; errors: ImportRowError[]; errorCount: number }) {
  return (
    <>
      <Breadcrumb items={[HISTORY]} />
      <h1>Checked: {fileName} has problems</h1>
      <p>Nothing was imported. Fix these problems and check the file again.</p>
      <ErrorsTable errors={errors.slice(0, 200)} errorCount={errorCount} />
      <p>
        <a href="/imports/new">Choose another file</a>
      </p>
    </>
  );
}

export function mappingField(index: number): string {
  return `column-${index}`;
}

export function MappingPage(props: {
  runId: string;
  fileName: string;
  kindTitle: string;
  unknownHeaders: string[];
  columns: readonly ColumnInfo[];
  csrfToken: string;
  errors: FieldErrors;
  values: FormValues;
}) {
  const options = [
    { value: '', text: 'Choose a column' },
    ...props.columns.map((column) => ({ value: column.name, text: `${column.header}${column.optional ? ' (optional)' : ''}` })),
    { value: IGNORE_COLUMN, text: 'Leave this column out' },
  ];
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
        <Breadcrumb items={[HISTORY]} />
        <ErrorSummary errors={props.errors} />
        <h1>Match the columns of {props.fileName}</h1>
        <p>
          Some headers in this file are not ones Vitals knows for {props.kindTitle.toLowerCase()}. Say which column each one holds, or leave it out. Vitals remembers your choice
          for the next file of this kind.
        </p>
        <form method="post" action={`/imports/runs/${props.runId}/mapping`} novalidate>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          {props.unknownHeaders.map((header, index) => (
            <Select
              name={mappingField(index)}
              label={`“${header}”`}
              options={options}
              value={props.values[mappingField(index)]}
              error={props.errors[mappingField(index)]}
            />
          ))}
          <Button>Continue</Button>
        </form>
      </div>
    </div>
  );
}
