import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** A table as a download holds it: suppressed cells are already the word "suppressed", never a value. */
export interface DownloadTable {
  /** The sheet's name in an XLSX workbook (at most 31 characters). */
  sheet: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export type DownloadFormat = 'csv' | 'xlsx';

export function downloadFormat(query: string | undefined): DownloadFormat | null {
  return query === 'csv' || query === 'xlsx' ? query : null;
}

export function tableToCsv(table: DownloadTable): string {
  return stringify([table.columns, ...table.rows.map((row) => row.map((cell) => cell ?? ''))]);
}

export async function tableToXlsx(table: DownloadTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vitals';
  const sheet = workbook.addWorksheet(table.sheet.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31));
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? ''));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  table.columns.forEach((column, i) => {
    const width = Math.max(column.length, ...table.rows.slice(0, 200).map((row) => String(row[i] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, width + 2));
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A file name that says what the download is: lower case, hyphens, no path characters. */
export function downloadName(parts: readonly string[], format: DownloadFormat): string {
  const stem = parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${stem || 'download'}.${format}`;
}

export async function downloadResponse(table: DownloadTable, format: DownloadFormat, filename: string): Promise<Response> {
  const headers = {
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  };
  if (format === 'csv') return new Response(tableToCsv(table), { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
  return new Response(await tableToXlsx(table), {
    headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
}
