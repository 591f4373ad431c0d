import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

export const csv = (rows: readonly (readonly (string | number)[])[]) => new TextEncoder().encode(stringify(rows.map((r) => r.map(String))));

/** An .xlsx workbook with the given sheets, each a header row and data rows. */
export async function xlsx(sheets: Record<string, readonly (readonly (string | number | Date)[])[]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow([...row]);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A small trust as its files: TRUST → DIR → AREA → two teams, and three people. */
export const ORG_STRUCTURE = csv([
  ['Organisation Code', 'Organisation Name', 'Level', 'Parent Organisation Code', 'Opened On', 'Closed On'],
  ['TRUST', 'Test Trust', 'trust', '', '2010-04-01', ''],
  ['DIR', 'Directorate', 'directorate', 'TRUST', '2010-04-01', ''],
  ['AREA', 'Area', 'area', 'DIR', '2010-04-01', ''],
  ['TEAM-A', 'Team A', 'team', 'AREA', '2010-04-01', ''],
  ['TEAM-B', 'Team B', 'team', 'AREA', '2010-04-01', ''],
]);

export const PEOPLE = csv([
  ['Staff Number', 'First Name', 'Last Name', 'Email Address'],
  ['1001', 'Ada', 'Lovelace', 'ada@example.nhs.uk'],
  ['1002', 'Mary', 'Seacole', ''],
  ['1003', 'Florence', 'Nightingale', 'florence@example.nhs.uk'],
]);

export const STARTER_HEADER = ['Staff Number', 'Organisation Code', 'Position Title', 'Staff Group', 'Grade', 'FTE', 'Start Date'] as const;
export const ESTABLISHMENT_HEADER = ['Month', 'Organisation Code', 'Budgeted FTE'] as const;
