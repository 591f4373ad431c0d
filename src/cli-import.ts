// `vitals import <kind> <file>`: the command-line face of src/imports/run-import.ts.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from './config.ts';
import { databaseTarget, openDatabase } from './db/client.ts';
import type { ImportRowError, ImportSummary } from './db/schema.ts';
import { IGNORE_COLUMN } from './imports/headers.ts';
import { IMPORT_KINDS } from './imports/kinds/index.ts';
import { runImport, type ImportProgress, type ImportResult } from './imports/run-import.ts';
import { recomputeAfterImport, scorecardQueue } from './metrics/after-import.ts';

export const IMPORT_USAGE = `Usage: vitals import <kind> <file> [--dry-run] [--sheet NAME] [--map "Header=column" ...]

Imports a CSV or Excel (.xlsx) file, all rows or none. Every bad row is reported as
file:row column "value": expected …, and nothing is written. The same file again is a no-op.

Options:
  --dry-run              Check the file and say what would change, without changing anything.
  --sheet NAME           The worksheet to read from a workbook (default: the first).
  --map "Header=column"  Use a header the kind does not know for one of its columns (or
                         "Header=${IGNORE_COLUMN}" to leave it out). Remembered once the import is applied.

Kinds:
${IMPORT_KINDS.map((kind) => `  ${kind.name.padEnd(27)}${kind.title}`).join('\n')}

Exit status: 0 applied (or nothing to do), 1 rejected or needs a mapping, 2 usage error.`;

class UsageError extends Error {}

function parseMapping(values: readonly string[]): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const value of values) {
    const index = value.lastIndexOf('=');
    if (index <= 0 || index === value.length - 1) throw new UsageError(`--map needs "Header=column", got "${value}"`);
    mapping[value.slice(0, index).trim()] = value.slice(index + 1).trim();
  }
  return mapping;
}

export function formatRowError(error: ImportRowError): string {
  const where = error.row > 0 ? `${error.file}:${error.row}` : error.file;
  const column = error.column === null ? '' : ` ${error.column}`;
  const value = error.value === null ? '' : ` "${error.value}"`;
  return `${where}${column}${value}: expected ${error.expected}`;
}

function formatSummary(summary: ImportSummary): string {
  const months = summary.firstMonth === null ? '' : `, months ${summary.firstMonth} to ${summary.lastMonth ?? summary.firstMonth}`;
  return `${summary.inserted} inserted, ${summary.updated} updated, ${summary.unchanged} unchanged${months}, ${summary.unitIds.length} units`;
}

/** A one-line progress bar on stderr, redrawn in place. */
function progressBar(stream: NodeJS.WriteStream): { update: (p: ImportProgress) => void; clear: () => void } {
  const width = 30;
  let drawn = false;
  return {
    update: (p) => {
      const fraction = p.phase === 'reading' ? (p.totalBytes === 0 ? 1 : p.bytesRead / p.totalBytes) : p.rowsRead === 0 ? 1 : p.rowsWritten / p.rowsRead;
      const filled = Math.round(fraction * width);
      const detail =
        p.phase === 'reading'
          ? `reading ${p.rowsRead.toLocaleString('en-GB')} rows, ${(p.bytesRead / 1e6).toFixed(1)} of ${(p.totalBytes / 1e6).toFixed(1)} MB`
          : `writing ${p.rowsWritten.toLocaleString('en-GB')} of ${p.rowsRead.toLocaleString('en-GB')} rows`;
      stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${detail}\x1b[K`);
      drawn = true;
    },
    clear: () => {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}

function report(result: ImportResult, file: string): number {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const err = (line: string) => process.stderr.write(`${line}\n`);
  switch (result.status) {
    case 'applied':
      out(`Imported ${file} (${result.batch.kind}, ${result.batch.rows} rows, batch ${result.batch.id}): ${formatSummary(result.summary)}.`);
      return 0;
    case 'already-applied':
      out(`Nothing to do: this file was already imported as batch ${result.batch.id} (${result.batch.fileName}).`);
      return 0;
    case 'dry-run':
      out(`Dry run, nothing changed. Importing ${file} (${result.rows} rows) would give: ${formatSummary(result.summary)}.`);
      return 0;
    case 'rejected':
      for (const error of result.errors) err(formatRowError(error));
      err(`Rejected ${file}: ${result.errorCount} ${result.errorCount === 1 ? 'error' : 'errors'}; nothing was imported.${result.batch ? ` (batch ${result.batch.id})` : ''}`);
      return 1;
    case 'needs-mapping':
      err(`${file} has headers ${result.kindTitle} does not know: ${result.unknownHeaders.map((h) => `"${h}"`).join(', ')}.`);
      err(`Say which column each one is with --map "Header=column" (or "Header=${IGNORE_COLUMN}"). The columns are:`);
      for (const column of result.columns) err(`  ${column.name.padEnd(24)}${column.header}${column.optional ? ' (optional)' : ''}`);
      return 1;
  }
}

export async function importCommand(args: string[]): Promise<number> {
  let values: { 'dry-run'?: boolean; sheet?: string; map?: string[]; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { 'dry-run': { type: 'boolean' }, sheet: { type: 'string' }, map: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${IMPORT_USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${IMPORT_USAGE}\n`);
    return 0;
  }
  let bytes: Uint8Array;
  let mapping: Record<string, string>;
  const [kind, path] = positionals;
  try {
    if (kind === undefined || path === undefined || positionals.length > 2) throw new UsageError('import needs a kind and one file');
    if (!IMPORT_KINDS.some((k) => k.name === kind)) throw new UsageError(`Unknown kind "${kind}"`);
    mapping = parseMapping(values.map ?? []);
    try {
      bytes = new Uint8Array(await readFile(path));
    } catch {
      throw new UsageError(`Cannot read ${path}`);
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${IMPORT_USAGE}\n`);
    return 2;
  }

  const config = loadConfig();
  const database = await openDatabase(databaseTarget(config));
  const bar = process.stderr.isTTY ? progressBar(process.stderr) : undefined;
  try {
    await database.migrate();
    const result = await runImport(
      database.db,
      { kind, fileName: basename(path), bytes, sheet: values.sheet, dryRun: values['dry-run'] ?? false, mapping, onProgress: bar?.update },
      new Date(),
    );
    bar?.clear();
    const code = report(result, basename(path));
    if (result.status === 'applied') await recomputeAfterImport(scorecardQueue(database.db, config, () => new Date()))(database.db, result.batch);
    return code;
  } finally {
    bar?.clear();
    await database.close();
  }
}
