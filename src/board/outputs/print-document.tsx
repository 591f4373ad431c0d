import { ReportDocument, reportTitle, STATUS_LABELS } from '#src/board/reports/document.tsx';
import type { BoardReportRow } from '#src/board/reports/load.ts';
import type { ReportSnapshot } from '#src/board/snapshot.ts';

/** The same stylesheets as every page, so the PDF is the report page as the browser prints it. */
export const PRINT_STYLESHEETS = ['/assets/nhsuk-frontend.min.css', '/assets/vitals.css', '/assets/print.css'];

/** The document's title, which the PDF also prints on every page: an unpublished report says so on each. */
export function printTitle(snapshot: ReportSnapshot, report: Pick<BoardReportRow, 'status'>): string {
  const title = `${snapshot.trustName}: ${reportTitle(snapshot.month)}`;
  return report.status === 'published' ? title : `${STATUS_LABELS[report.status]} – ${title}`;
}

interface PrintDocumentProps {
  snapshot: ReportSnapshot;
  report: BoardReportRow;
  publishedBy: string | null;
  /** The origin the stylesheets load from (renderPdf answers them from memory). */
  baseUrl: string;
}

/** Hono renders a tree of synchronous components to its markup when it is stringified. */
function markup(node: { toString(): string }): string {
  return node.toString();
}

/** The whole report as one HTML document for Chromium to print: no header, navigation or footer. */
export function printDocumentHtml({ snapshot, report, publishedBy, baseUrl }: PrintDocumentProps): string {
  const document = (
    <html lang="en-GB">
      <head>
        <meta charset="utf-8" />
        <base href={baseUrl} />
        <title>{printTitle(snapshot, report)}</title>
        {PRINT_STYLESHEETS.map((href) => (
          <link rel="stylesheet" href={href} />
        ))}
      </head>
      <body>
        <main class="nhsuk-width-container">
          <ReportDocument snapshot={snapshot} report={report} publishedBy={publishedBy} />
        </main>
      </body>
    </html>
  );
  return `<!DOCTYPE html>${markup(document)}`;
}
