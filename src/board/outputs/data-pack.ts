import ExcelJS from 'exceljs';
import type { ReportMetric, ReportSnapshot } from '#src/board/snapshot.ts';
import type { DownloadTable } from '#src/scorecard/downloads.ts';
import { axisLabel, formatPeriodLong, POINT_TYPE_LABELS, suppressedText } from '#src/scorecard/format.ts';
import { ASSURANCE_ICONS, VARIATION_ICONS } from '#src/web/charts/icons.tsx';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Stored values carry the engine's full precision; four decimal places is more than any report shows. */
const round = (value: number | null | undefined): number | null => (value === null || value === undefined ? null : Math.round(value * 10_000) / 10_000);

const variationLabel = (variation: string | null) => (variation ? (VARIATION_ICONS[variation]?.label ?? variation) : '');
const assuranceLabel = (metric: Pick<ReportMetric, 'assurance' | 'target'>) =>
  metric.assurance && metric.target !== null ? (ASSURANCE_ICONS[metric.assurance]?.label ?? metric.assurance) : '';

export function summaryTable(snapshot: ReportSnapshot): DownloadTable {
  return {
    sheet: 'Summary',
    columns: ['Strategic objective', 'Measure', 'Period', 'Value', 'Units', 'Target', 'Variation', 'Assurance', 'Owner'],
    rows: snapshot.objectives.flatMap((objective) =>
      objective.metrics.map((metric) => [
        objective.title,
        metric.name,
        metric.period ?? 'no data',
        metric.period === null ? '' : (round(metric.value) ?? 'suppressed or no data'),
        axisLabel(metric.format),
        round(metric.target),
        variationLabel(metric.variation),
        assuranceLabel(metric),
        metric.owner,
      ]),
    ),
  };
}

/** A metric's series, oldest first; a suppressed period keeps only its period and why. */
export function metricSeriesTable(metric: ReportMetric): DownloadTable {
  const { series } = metric;
  return {
    sheet: metric.name,
    columns: [
      'Period',
      metric.numeratorLabel,
      metric.denominatorLabel,
      `Value (${axisLabel(metric.format)})`,
      'Mean',
      'Lower process limit',
      'Upper process limit',
      'Point type',
      'Suppressed',
    ],
    rows: series.periods.map((period, i) => {
      const code = series.suppressed[i] ?? 0;
      if (code !== 0) return [period, null, null, null, null, null, null, '', suppressedText(code, metric)];
      const value = series.values[i] ?? null;
      return [
        period,
        round(series.numerators[i]),
        round(series.denominators[i]),
        round(value),
        round(series.mean[i]),
        round(series.lower[i]),
        round(series.upper[i]),
        value === null ? '' : (POINT_TYPE_LABELS[series.pointTypes[i] ?? ''] ?? ''),
        '',
      ];
    }),
  };
}

export function spotsTable(snapshot: ReportSnapshot): DownloadTable {
  return {
    sheet: 'Dark and bright spots',
    columns: ['Spot', 'Unit', 'Evidence'],
    rows: snapshot.spots.map((spot) => [spot.kind === 'dark' ? 'Dark spot' : 'Bright spot', spot.unitName, spot.evidence.join('; ')]),
  };
}

/** Null when the report has no speak-up themes; a suppressed count is the word, never a number. */
export function speakUpTable(snapshot: ReportSnapshot): DownloadTable | null {
  const themes = snapshot.speakUp;
  if (!themes) return null;
  const cell = (count: number | null) => count ?? 'suppressed';
  return {
    sheet: 'Speak-up themes',
    columns: ['Quarter', 'Directorate', 'Cases', ...themes.categories],
    rows: themes.rows.map((row) => [themes.quarter, row.directorate, cell(row.cases), ...row.byCategory.map(cell)]),
  };
}

export function changesTable(snapshot: ReportSnapshot): DownloadTable {
  return {
    sheet: 'Changes since last report',
    columns: ['Measure', 'Previous value', 'Value', 'Change', 'Previous variation', 'Variation'],
    rows: snapshot.changes.map((change) => [
      change.name,
      round(change.previousValue),
      round(change.value),
      change.previousValue === null || change.value === null ? null : round(change.value - change.previousValue),
      variationLabel(change.previousVariation),
      variationLabel(change.variation),
    ]),
  };
}

export interface DataPackReport {
  status: 'draft' | 'ready' | 'published';
  publishedAt: Date | null;
}

const STATUS_WORDS: Record<DataPackReport['status'], string> = {
  draft: 'Draft: the numbers may change until the report is published',
  ready: 'Ready for review: the numbers may change until the report is published',
  published: 'Published',
};

function aboutTable(snapshot: ReportSnapshot, report: DataPackReport): DownloadTable {
  const rows: DownloadTable['rows'] = [
    ['Trust', snapshot.trustName],
    ['Report for', formatPeriodLong(snapshot.month)],
    ['Status', STATUS_WORDS[report.status]],
    ['Numbers taken from the scorecard', snapshot.takenAt],
  ];
  if (report.publishedAt) rows.push(['Published', report.publishedAt.toISOString()]);
  rows.push(
    ['Values', 'In the units named beside them; a period without a value is suppressed (too few people to show safely) or has no data.'],
    ['Speak-up themes', snapshot.speakUp ? snapshot.speakUp.note : 'This report has no speak-up themes.'],
    [
      'Changes',
      snapshot.changesSinceMonth === null
        ? 'No report was published before this one: there is nothing to compare with.'
        : `Since the report for ${formatPeriodLong(snapshot.changesSinceMonth)}.`,
    ],
  );
  return { sheet: 'About this pack', columns: ['Item', 'Detail'], rows };
}

/** Sheet names: at most 31 characters, none of \ / ? * [ ] :, and unique without regard to case. */
function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[\\/?*[\]:\s]+/g, ' ').trim().slice(0, 31).trim() || 'Sheet';
  let name = clean;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${clean.slice(0, 31 - ` (${n})`.length).trim()} (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

function addSheet(workbook: ExcelJS.Workbook, table: DownloadTable, taken: Set<string>): void {
  const sheet = workbook.addWorksheet(sheetName(table.sheet, taken));
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? ''));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  table.columns.forEach((column, i) => {
    const width = Math.max(column.length, ...table.rows.slice(0, 200).map((row) => String(row[i] ?? '').length));
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, width + 2));
  });
}

/**
 * The report's numbers for analysts: the summary matrix, every metric's series with its SPC mean
 * and limits, the spots, the speak-up themes and what changed, then what the pack is.
 */
export async function dataPackXlsx(snapshot: ReportSnapshot, report: DataPackReport): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Vitals';
  workbook.title = `${snapshot.trustName}: board report data pack, ${formatPeriodLong(snapshot.month)}`;
  const taken = new Set<string>();
  const metrics = snapshot.objectives.flatMap((objective) => objective.metrics);
  const tables = [summaryTable(snapshot), ...metrics.map(metricSeriesTable), spotsTable(snapshot), speakUpTable(snapshot), changesTable(snapshot), aboutTable(snapshot, report)];
  for (const table of tables) if (table) addSheet(workbook, table, taken);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
