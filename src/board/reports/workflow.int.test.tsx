import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#src/auth/permissions.ts';
import type { Database } from '#src/db/client.ts';
import { auditEvent, boardCommentary, boardMetric, boardReport, strategicObjective } from '#src/db/schema.ts';
import { createTestApp } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { buildScorecard } from '#test/scorecard-fixtures.ts';
import { ReportDocument } from './document.tsx';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let app: ReturnType<typeof createTestApp>;
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
  await buildScorecard(database.db, trust);
  const [people, care] = await database.db
    .insert(strategicObjective)
    .values([
      { position: 2, title: 'Our people', commitment: 'Our commitment to our people' },
      { position: 1, title: 'Our patients', commitment: 'Our commitment to provide the best care for all patients' },
    ])
    .returning({ id: strategicObjective.id });
  await database.db.insert(boardMetric).values([
    { objectiveId: people!.id, metricKey: 'sickness_absence_rate', position: 1, owner: 'Director of People' },
    { objectiveId: people!.id, metricKey: 'staff_engagement', position: 2, owner: 'Director of People' },
    { objectiveId: care!.id, metricKey: 'c2_mean', position: 1, owner: 'Director of Operations' },
  ]);
  app = createTestApp(database);
});
afterAll(() => database.close());

async function as(role: Role): Promise<TestClient> {
  let client = clients.get(role);
  if (!client) {
    client = new TestClient(app);
    expect((await client.signIn(trust.accounts[role].email, TEST_PASSWORD)).status).toBe(303);
    clients.set(role, client);
  }
  return client;
}

async function post(role: Role, path: string, fields: Record<string, string> = {}) {
  const client = await as(role);
  await client.get('/board/reports');
  return client.post(path, fields);
}

async function statusOf(id: number) {
  const [row] = await database.db.select({ status: boardReport.status }).from(boardReport).where(eq(boardReport.id, id));
  return row?.status;
}

async function audits(action: string) {
  return database.db.select().from(auditEvent).where(eq(auditEvent.action, action));
}

const COMMENTARY = { chartTellsUs: 'Absence is steady.', actions: 'Wellbeing checks in every hub.', expectChange: 'By the spring.' };
let reportId: number;

describe('who may open board reports', () => {
  it('lets the board, analysts and admins read, and refuses everyone else', async () => {
    for (const role of ['board', 'analyst', 'admin'] as const) expect((await (await as(role)).get('/board/reports')).response.status, role).toBe(200);
    for (const role of ['manager', 'guardian', 'staff', 'investigator', 'programme'] as const) {
      expect((await (await as(role)).get('/board/reports')).response.status, role).toBe(403);
    }
  });

  it('offers the start form to those who may edit, defaulting to the scorecard’s latest month', async () => {
    const analyst = await (await as('analyst')).get('/board/reports');
    expect(analyst.html).toContain('<option value="2026-10" selected="">October 2026</option>');
    const board = await (await as('board')).get('/board/reports');
    expect(board.html).not.toContain('Start the report');
    expect((await post('board', '/board/reports', { month: '2026-10' })).status).toBe(403);
  });
});

