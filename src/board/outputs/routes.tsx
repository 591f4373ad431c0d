import { Hono, type Context } from 'hono';
import { recordAudit } from '#src/auth/audit.ts';
import { requires } from '#src/auth/guard.ts';
import { loadReportSnapshot, type BoardReportRow } from '#src/board/reports/load.ts';
import { findAccountName } from '#src/board/reports/store.ts';
import type { AppEnv } from '#src/web/env.ts';
import { logger } from '#src/web/logger.ts';
import { renderPage } from '#src/web/render.tsx';
import { dataPackXlsx, XLSX_TYPE } from './data-pack.ts';
import { pdfAssets } from './pdf-assets.ts';
import { chromiumAvailable, renderPdf } from './pdf.ts';
import { printDocumentHtml } from './print-document.tsx';
import { PRINT_INSTEAD_TITLE, PrintInsteadPage, type NoPdfReason } from './print-instead-view.tsx';
import { PrintableReportPage, printableTitle } from './printable-view.tsx';

async function auditDownload(c: Context<AppEnv>, report: BoardReportRow, format: 'pdf' | 'xlsx'): Promise<void> {
  const entry = { actorAccountId: c.get('principal')?.accountId ?? null, action: 'board.report.downloaded', subject: `board-report:${report.id}`, detail: { format, month: report.month } } as const;
  await recordAudit(c.get('database').db, entry, c.get('clock')());
}

function download(body: Uint8Array<ArrayBuffer>, type: string, filename: string): Response {
  return new Response(body, {
    headers: { 'content-type': type, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' },
  });
}

/**
 * 503 rather than 200: the PDF the address names cannot be served, so a script or download manager
 * must not save this page as a PDF; a browser shows the page and its way to print all the same.
 */
function printInstead(c: Context<AppEnv>, report: BoardReportRow, reason: NoPdfReason) {
  return renderPage(c, PRINT_INSTEAD_TITLE, <PrintInsteadPage reportId={report.id} month={report.month} reason={reason} />, { status: 503 });
}

/** Mounted at /board/reports: a report whole on one page to print, its PDF and its XLSX data pack. */
export const outputRoutes = new Hono<AppEnv>()
  .get('/:reportId/print', requires('board.reports.view'), async (c) => {
    const { report, snapshot } = await loadReportSnapshot(c);
    const publishedBy = await findAccountName(c.get('database').db, report.publishedBy);
    return renderPage(c, printableTitle(report.month), <PrintableReportPage report={report} snapshot={snapshot} publishedBy={publishedBy} canMakePdf={chromiumAvailable()} />);
  })
  .get('/:reportId/report.pdf', requires('board.reports.view'), async (c) => {
    const { report, snapshot } = await loadReportSnapshot(c);
    if (!chromiumAvailable()) return printInstead(c, report, 'no-chromium');
    const baseUrl = `${new URL(c.req.url).origin}/`;
    const publishedBy = await findAccountName(c.get('database').db, report.publishedBy);
    const { fontUrl } = c.get('config');
    let pdf: Uint8Array<ArrayBuffer>;
    try {
      pdf = await renderPdf(printDocumentHtml({ snapshot, report, publishedBy, baseUrl }), {
        baseUrl,
        files: pdfAssets(fontUrl),
        allowedOrigins: fontUrl ? [new URL(fontUrl).origin] : [],
      });
    } catch (error) {
      logger.error('board report PDF failed', { requestId: c.get('requestId'), reportId: report.id, error });
      return printInstead(c, report, 'failed');
    }
    await auditDownload(c, report, 'pdf');
    return download(pdf, 'application/pdf', `board-report-${report.month}.pdf`);
  })
  .get('/:reportId/data-pack.xlsx', requires('board.reports.view'), async (c) => {
    const { report, snapshot } = await loadReportSnapshot(c);
    const xlsx = await dataPackXlsx(snapshot, report);
    await auditDownload(c, report, 'xlsx');
    return download(xlsx, XLSX_TYPE, `board-report-${report.month}-data-pack.xlsx`);
  });
