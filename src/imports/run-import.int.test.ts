import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { auditEvent, establishment, importBatch, importHeaderMapping, starter } from '#src/db/schema.ts';
import { runImport, type ImportResult } from '#src/imports/run-import.ts';
import { csv, ESTABLISHMENT_HEADER, ORG_STRUCTURE, PEOPLE, STARTER_HEADER, xlsx } from '#test/import-files.ts';
import { tableChecksums } from '#test/table-checksums.ts';
import { createTestDatabase } from '#test/database.ts';

const now = new Date('2026-11-02T10:00:00Z');
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  for (const [kind, bytes] of [
    ['organisation-structure', ORG_STRUCTURE],
    ['esr-people', PEOPLE],
  ] as const) {
    const result = await runImport(database.db, { kind, fileName: `${kind}.csv`, bytes }, now);
    expect(result.status).toBe('applied');
  }
});
afterAll(() => database.close());

function expectRejected(result: ImportResult) {
  if (result.status !== 'rejected') throw new Error(`expected a rejection, got ${result.status}`);
  return result;
}

/** Runs an import that must be rejected and proves every table but the batch and audit logs is unchanged. */
async function rejectedUnchanged(options: Parameters<typeof runImport>[1]) {
  const before = await tableChecksums(database.db, ['import_batch', 'audit_event']);
  const [batchesBefore] = await database.db.select({ n: count() }).from(importBatch);
  const result = expectRejected(await runImport(database.db, options, now));
  expect(await tableChecksums(database.db, ['import_batch', 'audit_event'])).toEqual(before);
  const [batchesAfter] = await database.db.select({ n: count() }).from(importBatch);
  expect(batchesAfter?.n).toBe((batchesBefore?.n ?? 0) + 1);
  expect(result.batch?.status).toBe('rejected');
  const [audit] = await database.db.select({ n: count() }).from(auditEvent).where(eq(auditEvent.subject, `import_batch:${result.batch?.id ?? 0}`));
  expect(audit?.n).toBe(1);
  return result;
}

describe('a corrupted file is rejected with row and column messages and changes nothing', () => {
  it('reports bad dates, unknown team codes, negative FTE and duplicate rows, every one', async () => {
    const bytes = csv([
      [...STARTER_HEADER],
      ['1001', 'TEAM-A', 'Paramedic', 'Allied Health Professionals', 'Band 6', '1', '2024-02-30'],
      ['1002', 'TEAM-Z', 'Paramedic', 'Allied Health Professionals', 'Band 6', '1', '2024-03-01'],
      ['1003', 'TEAM-B', 'Paramedic', 'Allied Health Professionals', 'Band 6', '-0.5', '2024-03-01'],
      ['1001', 'TEAM-A', 'Paramedic', 'Allied Health Professionals', 'Band 5', '0.8', '01/04/2024'],
      ['1001', 'TEAM-A', 'Paramedic', 'Allied Health Professionals', 'Band 5', '0.8', '2024-04-01'],
      ['9999', 'TEAM-A', 'Paramedic', 'Allied Health Professionals', 'Band 5', '0.8', '2024-04-01'],
    ]);
    const result = await rejectedUnchanged({ kind: 'starters', fileName: 'starters.csv', bytes });
    expect(result.errors).toEqual([
      { file: 'starters.csv', row: 2, column: 'Start Date', value: '2024-02-30', expected: 'a date as YYYY-MM-DD or DD/MM/YYYY' },
      { file: 'starters.csv', row: 3, column: 'Organisation Code', value: 'TEAM-Z', expected: 'an organisation code in the organisation structure (import organisation-structure first)' },
      { file: 'starters.csv', row: 4, column: 'FTE', value: '-0.5', expected: 'a number of FTE between 0 and 1.5' },
      { file: 'starters.csv', row: 6, column: 'Staff Number', value: '1001 / 2024-04-01', expected: 'a unique Staff Number and Start Date: row 5 has the same' },
      { file: 'starters.csv', row: 7, column: 'Staff Number', value: '9999', expected: 'a staff number in the ESR people file (import esr-people first)' },
    ]);
    expect(result.errorCount).toBe(5);
    expect(result.batch?.errors).toHaveLength(5);
  });

  it('rejects a workbook whose chosen sheet is not this kind, naming the sheets it has', async () => {
    const bytes = await xlsx({
      'Read me': [['This workbook holds the establishment'], ['Exported from the ledger']],
      Data: [[...ESTABLISHMENT_HEADER], ['2024-01', 'TEAM-A', 12.5]],
    });
    const result = await rejectedUnchanged({ kind: 'establishment', fileName: 'establishment.xlsx', bytes });
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: 'establishment.xlsx', row: 0, value: 'Read me' });
    expect(result.errors[0]?.expected).toContain('sheet "Read me" has none of them');
    expect(result.errors[0]?.expected).toContain('"Read me", "Data"');

    const named = await runImport(database.db, { kind: 'establishment', fileName: 'establishment.xlsx', bytes, sheet: 'Data', dryRun: true }, now);
    expect(named.status).toBe('dry-run');
    const missing = expectRejected(await runImport(database.db, { kind: 'establishment', fileName: 'establishment.xlsx', bytes, sheet: 'Budget', dryRun: true }, now));
    expect(missing.errors[0]?.expected).toBe('a sheet named "Budget"; this workbook has the sheets "Read me", "Data"');
  });

  it('reports bad cells in a workbook by spreadsheet row', async () => {
    const bytes = await xlsx({ Establishment: [[...ESTABLISHMENT_HEADER], ['2024-01', 'TEAM-A', 12.5], ['Jan 2024', 'TEAM-B', -3], ['2024-13', 'TEAM-B', 4]] });
    const result = await rejectedUnchanged({ kind: 'establishment', fileName: 'e.xlsx', bytes });
    expect(result.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, 'Budgeted FTE', '-3'],
      [4, 'Month', '2024-13'],
    ]);
  });

  it('reports a missing column against the header row', async () => {
    const result = await rejectedUnchanged({ kind: 'establishment', fileName: 'e.csv', bytes: csv([['Month', 'Org Code'], ['2024-01', 'TEAM-A']]) });
    expect(result.errors).toEqual([{ file: 'e.csv', row: 1, column: 'Budgeted FTE', value: null, expected: 'a column "Budgeted FTE" (or "Budget FTE", "Establishment FTE", "Funded FTE")' }]);
  });
});

