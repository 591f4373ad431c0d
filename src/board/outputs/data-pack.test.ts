import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dataPackXlsx } from './data-pack.ts';
import { SAMPLE_METRICS, SAMPLE_SNAPSHOT } from './sample-report.ts';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

function rows(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet "${name}" in ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  const out: unknown[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

describe('the board report data pack', () => {
  it('holds the summary, one sheet per metric, the spots, the speak-up themes, the changes and what the pack is', async () => {
    const workbook = await readBack(await dataPackXlsx(SAMPLE_SNAPSHOT, { status: 'published', publishedAt: new Date('2026-11-10T12:00:00Z') }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Summary',
      'Sickness absence rate',
      'Staff engagement',
      'Category 2 mean response',
      'Dark and bright spots',
      'Speak-up themes',
      'Changes since last report',
      'About this pack',
    ]);

    const summary = rows(workbook, 'Summary');
    expect(summary[0]).toEqual(['Strategic objective', 'Measure', 'Period', 'Value', 'Units', 'Target', 'Variation', 'Assurance', 'Owner']);
    expect(summary[1]).toEqual([
      'Our people',
      'Sickness absence rate',
      '2026-10',
      Math.round((SAMPLE_METRICS[0]?.value ?? 0) * 10_000) / 10_000,
      'Per cent',
      4.5,
      'Special cause of concern (higher)',
      'Consistently failing the target',
      'Director of People',
    ]);
    // A metric without a target has no assurance, whatever the engine stored.
    expect(summary[2]?.slice(0, 8)).toEqual(['Our people', 'Staff engagement', '2025', 6.4, 'Score (0 to 10)', '', '', '']);
    expect(summary[3]?.[0]).toBe('Our patients');
  });

  it('writes each series oldest first with its limits, and a suppressed month as the word alone', async () => {
    const workbook = await readBack(await dataPackXlsx(SAMPLE_SNAPSHOT, { status: 'draft', publishedAt: null }));
    const sickness = rows(workbook, 'Sickness absence rate');
    const data = SAMPLE_METRICS[0]?.series;
    expect(sickness[0]).toEqual(['Period', 'FTE days lost', 'FTE days available', 'Value (Per cent)', 'Mean', 'Lower process limit', 'Upper process limit', 'Point type', 'Suppressed']);
    expect(sickness).toHaveLength(1 + 24);
    expect(sickness[1]?.[0]).toBe('2024-11');
    expect(sickness[24]?.[0]).toBe('2026-10');
    const round = (v: number | null | undefined) => Math.round((v ?? 0) * 10_000) / 10_000;
    expect(sickness[24]).toEqual([
      '2026-10',
      data?.numerators[23],
      52_000,
      round(data?.values[23]),
      round(data?.mean[23]),
      round(data?.lower[23]),
      round(data?.upper[23]),
      'Special cause of concern',
      '',
    ]);
    // Index 5 is suppressed: nothing but its period and why.
    expect(sickness[6]).toEqual(['2025-04', '', '', '', '', '', '', '', 'suppressed (fewer than 5)']);
    expect(rows(workbook, 'Staff engagement').map((row) => row[0])).toEqual(['Period', '2023', '2024', '2025']);
  });

  it('keeps speak-up suppression as words and says what the pack is and whether it is final', async () => {
    const workbook = await readBack(await dataPackXlsx(SAMPLE_SNAPSHOT, { status: 'draft', publishedAt: null }));
    expect(rows(workbook, 'Speak-up themes')).toEqual([
      ['Quarter', 'Directorate', 'Cases', 'Patient safety', 'Bullying or harassment'],
      ['2026-Q2', 'Operations', 14, 6, 8],
      ['2026-Q2', 'Corporate', 'suppressed', 'suppressed', 'suppressed'],
    ]);
    expect(rows(workbook, 'Dark and bright spots')[1]).toEqual(['Dark spot', 'Hartley Station', 'Sickness absence rate: special cause of concern; Leaver rate: failing target']);
    const change = rows(workbook, 'Changes since last report')[1];
    expect(change?.slice(0, 2)).toEqual(['Sickness absence rate', 4.8]);
    expect(change?.slice(4)).toEqual(['Common cause variation', 'Special cause of concern (higher)']);
    const about = new Map(rows(workbook, 'About this pack').map(([key, value]) => [key, value]));
    expect(about.get('Trust')).toBe('North Vale Ambulance Service NHS Trust');
    expect(about.get('Report for')).toBe('October 2026');
    expect(about.get('Status')).toBe('Draft: the numbers may change until the report is published');
    expect(about.get('Changes')).toBe('Since the report for September 2026.');
  });

  it('leaves out the speak-up sheet when the report has none and keeps sheet names unique and legal', async () => {
    const long = { ...SAMPLE_METRICS[1], key: 'c2_90th', name: 'Category 2 mean response: the longer name [draft]' } as (typeof SAMPLE_METRICS)[number];
    const snapshot = { ...SAMPLE_SNAPSHOT, speakUp: null, changes: [], changesSinceMonth: null, objectives: [{ title: 'All', commitment: '', metrics: [...SAMPLE_METRICS, long, long] }] };
    const workbook = await readBack(await dataPackXlsx(snapshot, { status: 'ready', publishedAt: null }));
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).not.toContain('Speak-up themes');
    expect(names).toContain('Category 2 mean response the lo');
    expect(names).toContain('Category 2 mean response th (2)');
    expect(names.every((name) => name.length <= 31)).toBe(true);
    expect(rows(workbook, 'Changes since last report')).toHaveLength(1);
  });
});
