import { AxeBuilder } from '@axe-core/playwright';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#src/auth/permissions.ts';
import type { Database } from '#src/db/client.ts';
import { auditEvent, boardReport } from '#src/db/schema.ts';
import { createTestApp, TEST_NOW } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { XLSX_TYPE } from './data-pack.ts';
import { pdfAssets } from './pdf-assets.ts';
import { CHROMIUM_PATH, closePdfBrowser } from './pdf.ts';
import { isCompletePdf, longPolylines, readPdfPages } from './pdf-reader.ts';
import { SAMPLE_SNAPSHOT } from './sample-report.ts';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let app: ReturnType<typeof createTestApp>;
let publishedId: number;
let draftId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
  app = createTestApp(database);
  const [published] = await database.db
    .insert(boardReport)
    .values({
      month: '2026-10',
      status: 'published',
      snapshot: SAMPLE_SNAPSHOT,
      createdAt: new Date('2026-11-01T09:00:00Z'),
      publishedAt: new Date('2026-11-02T09:00:00Z'),
      publishedBy: trust.accounts.admin.accountId,
    })
    .returning({ id: boardReport.id });
  const [draft] = await database.db.insert(boardReport).values({ month: '2026-09', status: 'draft', createdAt: new Date('2026-10-01T09:00:00Z') }).returning({ id: boardReport.id });
  publishedId = published?.id ?? 0;
  draftId = draft?.id ?? 0;
});
afterAll(async () => {
  await closePdfBrowser();
  await database.close();
});

async function signedIn(role: Role): Promise<TestClient> {
  const client = new TestClient(app);
  await client.signIn(trust.accounts[role].email, TEST_PASSWORD);
  return client;
}

async function readXlsx(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

async function downloadsAudited(accountId: number) {
  return database.db
    .select({ subject: auditEvent.subject, detail: auditEvent.detail, at: auditEvent.at })
    .from(auditEvent)
    .where(and(eq(auditEvent.action, 'board.report.downloaded'), eq(auditEvent.actorAccountId, accountId)));
}

/** Axe (WCAG 2.2 AA) over a page as the app served it, with the app's own assets. */
async function axeViolations(html: string): Promise<string[]> {
  const files = pdfAssets(undefined);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.route('http://vitals.test/**', (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/page') return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' });
      const file = files(path);
      return file ? route.fulfill({ body: Buffer.from(file.body), contentType: file.type }) : route.fulfill({ status: 404, body: '' });
    });
    const page = await context.newPage();
    await page.goto('http://vitals.test/page');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    return results.violations.map((violation) => `${violation.id}: ${violation.help}`);
  } finally {
    await browser.close();
  }
}

describe('the whole report on one page, to print', () => {
  it('shows the board every measure’s chart, table and commentary on one page, with the downloads, and passes axe', async () => {
    const client = await signedIn('board');
    const { response, html } = await client.get(`/board/reports/${publishedId}/print`);
    expect(response.status).toBe(200);
    expect(html).toContain('<title>Integrated board report: October 2026 (whole report) – Vitals</title>');
    for (const key of ['sickness_absence_rate', 'c2_mean', 'staff_engagement']) {
      expect(html).toContain(`id="metric-${key}"`);
      expect(html).toContain(`id="table-${key}"`);
    }
    expect(html).toContain('id="chart-sickness_absence_rate"');
    expect(html).toContain('Occupational health is reviewing the long-term cases');
    expect(html).toContain(`href="/board/reports/${publishedId}/report.pdf"`);
    expect(html).toContain(`href="/board/reports/${publishedId}/data-pack.xlsx"`);
    expect(await axeViolations(html)).toEqual([]);
  });

  it('is for the board, analysts and admins only', async () => {
    expect((await (await signedIn('manager')).request(`/board/reports/${publishedId}/print`)).status).toBe(403);
    expect((await (await signedIn('analyst')).request(`/board/reports/${draftId}/print`)).status).toBe(200);
    expect((await (await signedIn('admin')).request(`/board/reports/${publishedId + 1000}/print`)).status).toBe(404);
  });
});

describe('the board report PDF and data pack', () => {
  it.each(['board', 'analyst', 'admin'] as const)('gives %s the published report as a PDF with its charts, and audits it', async (role) => {
    const client = await signedIn(role);
    const response = await client.request(`/board/reports/${publishedId}/report.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="board-report-2026-10.pdf"');
    const pdf = new Uint8Array(await response.arrayBuffer());
    expect(isCompletePdf(pdf)).toBe(true);
    const pages = readPdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    // The stored snapshot, not the (empty) scorecard: who published it is looked up by account.
    expect(pages[0]?.text).toContain(`Published on 2 November 2026 by User`);
    expect(pages.filter((page) => longPolylines(page.operators) > 0)).toHaveLength(2);
    expect(await downloadsAudited(trust.accounts[role].accountId)).toEqual([{ subject: `board-report:${publishedId}`, detail: { format: 'pdf', month: '2026-10' }, at: TEST_NOW }]);
  });

  it.each(['board', 'analyst', 'admin'] as const)('gives %s the data pack of the stored snapshot as XLSX, and audits it', async (role) => {
    const client = await signedIn(role);
    const response = await client.request(`/board/reports/${publishedId}/data-pack.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="board-report-2026-10-data-pack.xlsx"');
    const workbook = await readXlsx(response);
    expect(workbook.getWorksheet('Summary')?.getRow(2).getCell(2).value).toBe('Sickness absence rate');
    expect(workbook.getWorksheet('About this pack')?.getRow(4).values).toEqual([undefined, 'Status', 'Published']);
    const audited = await downloadsAudited(trust.accounts[role].accountId);
    expect(audited.map((row) => row.detail)).toContainEqual({ format: 'xlsx', month: '2026-10' });
  });

  it('builds a draft’s data pack from the scorecard now, and says it is a draft', async () => {
    const client = await signedIn('analyst');
    const response = await client.request(`/board/reports/${draftId}/data-pack.xlsx`);
    expect(response.status).toBe(200);
    const about = (await readXlsx(response)).getWorksheet('About this pack');
    expect(about?.getRow(3).values).toEqual([undefined, 'Report for', 'September 2026']);
    expect(about?.getRow(4).getCell(2).text).toMatch(/^Draft: /);
  });

  it.each(['manager', 'guardian', 'staff'] as const)('refuses %s both files', async (role) => {
    const client = await signedIn(role);
    for (const file of ['report.pdf', 'data-pack.xlsx']) {
      const response = await client.request(`/board/reports/${publishedId}/${file}`);
      expect(response.status, file).toBe(403);
    }
    expect(await downloadsAudited(trust.accounts[role].accountId)).toEqual([]);
  });

  it('answers 404 for a report that does not exist, and sends the signed-out to sign in', async () => {
    const client = await signedIn('board');
    for (const path of [`/board/reports/${publishedId + 1000}/report.pdf`, '/board/reports/latest/data-pack.xlsx', `/board/reports/${draftId + 1000}/data-pack.xlsx`]) {
      expect((await client.request(path)).status, path).toBe(404);
    }
    const signedOut = await new TestClient(app).request(`/board/reports/${publishedId}/report.pdf`);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(`/board/reports/${publishedId}/report.pdf`)}`);
  });
});
