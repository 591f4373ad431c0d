import { ReportDocument, reportTitle } from '#src/board/reports/document.tsx';
import type { BoardReportRow } from '#src/board/reports/load.ts';
import type { ReportSnapshot } from '#src/board/snapshot.ts';
import { Breadcrumb } from '#src/web/components/content.tsx';

export function printableTitle(month: string): string {
  return `${reportTitle(month)} (whole report)`;
}

interface PrintableReportProps {
  report: BoardReportRow;
  snapshot: ReportSnapshot;
  publishedBy: string | null;
  /** Whether this server can make the PDF itself. */
  canMakePdf: boolean;
}

/**
 * The whole report on one page, as the PDF has it: what the browser prints (or saves as a PDF)
 * when the server has no Chromium. The print styles leave out everything but the report.
 */
export function PrintableReportPage({ report, snapshot, publishedBy, canMakePdf }: PrintableReportProps) {
  const reportHref = `/board/reports/${report.id}`;
  return (
    <>
      <Breadcrumb items={[{ href: '/board/reports', text: 'Board reports' }, { href: reportHref, text: reportTitle(report.month) }]} />
      <div class="nhsuk-inset-text nhsuk-u-display-none-print">
        <span class="nhsuk-u-visually-hidden">Information: </span>
        <p>
          To print this report or save it as a PDF, choose Print from your browser’s menu or press Ctrl and P (Command and P on a Mac). Each measure starts on a
          new page.
        </p>
        <ul class="nhsuk-list">
          {canMakePdf && (
            <li>
              <a href={`${reportHref}/report.pdf`}>Download the report as a PDF</a>
            </li>
          )}
          <li>
            <a href={`${reportHref}/data-pack.xlsx`}>Download the data pack (XLSX spreadsheet)</a>
          </li>
        </ul>
      </div>
      <ReportDocument snapshot={snapshot} report={report} publishedBy={publishedBy} />
    </>
  );
}
