import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { eq } from 'drizzle-orm';
import { recordAudit } from '#src/auth/audit.ts';
import type { Db } from '#src/db/client.ts';
import { importBatch, type ImportRowError, type ImportSummary } from '#src/db/schema.ts';
import { describeColumn, planHeaders, type HeaderPlan } from './headers.ts';
import { findKind, type ImportKind } from './kinds/index.ts';
import type { ColumnInfo, ParsedRow, References } from './kinds/define.ts';
import { openTable, UnreadableFileError, type Table } from './read.ts';
import { findAppliedBatch, loadHeaderMapping, loadPersonIds, loadUnitIds, saveHeaderMapping, type ImportBatch } from './store.ts';

/** Errors kept with a rejected batch for the history page; the count says how many there were. */
export const STORED_ERRORS = 200;
/** Rows written per call of a kind's loader, so progress moves while a large file is written. */
const WRITE_CHUNK = 50_000;

export interface ImportProgress {
  phase: 'reading' | 'writing';
  rowsRead: number;
  rowsWritten: number;
  bytesRead: number;
  totalBytes: number;
}

export interface ImportOptions {
  kind: string;
  fileName: string;
  /** The file's content; or a path to read it from. */
  bytes?: Uint8Array;
  path?: string;
  /** The worksheet to read from an XLSX workbook; the first when not given. */
  sheet?: string | undefined;
  dryRun?: boolean;
  /** Header → column for headers the kind does not know (or "ignore"); saved once applied. */
  mapping?: Readonly<Record<string, string>>;
  accountId?: number | null;
  onProgress?: (progress: ImportProgress) => void;
}

/** What an import did, for the CLI and the web pages. */
export type ImportResult =
  | { status: 'applied'; batch: ImportBatch; summary: ImportSummary }
  /** The same file (same kind and SHA-256) was applied before: nothing changed. */
  | { status: 'already-applied'; batch: ImportBatch }
  /** Nothing was written: this is what applying the file would do. */
  | { status: 'dry-run'; summary: ImportSummary; rows: number }
  /** Nothing was written. `batch` records the rejection (null on a dry run); `errors` holds every error. */
  | { status: 'rejected'; batch: ImportBatch | null; rows: number; errors: ImportRowError[]; errorCount: number }
  /** Some headers match no column: choose a column (or "ignore") for each and run again with `mapping`. */
  | { status: 'needs-mapping'; unknownHeaders: string[]; columns: readonly ColumnInfo[]; kindTitle: string };

export class UnknownKindError extends Error {}

class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Imports one file of one kind: all rows or none. Every row is checked first and every problem
 * collected; only a clean file is written, in one transaction.
 */
