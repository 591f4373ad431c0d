import { afterAll, describe, expect, it } from 'vitest';
import type { BoardReportRow } from '#src/board/reports/load.ts';
import type { ReportSnapshot } from '#src/board/snapshot.ts';
import { pdfAssets } from './pdf-assets.ts';
import { isCompletePdf, longPolylines, readPdfPages, type PdfPage } from './pdf-reader.ts';
import { chromiumAvailable, closePdfBrowser, renderPdf } from './pdf.ts';
import { printDocumentHtml } from './print-document.tsx';
import { SAMPLE_SNAPSHOT } from './sample-report.ts';

const BASE_URL = 'http://vitals.test/';
const DRAFT: BoardReportRow = { id: 1, month: '2026-10', status: 'draft', snapshot: null, createdAt: new Date('2026-11-01T09:00:00Z'), createdBy: null, publishedAt: null, publishedBy: null };

async function printed(snapshot: ReportSnapshot): Promise<Uint8Array> {
  return renderPdf(printDocumentHtml({ snapshot, report: DRAFT, publishedBy: null, baseUrl: BASE_URL }), { baseUrl: BASE_URL, files: pdfAssets(undefined) });
}

function pageOf(pages: readonly PdfPage[], text: string): number {
  const index = pages.findIndex((page) => page.text.includes(text));
  if (index < 0) throw new Error(`"${text}" is on no page`);
  return index;
}

afterAll(() => closePdfBrowser());

describe('the board report PDF, printed by the real Chromium', { timeout: 60_000 }, () => {
  it('finds Debian’s Chromium', () => {
    expect(chromiumAvailable()).toBe(true);
  });

  it('is a complete multi-page PDF: a title page, the summary, each measure from its own page with its chart, then the spots, themes and changes', async () => {
    const pdf = await printed(SAMPLE_SNAPSHOT);
    expect(isCompletePdf(pdf)).toBe(true);
    const pages = readPdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);

    // The title page holds only the trust, the month and where the report stands.
    expect(pages[0]?.text).toMatch(/^North Vale Ambulance Service NHS Trust Integrated board report: October 2026 Draft\. /);
    expect(pages[0]?.text).not.toContain('Summary');
    expect(pages[1]?.text).toMatch(/^Summary Our people Measure Period Latest value/);

    // Each measure's heading (followed by its first figure) is on a page of its own, in report order.
    const measurePages = ['Sickness absence rate', 'Staff engagement', 'Category 2 mean response'].map((name) => pageOf(pages, `${name} Latest value`));
    expect(new Set(measurePages).size).toBe(3);
    expect(measurePages).toEqual([...measurePages].sort((a, b) => a - b));
    expect(pages[measurePages[1] ?? 0]?.text).toMatch(/^Staff engagement Latest value/);
    expect(pages[measurePages[2] ?? 0]?.text).toMatch(/^Category 2 mean response Latest value/);

    // The SVG charts arrive as vector paths (one joined line per monthly series, mean and limit)
    // with their axis text, on the measure's page.
    const sickness = pages[measurePages[0] ?? 0];
    const responses = pages[measurePages[2] ?? 0];
    expect(longPolylines(sickness?.operators ?? '')).toBeGreaterThan(0);
    expect(longPolylines(responses?.operators ?? '')).toBeGreaterThan(0);
    expect(sickness?.text).toContain('Per cent');
    expect(sickness?.text).toContain('Feb 2025');
    expect(responses?.text).toContain('Minutes');
    expect(pages.filter((page) => longPolylines(page.operators) > 0)).toHaveLength(2);
    // Every chart's numbers are in a table too, the suppressed month saying why.
    expect(pages.map((page) => page.text).join(' ')).toContain('Apr 2025 suppressed (fewer than 5)');

    for (const heading of ['Dark and bright spots', 'Speak-up themes', 'What changed since the last report']) {
      expect(pages[pageOf(pages, heading)]?.text.startsWith(heading)).toBe(true);
    }
    // The footer: an unpublished report says so on every page, with the page number.
    pages.forEach((page, i) => {
      expect(page.text).toContain(`Draft – North Vale Ambulance Service NHS Trust: Integrated board report: October 2026`);
      expect(page.text).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('prints several reports at once, each into its own PDF', async () => {
    const names = ['First Trust', 'Second Trust', 'Third Trust'];
    const pdfs = await Promise.all(names.map((trustName) => printed({ ...SAMPLE_SNAPSHOT, trustName })));
    expect(pdfs.map((pdf) => readPdfPages(pdf)[0]?.text.split(' Integrated')[0])).toEqual(names);
  });
});
