import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '#src/auth/permissions.ts';
import type { Database } from '#src/db/client.ts';
import { auditEvent, metric } from '#src/db/schema.ts';
import { createTestApp } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { buildScorecard, HIDDEN_STRINGS } from '#test/scorecard-fixtures.ts';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let scorecard: Awaited<ReturnType<typeof buildScorecard>>;
let app: ReturnType<typeof createTestApp>;
const clients = new Map<Role, TestClient>();

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
  scorecard = await buildScorecard(database.db, trust);
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

async function page(role: Role, path: string, status = 200): Promise<string> {
  const { response, html } = await (await as(role)).get(path);
  expect(response.status, path).toBe(status);
  return html;
}

function expectNoHiddenValues(text: string, where: string) {
  for (const hidden of HIDDEN_STRINGS) expect(text.includes(hidden), `${where} contains ${hidden}`).toBe(false);
}

async function xlsxText(response: Response): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.text))));
  return cells.join('\n');
}

describe('organisation heatmap', () => {
  it('shows the analyst the trust and its directorates, with values, icons and spots', async () => {
    const html = await page('analyst', '/scorecard');
    expect(html).toContain('All of Test Ambulance Service');
    expect(html).toContain(`href="/scorecard?unit=${trust.units.operations}"`);
    expect(html).toContain('Sickness absence rate');
    expect(html).toMatch(/\d+\.\d%/);
    expect(html).toContain('Common cause');
    expect(html).toContain('North hub');
    expect(html).toContain('Speak-up concerns: 9 in 6 months where 3.1 were expected.');
    expect(html).toContain('role="region"');
  });

  it('drills down to the units of a directorate, with a breadcrumb back up', async () => {
    const html = await page('analyst', `/scorecard?unit=${trust.units.operations}`);
    expect(html).toContain('All of Emergency Operations');
    expect(html).toContain('North hub');
    expect(html).toContain('South hub');
    expect(html).toContain(`href="/scorecard?unit=${trust.units.trust}"`);
    expect(html).toContain('suppressed (fewer than 5)');
  });

  it('filters the columns to one source', async () => {
    const html = await page('analyst', '/scorecard?source=sickness');
    expect(html).toContain('Sickness absence rate');
    expect(html).not.toContain('Stability index');
  });

  it('starts a manager at their own hub and refuses the rest of the trust', async () => {
    const html = await page('manager', '/scorecard');
    expect(html).toContain('All of North hub');
    expect(html).toContain('North team 1');
    expect(html).not.toContain('South hub');
    await page('manager', `/scorecard?unit=${trust.units.southHub}`, 403);
    await page('manager', `/scorecard?unit=${trust.units.trust}`, 403);
    await page('manager', '/scorecard?unit=999999', 404);
    await page('staff', '/scorecard', 403);
  });
});

describe('team page', () => {
  it('shows every measure with its chart, data table, signals and actions', async () => {
    const html = await page('manager', `/scorecard/units/${trust.units.northTeam}`);
    expect(html).toContain('<h1><span class="nhsuk-caption-l">Team scorecard</span>North team 1</h1>');
    expect(html.match(/<svg class="vitals-chart"/g)?.length).toBe(32);
    expect(html).toContain('role="img"');
    expect(html).toContain('<title id="chart-sickness_absence_rate-title">Sickness absence rate, North team 1</title>');
    expect(html).toContain('Data for Sickness absence rate');
    expect(html).toContain('special cause of concern since April 2026');
    expect(html).toContain(`href="/signals/${scorecard.signals.concern}"`);
    expect(html).toContain('Return-to-work conversations for every absence');
    expect(html).toContain('Watch');
  });

  it('shows a board member the signals without links to manage them', async () => {
    const html = await page('board', `/scorecard/units/${trust.units.northTeam}`);
    expect(html).toContain('special cause of concern since April 2026');
    expect(html).not.toContain(`href="/signals/${scorecard.signals.concern}"`);
    expect(html).not.toContain('<strong>Watch</strong>');
  });

  it('shows no value for the suppressed team: no chart, only "suppressed (fewer than N)"', async () => {
    const html = await page('analyst', `/scorecard/units/${trust.units.southTeam}`);
    expectNoHiddenValues(html, 'south team page');
    expect(html).toContain('suppressed (fewer than 5)');
    expect(html).toContain('suppressed (fewer than 11)');
    expect(html).toContain('suppressed (fewer than 50)');
    expect(html).toContain('Every period is suppressed: fewer than 5 (headcount in the denominator).');
    expect(html).toContain('Not shown (too few staff, or no data)');
    // Operational and patient-feedback measures count incidents, not people: never suppressed.
    expect(html.match(/<svg class="vitals-chart"/g)?.length).toBe(12);
  });

  it('says why a cell is hidden when it is complementary suppression', async () => {
    const html = await page('analyst', `/scorecard/units/${trust.units.operations}`);
    expectNoHiddenValues(html, 'operations page');
    expect(html).toContain('2 of 24 periods are hidden so that a smaller group’s value cannot be worked out from this one.');
    expect(html).toContain('suppressed (so a smaller group cannot be worked out)');
  });

  it('refuses units outside the scope and answers 404 for unknown units', async () => {
    await page('manager', `/scorecard/units/${trust.units.southTeam}`, 403);
    await page('manager', `/scorecard/units/${trust.units.hrTeam}`, 403);
    await page('manager', '/scorecard/units/999999', 404);
    await page('manager', '/scorecard/units/abc', 404);
  });
});