export async function runImport(db: Db, options: ImportOptions, now: Date): Promise<ImportResult> {
  const kind = findKind(options.kind);
  if (!kind) throw new UnknownKindError(`Unknown kind "${options.kind}"`);
  const bytes = options.bytes ?? (options.path === undefined ? undefined : new Uint8Array(await readFile(options.path)));
  if (!bytes) throw new Error('runImport needs bytes or a path');
  const file = basename(options.fileName);
  const fileHash = sha256(bytes);
  const dryRun = options.dryRun ?? false;

  const earlier = await findAppliedBatch(db, kind.name, fileHash);
  if (earlier) return { status: 'already-applied', batch: earlier };

  const progress: ImportProgress = { phase: 'reading', rowsRead: 0, rowsWritten: 0, bytesRead: 0, totalBytes: bytes.length };
  const report = () => options.onProgress?.({ ...progress });

  const reject = async (errors: ImportRowError[], rows: number): Promise<ImportResult> => {
    if (dryRun) return { status: 'rejected', batch: null, rows, errors, errorCount: errors.length };
    const batch = await db.transaction(async (tx) => {
      const [inserted] = await tx
        .insert(importBatch)
        .values({
          kind: kind.name,
          fileName: file,
          fileHash,
          status: 'rejected',
          rows,
          errors: errors.slice(0, STORED_ERRORS),
          errorCount: errors.length,
          accountId: options.accountId ?? null,
          startedAt: now,
          finishedAt: now,
        })
        .returning();
      if (!inserted) throw new Error('The import batch was not recorded');
      await recordAudit(tx, { actorAccountId: options.accountId ?? null, action: 'import.rejected', subject: `import_batch:${inserted.id}`, detail: { kind: kind.name, file, errors: errors.length } }, now);
      return inserted;
    });
    return { status: 'rejected', batch, rows, errors, errorCount: errors.length };
  };

  let table: Table;
  try {
    table = await openTable(bytes, {
      sheet: options.sheet,
      onBytes: (read) => {
        progress.bytesRead = read;
      },
    });
  } catch (error) {
    if (error instanceof UnreadableFileError) return reject([{ file, row: 0, column: null, value: null, expected: error.message }], 0);
    throw error;
  }

  const records = table.records[Symbol.asyncIterator]();
  const first = await records.next();
  const headers = first.done ? [] : first.value.cells;
  const mapping = { ...(await loadHeaderMapping(db, kind.name)), ...options.mapping };
  const plan = planHeaders(kind, headers, mapping);

  const fileProblem = headerProblem(kind, table, options.sheet, headers, plan, file);
  if (fileProblem) {
    await records.return?.();
    return reject([fileProblem], 0);
  }
  if (plan.unknown.length > 0) {
    await records.return?.();
    return { status: 'needs-mapping', unknownHeaders: plan.unknown, columns: kind.columns, kindTitle: kind.title };
  }
  const headerErrors = [
    ...plan.missing.map((column) => ({ file, row: 1, column: column.header, value: null, expected: `a column ${describeColumn(column)}` })),
    ...[...plan.repeated].map(([, repeated]) => ({
      file,
      row: 1,
      column: repeated.at(-1) ?? null,
      value: repeated.join(', '),
      expected: 'each column once: these headers name the same column',
    })),
  ];
  if (headerErrors.length > 0) {
    await records.return?.();
    return reject(headerErrors, 0);
  }

  const references: References = {
    units: await loadUnitIds(db),
    people: kind.refersToStaff ? await loadPersonIds(db) : new Map(),
  };
  const { rows, rowNumbers, errors } = await checkRows(kind, { [Symbol.asyncIterator]: () => records }, headers, plan, references, file, () => {
    progress.rowsRead += 1;
    if (progress.rowsRead % 5000 === 0) report();
  });
  report();
  if (errors.length > 0) return reject(errors, progress.rowsRead);
  for (const { index, issue } of kind.checkFile(rows, references)) {
    const header = headerOf(headers, plan, issue.column);
    errors.push({ file, row: rowNumbers[index] ?? 0, column: header, value: issue.value ?? null, expected: issue.expected });
  }
  if (errors.length > 0) return reject(errors.sort((a, b) => a.row - b.row), rows.length);

  progress.phase = 'writing';
  report();
  try {
    const batch = await db.transaction(async (tx) => {
      const [batch] = await tx
        .insert(importBatch)
        .values({ kind: kind.name, fileName: file, fileHash, status: 'applied', rows: rows.length, accountId: options.accountId ?? null, startedAt: now, finishedAt: now })
        .returning();
      if (!batch) throw new Error('The import batch was not recorded');
      const counts = { inserted: 0, updated: 0, unchanged: 0 };
      const context = { ...references, importId: batch.id, now };
      const chunk = kind.loadsWholeFile ? Math.max(rows.length, 1) : WRITE_CHUNK;
      for (let i = 0; i < rows.length; i += chunk) {
        const written = await kind.load(tx, rows.slice(i, i + chunk), context);
        counts.inserted += written.inserted;
        counts.updated += written.updated;
        counts.unchanged += written.unchanged;
        progress.rowsWritten = Math.min(rows.length, i + chunk);
        report();
      }
      const units = kind.name === 'organisation-structure' ? await loadUnitIds(tx) : references.units;
      const summary = summarise(kind, rows, units, counts);
      if (dryRun) throw new DryRunRollback(summary);
      const [applied] = await tx
        .update(importBatch)
        .set({ summary })
        .where(eq(importBatch.id, batch.id))
        .returning();
      if (options.mapping) await saveHeaderMapping(tx, kind.name, options.mapping);
      await recordAudit(
        tx,
        { actorAccountId: options.accountId ?? null, action: 'import.applied', subject: `import_batch:${batch.id}`, detail: { kind: kind.name, file, rows: rows.length, ...counts } },
        now,
      );
      return applied ?? batch;
    });
    return { status: 'applied', batch, summary: batch.summary ?? summarise(kind, rows, references.units, { inserted: 0, updated: 0, unchanged: 0 }) };
  } catch (error) {
    if (error instanceof DryRunRollback) return { status: 'dry-run', summary: error.summary, rows: rows.length };
    throw error;
  }
}

function headerOf(headers: readonly string[], plan: HeaderPlan, column: string): string {
  const index = plan.columns.get(column) ?? plan.extra.get(column);
  return index === undefined ? column : (headers[index] ?? column);
}

