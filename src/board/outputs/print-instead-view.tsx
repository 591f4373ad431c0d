import { reportTitle } from '#src/board/reports/document.tsx';
import { Breadcrumb, InsetText } from '#src/web/components/content.tsx';

export const PRINT_INSTEAD_TITLE = 'Save the board report as a PDF from your browser';

/** Why there is no PDF: Chromium is not installed on the server, or it failed to draw this one. */
export type NoPdfReason = 'no-chromium' | 'failed';

export function PrintInsteadPage({ reportId, month, reason }: { reportId: number; month: string; reason: NoPdfReason }) {
  const reportHref = `/board/reports/${reportId}`;
  return (
    <>
      <Breadcrumb items={[{ href: '/board/reports', text: 'Board reports' }, { href: reportHref, text: reportTitle(month) }]} />
      <h1>{PRINT_INSTEAD_TITLE}</h1>
      <p>
        {reason === 'no-chromium'
          ? 'Vitals cannot make the PDF on this server: the Chromium browser it uses to draw PDFs is not installed.'
          : 'Vitals could not make the PDF just now.'}{' '}
        Your browser can save the report as a PDF instead, with the same pages.
      </p>
      <ol class="nhsuk-list nhsuk-list--number">
        <li>
          Open the whole report on one page: <a href={`${reportHref}/print`}>{reportTitle(month)}</a>.
        </li>
        <li>Choose Print from your browser’s menu, or press Ctrl and P (Command and P on a Mac).</li>
        <li>As the printer (or destination), choose Save as PDF.</li>
        <li>Select Save and choose where to keep the file.</li>
      </ol>
      <p>The printed report leaves out the menus and buttons, starts each measure on a new page and keeps every chart and table whole.</p>
      <p>
        The numbers are also in the <a href={`${reportHref}/data-pack.xlsx`}>data pack (XLSX spreadsheet)</a>.
      </p>
      {reason === 'no-chromium' && (
        <InsetText>
          <p>For administrators: install Chromium on the server (on Debian or Ubuntu, the package is called chromium) and Vitals makes the PDF itself.</p>
        </InsetText>
      )}
    </>
  );
}
