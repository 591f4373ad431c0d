import { join } from 'node:path';
import type { Db } from '#src/db/client.ts';
import { runImport, type ImportResult } from '#src/imports/run-import.ts';

/** The demo's source files and the kind each one is imported as, in dependency order. */
export const DEMO_IMPORTS: readonly { file: string; kind: string }[] = [
  { file: 'organisation-structure.csv', kind: 'organisation-structure' },
  { file: 'esr-people.csv', kind: 'esr-people' },
  { file: 'esr-assignments.csv', kind: 'esr-assignments' },
  { file: 'esr-equality.csv', kind: 'esr-equality' },
  { file: 'establishment.csv', kind: 'establishment' },
  { file: 'starters.csv', kind: 'starters' },
  { file: 'leavers.csv', kind: 'leavers' },
  { file: 'sickness-absence.csv', kind: 'sickness-absence' },
  { file: 'appraisals.csv', kind: 'appraisals' },
  { file: 'training-compliance.csv', kind: 'training-compliance' },
  { file: 'employee-relations-cases.csv', kind: 'employee-relations-cases' },
  { file: 'complaints.csv', kind: 'complaints' },
  { file: 'compliments.csv', kind: 'compliments' },
  { file: 'staff-survey-responses.csv', kind: 'staff-survey-responses' },
  { file: 'ambulance-response-times.csv', kind: 'ambulance-response-times' },
  { file: 'call-handling.csv', kind: 'call-handling' },
  { file: 'speak-up-concerns.csv', kind: 'speak-up-concerns' },
];

export interface DemoImportTiming {
  file: string;
  kind: string;
  rows: number;
  milliseconds: number;
}

/**
 * Imports the demo's source files through the same pipeline as any trust's files. A file that is
 * not applied cleanly is a bug in the generator or the importer, so it throws with the first errors.
 */
export async function importDemoSources(db: Db, sourcesDir: string, now: Date): Promise<DemoImportTiming[]> {
  const timings: DemoImportTiming[] = [];
  for (const { file, kind } of DEMO_IMPORTS) {
    const started = performance.now();
    const result = await runImport(db, { kind, fileName: file, path: join(sourcesDir, file) }, now);
    if (result.status !== 'applied' && result.status !== 'already-applied') throw new Error(`The demo file ${file} did not import: ${describeFailure(result)}`);
    timings.push({ file, kind, rows: result.batch.rows, milliseconds: Math.round(performance.now() - started) });
  }
  return timings;
}

function describeFailure(result: ImportResult): string {
  if (result.status === 'rejected') {
    return `${result.errorCount} errors, first ${result.errors
      .slice(0, 5)
      .map((e) => `row ${e.row} ${e.column ?? ''} "${e.value ?? ''}": expected ${e.expected}`)
      .join('; ')}`;
  }
  if (result.status === 'needs-mapping') return `unknown headers ${result.unknownHeaders.join(', ')}`;
  return result.status;
}