/** A header row that cannot be this kind at all: an empty file, or the wrong sheet or file. */
function headerProblem(kind: ImportKind, table: Table, sheet: string | undefined, headers: readonly string[], plan: HeaderPlan, file: string): ImportRowError | null {
  const expectedColumns = kind.columns.filter((c) => !c.optional).map((c) => c.header).join(', ');
  if (table.format === 'xlsx' && table.sheet === null) {
    return { file, row: 0, column: null, value: sheet ?? null, expected: `a sheet named "${sheet ?? ''}"; this workbook has the sheets ${table.sheetNames.map((s) => `"${s}"`).join(', ')}` };
  }
  if (headers.every((h) => h.trim() === '')) {
    return { file, row: 1, column: null, value: null, expected: `a header row with the ${kind.title.toLowerCase()} columns: ${expectedColumns}` };
  }
  if (plan.recognised > 0 || plan.columns.size > 0) return null;
  if (table.format === 'xlsx') {
    return {
      file,
      row: 0,
      column: null,
      value: table.sheet,
      expected: `a sheet with the ${kind.title.toLowerCase()} columns (${expectedColumns}); sheet "${table.sheet ?? ''}" has none of them. This workbook has the sheets ${table.sheetNames.map((s) => `"${s}"`).join(', ')}: choose one with the sheet option`,
    };
  }
  return { file, row: 1, column: null, value: null, expected: `a header row with the ${kind.title.toLowerCase()} columns (${expectedColumns}); none of this file’s headers match. Is it the right file for this kind?` };
}

async function checkRows(
  kind: ImportKind,
  records: AsyncIterable<{ row: number; cells: string[] }>,
  headers: readonly string[],
  plan: HeaderPlan,
  references: References,
  file: string,
  onRow: () => void,
): Promise<{ rows: ParsedRow[]; rowNumbers: number[]; errors: ImportRowError[] }> {
  const rows: ParsedRow[] = [];
  const rowNumbers: number[] = [];
  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  const columns = [...plan.columns];
  const extra = [...plan.extra];
  const keyHeaders = kind.keyColumns.map((name) => headerOf(headers, plan, name));
  const keyList = keyHeaders.length === 1 ? keyHeaders[0] : `${keyHeaders.slice(0, -1).join(', ')} and ${keyHeaders.at(-1) ?? ''}`;

  for await (const record of records) {
    if (record.cells.every((cell) => cell === '')) continue;
    onRow();
    const cells: Record<string, string> = {};
    for (const [name, index] of columns) cells[name] = record.cells[index] ?? '';
    for (const column of kind.columns) cells[column.name] ??= '';
    const extraCells: Record<string, string> = {};
    for (const [header, index] of extra) extraCells[header] = record.cells[index] ?? '';
    const parsed = kind.parse(cells, extraCells, references);
    if ('issues' in parsed) {
      for (const issue of parsed.issues) {
        errors.push({ file, row: record.row, column: headerOf(headers, plan, issue.column), value: issue.value ?? cells[issue.column] ?? extraCells[issue.column] ?? null, expected: issue.expected });
      }
      continue;
    }
    const key = kind.keyOf(parsed.row);
    const previous = seen.get(key);
    if (previous !== undefined) {
      errors.push({
        file,
        row: record.row,
        column: keyHeaders[0] ?? null,
        value: kind.keyColumns.map((name) => cells[name]).join(' / '),
        expected: `a unique ${keyList}: row ${previous} has the same`,
      });
      continue;
    }
    seen.set(key, record.row);
    rows.push(parsed.row);
    rowNumbers.push(record.row);
  }
  return { rows, rowNumbers, errors };
}

function summarise(kind: ImportKind, rows: readonly ParsedRow[], units: ReadonlyMap<string, number>, counts: { inserted: number; updated: number; unchanged: number }): ImportSummary {
  let firstMonth: string | null = null;
  let lastMonth: string | null = null;
  const unitIds = new Set<number>();
  for (const row of rows) {
    const month = kind.monthOf(row);
    if (month !== null) {
      if (firstMonth === null || month < firstMonth) firstMonth = month;
      if (lastMonth === null || month > lastMonth) lastMonth = month;
    }
    const code = kind.unitCodeOf(row);
    const unitId = code === null ? undefined : units.get(code);
    if (unitId !== undefined) unitIds.add(unitId);
  }
  return { ...counts, firstMonth, lastMonth, unitIds: [...unitIds].sort((a, b) => a - b) };
}