describe('applying, repeating, dry runs and overlapping re-imports', () => {
  const january = csv([[...ESTABLISHMENT_HEADER], ['2024-01', 'TEAM-A', '10'], ['2024-01', 'TEAM-B', '8'], ['2024-02', 'TEAM-A', '10']]);

  it('a dry run says what would change and changes nothing', async () => {
    const before = await tableChecksums(database.db);
    const result = await runImport(database.db, { kind: 'establishment', fileName: 'jan.csv', bytes: january, dryRun: true }, now);
    expect(result).toMatchObject({ status: 'dry-run', rows: 3, summary: { inserted: 3, updated: 0, unchanged: 0, firstMonth: '2024-01', lastMonth: '2024-02' } });
    expect(await tableChecksums(database.db)).toEqual(before);
  });

  it('applies a clean file, and the same file again is a no-op', async () => {
    const applied = await runImport(database.db, { kind: 'establishment', fileName: 'jan.csv', bytes: january }, now);
    if (applied.status !== 'applied') throw new Error(applied.status);
    expect(applied.summary).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 });
    expect(applied.summary.unitIds).toHaveLength(2);
    const before = await tableChecksums(database.db);
    const again = await runImport(database.db, { kind: 'establishment', fileName: 'copy-of-jan.csv', bytes: january }, now);
    expect(again).toMatchObject({ status: 'already-applied', batch: { id: applied.batch.id } });
    expect(await tableChecksums(database.db)).toEqual(before);
  });

  it('an overlapping re-import updates changed rows only, and adds new ones', async () => {
    const overlap = csv([[...ESTABLISHMENT_HEADER], ['2024-01', 'TEAM-A', '10'], ['2024-01', 'TEAM-B', '9.5'], ['2024-03', 'TEAM-A', '11']]);
    const result = await runImport(database.db, { kind: 'establishment', fileName: 'overlap.csv', bytes: overlap }, now);
    if (result.status !== 'applied') throw new Error(result.status);
    expect(result.summary).toMatchObject({ inserted: 1, updated: 1, unchanged: 1, firstMonth: '2024-01', lastMonth: '2024-03' });
    const rows = await database.db.select({ month: establishment.month, fte: establishment.budgetedFte, importId: establishment.importId }).from(establishment).orderBy(establishment.month, establishment.budgetedFte);
    expect(rows.map((r) => [r.month, r.fte, r.importId === result.batch.id])).toEqual([
      ['2024-01', 9.5, true],
      ['2024-01', 10, false],
      ['2024-02', 10, false],
      ['2024-03', 11, true],
    ]);
  });
});

describe('header aliases and the mapping step', () => {
  it('matches aliases regardless of case and spacing', async () => {
    const bytes = csv([['employee number', 'ORG CODE', 'Job Title', 'staff group', 'Band', 'WTE', 'Hire Date'], ['1002', 'team-b', 'Call Handler', 'Administrative and Clerical', '3', '0.6', '15/05/2024']]);
    const result = await runImport(database.db, { kind: 'starters', fileName: 'starters.csv', bytes }, now);
    expect(result.status).toBe('applied');
    const [row] = await database.db.select().from(starter).where(eq(starter.staffNumber, '1002'));
    expect(row).toMatchObject({ band: '3', fte: 0.6, startDate: '2024-05-15', jobTitle: 'Call Handler' });
  });

  it('asks for a mapping for unknown headers, then remembers it once applied', async () => {
    const bytes = csv([['Period', 'Cost Centre', 'Funded Posts', 'Comment'], ['2024-06', 'TEAM-A', '7', 'new budget']]);
    const first = await runImport(database.db, { kind: 'establishment', fileName: 'ledger.csv', bytes }, now);
    expect(first).toMatchObject({ status: 'needs-mapping', unknownHeaders: ['Cost Centre', 'Funded Posts', 'Comment'] });
    const mapping = { 'Cost Centre': 'unitCode', 'Funded Posts': 'budgetedFte', Comment: 'ignore' };
    const applied = await runImport(database.db, { kind: 'establishment', fileName: 'ledger.csv', bytes, mapping }, now);
    expect(applied.status).toBe('applied');
    expect(await database.db.select({ header: importHeaderMapping.header, column: importHeaderMapping.column }).from(importHeaderMapping).orderBy(importHeaderMapping.header)).toEqual([
      { header: 'Comment', column: 'ignore' },
      { header: 'Cost Centre', column: 'unitCode' },
      { header: 'Funded Posts', column: 'budgetedFte' },
    ]);
    const next = await runImport(database.db, { kind: 'establishment', fileName: 'ledger-july.csv', bytes: csv([['Period', 'Cost Centre', 'Funded Posts', 'Comment'], ['2024-07', 'TEAM-A', '7', '']]) }, now);
    expect(next.status).toBe('applied');
  });
});
