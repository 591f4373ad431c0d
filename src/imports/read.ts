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

/**
 * The workbook is parsed from memory, not with exceljs's streaming reader: the bytes are already
 * held, and the streaming reader buffers worksheets in temporary files that it deletes when reading
 * stops early (a wrong sheet, a rejected header) while a read of them may still be pending, which
 * crashed the process with ENOENT.
 */
async function openWorkbook(bytes: Uint8Array, sheet: string | undefined, onBytes: (read: number) => void): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableFileError(`a CSV file or an Excel workbook (.xlsx); this file could not be read as either (${error instanceof Error ? error.message : String(error)})`);
  }
  onBytes(bytes.length);
  const sheetNames = workbook.worksheets.map((w) => w.name);
  const wanted = sheet?.trim().toLowerCase();
  const worksheet = workbook.worksheets.find((w) => wanted === undefined || w.name.trim().toLowerCase() === wanted);
  if (!worksheet) return { format: 'xlsx', sheet: null, sheetNames, records: (async function* () {})() };
  return {
    format: 'xlsx',
    sheet: worksheet.name,
    sheetNames,
    records: Readable.from(rowsOf(worksheet)) as AsyncIterable<SourceRecord>,
  };
}

function* rowsOf(worksheet: ExcelJS.Worksheet): Generator<SourceRecord> {
  for (let number = 1; number <= worksheet.rowCount; number++) {
    const row = worksheet.getRow(number);
    if (row.hasValues) yield { row: number, cells: Array.from((row.values as unknown[]).slice(1), cellText) };
  }
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