describe('starting a report', () => {
  it('refuses a month the scorecard does not offer, naming the field', async () => {
    const response = await post('analyst', '/board/reports', { month: '2030-01' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<a href="#month">Choose the month the report is for, from the months the scorecard has</a>');
  });

  it('creates one draft per month, audited', async () => {
    const response = await post('analyst', '/board/reports', { month: '2026-10' });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    reportId = Number(/\/board\/reports\/(\d+)\?saved=created/.exec(location)?.[1]);
    expect(await statusOf(reportId)).toBe('draft');
    expect((await audits('board.report.created')).map((a) => a.subject)).toEqual([`board-report:${reportId}`]);
    const again = await post('admin', '/board/reports', { month: '2026-10' });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('A report for October 2026 has already been started: choose another month');
  });

  it('shows the matrix grouped by objective in strategy order, each measure linking to its page', async () => {
    const { response, html } = await (await as('board')).get(`/board/reports/${reportId}`);
    expect(response.status).toBe(200);
    expect(html).toContain('Integrated board report: October 2026');
    expect(html).toContain('Status: Draft');
    expect(html).toContain('Commentary written for 0 of 3 measures. Still to write: Category 2 mean response, Sickness absence rate, Staff engagement.');
    expect(html.indexOf('Our patients')).toBeLessThan(html.indexOf('Our people'));
    expect(html.indexOf('Sickness absence rate')).toBeLessThan(html.indexOf('Staff engagement'));
    for (const key of ['sickness_absence_rate', 'staff_engagement', 'c2_mean']) expect(html).toContain(`href="/board/reports/${reportId}/metrics/${key}"`);
    expect(html).not.toContain('Send for review');
    expect((await (await as('board')).get(`/board/reports/${reportId}/metrics/not_a_metric`)).response.status).toBe(404);
    expect((await (await as('board')).get('/board/reports/999999')).response.status).toBe(404);
  });
});

describe('commentary', () => {
  const path = () => `/board/reports/${reportId}/metrics/sickness_absence_rate/commentary`;

  it('names each missing or too-long field', async () => {
    const response = await post('analyst', path(), { chartTellsUs: '', actions: 'x'.repeat(3001), expectChange: '' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<a href="#chartTellsUs">Enter what the chart tells us</a>');
    expect(html).toContain('<a href="#actions">Actions must be 3,000 characters or fewer</a>');
    expect(html).toContain('<a href="#expectChange">Enter when we expect to see change</a>');
  });

  it('is written by an analyst, audited, and shown on the measure’s page; the board cannot write it', async () => {
    expect((await post('board', path(), COMMENTARY)).status).toBe(403);
    const response = await post('analyst', path(), COMMENTARY);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/board/reports/${reportId}/metrics/sickness_absence_rate?saved=commentary`);
    expect((await audits('board.commentary.saved')).length).toBe(1);
    const { html } = await (await as('board')).get(`/board/reports/${reportId}/metrics/sickness_absence_rate`);
    expect(html).toContain('Absence is steady.');
    expect(html).toContain('Wellbeing checks in every hub.');
    expect(html).not.toContain('Save commentary');
  });

  it('is refused for a measure that is not a board metric', async () => {
    expect((await post('analyst', `/board/reports/${reportId}/metrics/leaver_rate/commentary`, COMMENTARY)).status).toBe(404);
  });
});

describe('moving a report through review to publication', () => {
  it('refuses transitions from the wrong state with 409', async () => {
    expect((await post('analyst', `/board/reports/${reportId}/return`)).status).toBe(409);
    expect((await post('admin', `/board/reports/${reportId}/publish`)).status).toBe(409);
  });

  it('sends for review, returns to draft and back, each audited; only an admin publishes', async () => {
    expect((await post('board', `/board/reports/${reportId}/ready`)).status).toBe(403);
    expect((await post('analyst', `/board/reports/${reportId}/ready`)).status).toBe(303);
    expect(await statusOf(reportId)).toBe('ready');
    expect((await post('analyst', `/board/reports/${reportId}/ready`)).status).toBe(409);
    expect((await post('analyst', `/board/reports/${reportId}/metrics/sickness_absence_rate/commentary`, COMMENTARY)).status).toBe(409);
    expect((await post('analyst', `/board/reports/${reportId}/return`)).status).toBe(303);
    expect(await statusOf(reportId)).toBe('draft');
    expect((await post('admin', `/board/reports/${reportId}/ready`)).status).toBe(303);
    expect((await audits('board.report.ready')).length).toBe(2);
    expect((await audits('board.report.returned')).length).toBe(1);

    expect((await post('analyst', `/board/reports/${reportId}/publish`)).status).toBe(403);
    expect((await post('board', `/board/reports/${reportId}/publish`)).status).toBe(403);
    const published = await post('admin', `/board/reports/${reportId}/publish`);
    expect(published.status).toBe(303);
    const [row] = await database.db.select().from(boardReport).where(eq(boardReport.id, reportId));
    expect(row?.status).toBe('published');
    expect(row?.publishedBy).toBe(trust.accounts.admin.accountId);
    expect(row?.snapshot?.objectives.map((o) => o.title)).toEqual(['Our patients', 'Our people']);
    expect(row?.snapshot?.objectives[1]?.metrics[0]?.commentary).toMatchObject(COMMENTARY);
    expect(row?.snapshot?.objectives[1]?.metrics[0]?.commentary?.author).toMatch(/^User \d+$/);
    expect((await audits('board.report.published')).length).toBe(1);

    const { html } = await (await as('board')).get(`/board/reports/${reportId}`);
    expect(html).toContain('Status: Published');
    expect(html).toMatch(/Published on 2 November 2026 by User \d+\./);
  });

  it('prints as one document: the matrix, then every measure’s chart, table and commentary, spots, themes and changes', async () => {
    const [row] = await database.db.select().from(boardReport).where(eq(boardReport.id, reportId));
    if (!row?.snapshot) throw new Error('not published');
    const node: { toString(): string } = <ReportDocument snapshot={row.snapshot} report={row} publishedBy="An Admin" />;
    const html = node.toString();
    expect(html).toContain('Integrated board report: October 2026');
    expect(html).toContain('Published on 2 November 2026 by An Admin.');
    const order = ['Summary', 'id="metric-c2_mean"', 'id="chart-c2_mean"', 'id="table-c2_mean"', 'id="metric-sickness_absence_rate"', 'id="chart-sickness_absence_rate"', 'id="table-sickness_absence_rate"', 'Absence is steady.', 'id="metric-staff_engagement"', 'Dark and bright spots', 'Speak-up themes', 'What changed since the last report'];
    const positions = order.map((text) => html.indexOf(text));
    expect(positions.every((position) => position >= 0), order.filter((_, i) => positions[i]! < 0).join()).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toContain('href="#metric-sickness_absence_rate"');
  });

  it('never changes a published report’s commentary or state', async () => {
    expect((await post('analyst', `/board/reports/${reportId}/metrics/sickness_absence_rate/commentary`, COMMENTARY)).status).toBe(409);
    expect((await post('analyst', `/board/reports/${reportId}/return`)).status).toBe(409);
    expect((await post('analyst', `/board/reports/${reportId}/ready`)).status).toBe(409);
    expect((await post('admin', `/board/reports/${reportId}/publish`)).status).toBe(409);
    const rows = await database.db
      .select()
      .from(boardCommentary)
      .where(and(eq(boardCommentary.reportId, reportId), eq(boardCommentary.metricKey, 'sickness_absence_rate')));
    expect(rows.map((r) => r.chartTellsUs)).toEqual([COMMENTARY.chartTellsUs]);
  });
});
