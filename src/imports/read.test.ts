import { describe, expect, it } from 'vitest';
import { csv, xlsx } from '#test/import-files.ts';
import { cellText, openTable, UnreadableFileError } from './read.ts';

async function records(table: Awaited<ReturnType<typeof openTable>>) {
  const all = [];
  for await (const record of table.records) all.push(record);
  return all;
}

describe('openTable', () => {
  it('streams a CSV with a byte-order mark, numbering rows as a spreadsheet does', async () => {
    const bytes = new TextEncoder().encode('\uFEFFMonth,Organisation Code\r\n2024-01, TEAM-A \r\n\r\n"2024-02","TEAM,B"\r\n');
    let read = 0;
    const table = await openTable(bytes, { onBytes: (n) => (read = n) });
    expect(table.format).toBe('csv');
    expect(await records(table)).toEqual([
      { row: 1, cells: ['Month', 'Organisation Code'] },
      { row: 2, cells: ['2024-01', 'TEAM-A'] },
      { row: 3, cells: [''] },
      { row: 4, cells: ['2024-02', 'TEAM,B'] },
    ]);
    expect(read).toBe(bytes.length);
  });

  it('reads the first sheet of a workbook by default, or the one named', async () => {
    const bytes = await xlsx({ First: [['A', 'B'], [1, 'x']], Second: [['C'], [new Date(Date.UTC(2024, 1, 29))]] });
    const first = await openTable(bytes);
    expect(first).toMatchObject({ format: 'xlsx', sheet: 'First', sheetNames: ['First', 'Second'] });
    expect(await records(first)).toEqual([
      { row: 1, cells: ['A', 'B'] },
      { row: 2, cells: ['1', 'x'] },
    ]);
    const second = await openTable(bytes, { sheet: 'second' });
    expect(second.sheet).toBe('Second');
    expect(await records(second)).toEqual([
      { row: 1, cells: ['C'] },
      { row: 2, cells: ['2024-02-29'] },
    ]);
    expect((await openTable(bytes, { sheet: 'Third' })).sheet).toBeNull();
  });

  it('turns workbook cells into the text a CSV would hold', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(0.8)).toBe('0.8');
    expect(cellText(new Date(Date.UTC(1899, 11, 30, 0, 7, 57)))).toBe('0:07:57');
    expect(cellText({ richText: [{ text: 'Team ' }, { text: 'A' }] })).toBe('Team A');
    expect(cellText({ formula: 'A1*2', result: 4 })).toBe('4');
  });

  it('refuses an old .xls workbook with a message saying what to do', async () => {
    await expect(openTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toThrow(UnreadableFileError);
    await expect(openTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).rejects.toThrow('save it as .xlsx or CSV');
  });

  it('reads a plain CSV built by the test helper', async () => {
    expect(await records(await openTable(csv([['x'], ['1']])))).toHaveLength(2);
  });
});
