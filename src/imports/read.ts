import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/** One record of a file: its row number as a spreadsheet shows it (header = 1) and its cells as text. */
export interface SourceRecord {
  row: number;
  cells: string[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  /** The sheet read (XLSX), and every sheet the workbook has. */
  sheet: string | null;
  sheetNames: readonly string[];
  records: AsyncIterable<SourceRecord>;
}

export class UnreadableFileError extends Error {}

const CHUNK = 64 * 1024;

/** The bytes as a stream of chunks, reporting how many have been read. */
function byteStream(bytes: Uint8Array, onBytes: (read: number) => void): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < bytes.length; offset += CHUNK) {
        const chunk = Buffer.from(bytes.buffer, bytes.byteOffset + offset, Math.min(CHUNK, bytes.length - offset));
        yield chunk;
        onBytes(Math.min(offset + CHUNK, bytes.length));
      }
    })(),
  );
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
const isOldExcel = (bytes: Uint8Array) => bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;

/** Opens a CSV or XLSX file (told apart by content, not name). `sheet` picks a worksheet; default the first. */
export async function openTable(bytes: Uint8Array, options: { sheet?: string | undefined; onBytes?: (read: number) => void } = {}): Promise<Table> {
  const onBytes = options.onBytes ?? (() => {});
  if (isOldExcel(bytes)) throw new UnreadableFileError('a CSV file or an Excel workbook (.xlsx); this is an old .xls workbook: save it as .xlsx or CSV');
  if (isZip(bytes)) return openWorkbook(bytes, options.sheet, onBytes);
  return { format: 'csv', sheet: null, sheetNames: [], records: readCsv(bytes, onBytes) };
}

async function* readCsv(bytes: Uint8Array, onBytes: (read: number) => void): AsyncGenerator<SourceRecord> {
  const parser = byteStream(bytes, onBytes).pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    yield { row, cells: record.map((cell) => cell.trim()) };
  }
}

// exceljs's streaming reader is untyped where it matters; these are the shapes it yields.
interface WorksheetReader extends AsyncIterable<{ number: number; values: unknown[] }> {
  name: string;
}
interface WorkbookReader extends AsyncIterable<WorksheetReader> {
  model?: { sheets?: { name: string }[] };
}

async function openWorkbook(bytes: Uint8Array, sheet: string | undefined, onBytes: (read: number) => void): Promise<Table> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(byteStream(bytes, onBytes), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  }) as unknown as WorkbookReader;
  const sheets = reader[Symbol.asyncIterator]();
  const seen: string[] = [];
  let chosen: WorksheetReader | undefined;
  try {
    for (let next = await sheets.next(); !next.done; next = await sheets.next()) {
      seen.push(next.value.name);
      if (sheet === undefined || next.value.name.trim().toLowerCase() === sheet.trim().toLowerCase()) {
        chosen = next.value;
        break;
      }
    }
  } catch (error) {
    throw new UnreadableFileError(`a CSV file or an Excel workbook (.xlsx); this file could not be read as either (${error instanceof Error ? error.message : String(error)})`);
  }
  const sheetNames = reader.model?.sheets?.map((s) => s.name) ?? seen;
  if (!chosen) return { format: 'xlsx', sheet: null, sheetNames, records: (async function* () {})() };
  const worksheet = chosen;
  return {
    format: 'xlsx',
    sheet: worksheet.name,
    sheetNames,
    records: (async function* () {
      try {
        for await (const row of worksheet) yield { row: row.number, cells: Array.from(row.values.slice(1), cellText) };
      } finally {
        await sheets.return?.();
      }
    })(),
  };
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A worksheet cell as the text a CSV export would hold. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (value instanceof Date) {
    if (value.getUTCFullYear() < 1900) {
      const seconds = Math.round((value.getTime() - EXCEL_EPOCH) / 1000);
      return `${Math.floor(seconds / 3600)}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    }
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((part: { text?: string }) => part.text ?? '').join('').trim();
    if ('result' in value) return cellText(value.result);
    if ('text' in value) return cellText(value.text);
  }
  return '';
}