describe('downloads', () => {
  it('gives the team page as CSV and XLSX with a name that says what it is, suppressed periods saying so', async () => {
    const client = await as('analyst');
    const csv = await client.request(`/scorecard/units/${trust.units.southTeam}?format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="scorecard-tst-eo-s-1-series-2026-11-02.csv"');
    const text = await csv.text();
    expectNoHiddenValues(text, 'south team CSV');
    expect(text).toContain('Unit code,Unit,Measure key,Measure,Period,Numerator,Denominator,Value');
    expect(text).toContain('suppressed (fewer than 5)');
    const xlsx = await client.request(`/scorecard/units/${trust.units.southTeam}?format=xlsx`);
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="scorecard-tst-eo-s-1-series-2026-11-02.xlsx"');
    const sheet = await xlsxText(xlsx);
    expectNoHiddenValues(sheet, 'south team XLSX');
    expect(sheet).toContain('suppressed');
  });

  it('gives the heatmap without the hidden values, in CSV and XLSX', async () => {
    const client = await as('analyst');
    const csv = await client.request(`/scorecard?unit=${trust.units.operations}&format=csv`);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="scorecard-tst-eo-latest-2026-11-02.csv"');
    const text = await csv.text();
    expectNoHiddenValues(text, 'heatmap CSV');
    expect(text).toContain('TST-EO-S,South hub,Sickness absence rate,Sickness absence,,suppressed');
    expectNoHiddenValues(await xlsxText(await client.request(`/scorecard?unit=${trust.units.operations}&format=xlsx`)), 'heatmap XLSX');
  });

  it('keeps a manager to their scope in downloads too', async () => {
    const client = await as('manager');
    expect((await client.request(`/scorecard?unit=${trust.units.trust}&format=csv`)).status).toBe(403);
    expect((await client.request(`/scorecard/units/${trust.units.southTeam}?format=xlsx`)).status).toBe(403);
    const own = await (await client.request('/scorecard?format=csv')).text();
    expect(own).toContain('North team 1');
    expect(own).not.toContain('South');
  });
});

describe('metric page', () => {
  it('compares the units of a parent in a funnel plot and a table, listing suppressed units as suppressed', async () => {
    const html = await page('analyst', `/scorecard/metrics/sickness_absence_rate?unit=${trust.units.northHub}`);
    expect(html).toContain('<svg class="vitals-chart" id="funnel-sickness_absence_rate"');
    expect(html).toContain('FTE days available');
    expect(html).toContain('North team 3');
    expect(html).toContain('Lower is better');
    const ops = await page('analyst', `/scorecard/metrics/sickness_absence_rate?unit=${trust.units.operations}`);
    expect(ops).toContain('South hub');
    expect(ops).toContain('suppressed (fewer than 5)');
    expectNoHiddenValues(ops, 'metric page');
  });

  it('downloads the comparison table', async () => {
    const response = await (await as('analyst')).request(`/scorecard/metrics/sickness_absence_rate?unit=${trust.units.operations}&format=csv`);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="measure-sickness-absence-rate-units-in-tst-eo-2026-11-02.csv"');
    const text = await response.text();
    expectNoHiddenValues(text, 'comparison CSV');
    expect(text).toContain('TST-EO-S,South hub,Sickness absence rate,,suppressed');
  });

  it('lists the catalogue and answers 404 for an unknown measure', async () => {
    const html = await page('board', '/scorecard/metrics');
    expect(html).toContain('Category 1 mean response');
    expect(html).not.toContain('Open a measure to edit');
    await page('board', '/scorecard/metrics/no_such_metric', 404);
    await page('manager', `/scorecard/metrics/sickness_absence_rate?unit=${trust.units.southHub}`, 403);
  });
});

describe('editing a measure', () => {
  it('is for analysts only', async () => {
    await page('manager', '/scorecard/metrics/sickness_absence_rate/edit', 403);
    await page('analyst', '/scorecard/metrics/no_such_metric/edit', 404);
  });

  it('refuses a minimum group size below the floor, and a target that is not a number, with an error summary', async () => {
    const client = await as('analyst');
    await client.get('/scorecard/metrics/sickness_absence_rate/edit');
    const response = await client.post('/scorecard/metrics/sickness_absence_rate/edit', {
      name: 'Sickness absence rate',
      description: 'Days lost.',
      target: 'four',
      minimumGroupSize: '2',
      polarity: 'decrease',
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<title>Error: ');
    expect(html).toContain('There is a problem');
    expect(html).toContain('href="#minimumGroupSize">Minimum group size must be 3 or more: smaller groups could identify people</a>');
    expect(html).toContain('href="#target">Enter the target as a number, like 95 or 4.5, or leave it blank</a>');
    expect(html).toContain('id="minimumGroupSize-error"');
    const [row] = await database.db.select().from(metric).where(eq(metric.key, 'sickness_absence_rate'));
    expect(row?.minimumGroupSize).toBeNull();
  });

  it('saves the changes and audits what changed, old and new', async () => {
    const client = await as('analyst');
    await client.get('/scorecard/metrics/speak_up_concerns/edit');
    const response = await client.post('/scorecard/metrics/speak_up_concerns/edit', {
      name: 'Speak-up concerns raised',
      description: 'Freedom to Speak Up concerns raised, per 100 staff a year.',
      target: '',
      minimumGroupSize: '60',
      polarity: 'neutral',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/scorecard/metrics/speak_up_concerns?saved=1');
    const [row] = await database.db.select().from(metric).where(eq(metric.key, 'speak_up_concerns'));
    expect(row).toMatchObject({ name: 'Speak-up concerns raised', minimumGroupSize: 60, polarity: 'neutral', updatedBy: trust.accounts.analyst.accountId });
    const [event] = await database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'metric.updated'), eq(auditEvent.subject, 'metric:speak_up_concerns')));
    expect(event?.detail).toMatchObject({
      fields: 'name,description,minimumGroupSize',
      'name.old': 'Speak-up concerns',
      'name.new': 'Speak-up concerns raised',
      'minimumGroupSize.old': null,
      'minimumGroupSize.new': 60,
    });
    expect(await page('analyst', '/scorecard/metrics/speak_up_concerns?saved=1')).toContain('Measure saved.');
  });

  it('records nothing when nothing changed', async () => {
    const client = await as('analyst');
    const { html } = await client.get('/scorecard/metrics/c1_mean/edit');
    expect(html).toContain('value="Category 1 mean response"');
    const before = await database.db.select().from(auditEvent).where(eq(auditEvent.subject, 'metric:c1_mean'));
    const [row] = await database.db.select().from(metric).where(eq(metric.key, 'c1_mean'));
    const response = await client.post('/scorecard/metrics/c1_mean/edit', { name: row?.name ?? '', description: row?.description ?? '', target: '', minimumGroupSize: '', polarity: 'decrease' });
    expect(response.status).toBe(303);
    expect(await database.db.select().from(auditEvent).where(eq(auditEvent.subject, 'metric:c1_mean'))).toEqual(before);
  });
});

describe('spots page', () => {
  it('ranks dark and bright spots within the scope and says how many units and measures were tested', async () => {
    const html = await page('analyst', '/scorecard/spots');
    expect(html).toContain('North hub');
    expect(html).toContain('North team 3');
    expect(html).toMatch(/\d+ units and 32 measures were tested/);
    const manager = await page('manager', `/scorecard/spots?unit=${trust.units.northTeam}`);
    expect(manager).toContain('No dark spots in North team 1.');
  });
});
