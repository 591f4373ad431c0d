import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Layout } from '#src/web/layout.tsx';
import { pdfAssets } from './pdf-assets.ts';
import { CHROMIUM_PATH } from './pdf.ts';
import { PRINT_INSTEAD_TITLE, PrintInsteadPage, type NoPdfReason } from './print-instead-view.tsx';

const ORIGIN = 'http://vitals.test';
const render = (node: { toString(): string }) => node.toString();

function pageHtml(reason: NoPdfReason): string {
  const principal = { accountId: 1, displayName: 'Board Member', email: 'board@trust.test', personId: null, grants: [{ role: 'board' as const, unitId: 1 }] };
  const page = (
    <Layout title={PRINT_INSTEAD_TITLE} principal={principal} csrfToken="token" path="/board/reports/7/report.pdf">
      <PrintInsteadPage reportId={7} month="2026-10" reason={reason} />
    </Layout>
  );
  return `<!DOCTYPE html>${render(page)}`;
}

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
});
afterAll(() => browser.close());

describe('the page that says how to print when there is no PDF', { timeout: 30_000 }, () => {
  it('links to the report and its data pack, and tells an administrator what to install only when Chromium is missing', () => {
    const missing = pageHtml('no-chromium');
    expect(missing).toContain('<a href="/board/reports/7/print">Integrated board report: October 2026</a>');
    expect(missing).toContain('href="/board/reports/7/data-pack.xlsx"');
    expect(missing).toContain('press Ctrl and P (Command and P on a Mac)');
    expect(missing).toContain('choose Save as PDF');
    expect(missing).toContain('For administrators: install Chromium');
    const failed = pageHtml('failed');
    expect(failed).toContain('Vitals could not make the PDF just now.');
    expect(failed).not.toContain('For administrators');
  });

  it.each(['no-chromium', 'failed'] as const)('passes axe (WCAG 2.2 AA) when the reason is %s', async (reason) => {
    const files = pdfAssets(undefined);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // The page and its assets, as the app would serve them, without a server.
    await context.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/board/reports/7/report.pdf') return route.fulfill({ status: 503, body: pageHtml(reason), contentType: 'text/html; charset=utf-8' });
      const file = files(path);
      return file ? route.fulfill({ body: Buffer.from(file.body), contentType: file.type }) : route.fulfill({ status: 404, body: '' });
    });
    const page = await context.newPage();
    expect((await page.goto(`${ORIGIN}/board/reports/7/report.pdf`))?.status()).toBe(503);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
    await context.close();
  });
});
