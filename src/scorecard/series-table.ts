import { escapeXml } from '#src/web/charts/svg.ts';
import { formatCount, formatPeriod, formatPlain, POINT_TYPE_LABELS } from './format.ts';
import type { SeriesRowView } from './series-rows.ts';

/**
 * The data table under a chart, as an HTML string. A team page has about 30 of them with up to 60
 * rows each, so they are written directly rather than through JSX components (which took ~100 ms
 * for a page and doubled its size with the responsive table's repeated headings). It sits in a
 * focusable region that scrolls sideways if it must at 320 px; a suppressed period is one cell
 * across the numbers, saying why.
 */
export function seriesTableHtml(id: string, caption: string, labels: { numerator: string; denominator: string }, format: string, rows: readonly SeriesRowView[]): string {
  const out: string[] = [
    `<div class="vitals-table-scroll" role="region" aria-labelledby="${id}-caption" tabindex="0">`,
    `<table class="nhsuk-table nhsuk-table--compact vitals-series-table"><caption class="nhsuk-table__caption nhsuk-table__caption--s" id="${id}-caption">${escapeXml(caption)}</caption>`,
    '<thead class="nhsuk-table__head"><tr class="nhsuk-table__row">',
    '<th class="nhsuk-table__header" scope="col">Period</th>',
    `<th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">${escapeXml(labels.numerator)}</th>`,
    `<th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">${escapeXml(labels.denominator)}</th>`,
    '<th class="nhsuk-table__header nhsuk-table__header--numeric" scope="col">Value</th>',
    '<th class="nhsuk-table__header" scope="col">Point type</th></tr></thead><tbody class="nhsuk-table__body">',
  ];
  const number = (text: string) => `<td class="nhsuk-table__cell nhsuk-table__cell--numeric">${text}</td>`;
  for (const row of rows) {
    out.push(`<tr><th class="nhsuk-table__header" scope="row">${escapeXml(formatPeriod(row.period))}</th>`);
    if (row.suppressed) {
      out.push(`<td class="nhsuk-table__cell" colspan="3">${escapeXml(row.reason)}</td><td class="nhsuk-table__cell"></td></tr>`);
      continue;
    }
    out.push(
      number(row.numerator === null ? 'no data' : formatCount(row.numerator)),
      number(row.denominator === null ? 'no data' : formatCount(row.denominator)),
      number(row.value === null ? 'no data' : formatPlain(format, row.value)),
      `<td class="nhsuk-table__cell">${escapeXml(POINT_TYPE_LABELS[row.pointType] ?? '')}</td></tr>`,
    );
  }
  out.push('</tbody></table></div>');
  return out.join('');
}
