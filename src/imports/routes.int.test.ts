import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { establishment, importBatch } from '#src/db/schema.ts';
import { createTestApp } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { csv, ESTABLISHMENT_HEADER } from '#test/import-files.ts';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
});
afterAll(() => database.close());

async function signedIn(role: 'analyst' | 'manager') {
  const client = new TestClient(createTestApp(database));
  await client.signIn(trust.accounts[role].email, TEST_PASSWORD);
  return client;
}

/** Posts the upload form as a browser does: multipart, with the page's CSRF field. */
async function upload(client: TestClient, fields: { kind: string; action: 'check' | 'import'; file?: { name: string; bytes: Uint8Array }; csrf?: string }) {
  const { html } = await client.get('/imports/new');
  const form = new FormData();
  form.set('_csrf', fields.csrf ?? /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '');
  form.set('kind', fields.kind);
  form.set('sheet', '');
  form.set('action', fields.action);
  form.set('file', new File(fields.file ? [fields.file.bytes] : [], fields.file?.name ?? ''));
  return client.request('/imports', { method: 'POST', body: form });
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const file = (rows: readonly (readonly (string | number)[])[]) => ({ name: 'establishment.csv', bytes: csv([[...ESTABLISHMENT_HEADER], ...rows]) });

describe('imports on the web', () => {
  it('is only for people who may run imports', async () => {
    const manager = await signedIn('manager');
    expect((await manager.get('/imports')).response.status).toBe(403);
    expect((await manager.get('/imports/new')).response.status).toBe(403);
  });

  it('refuses an upload without the CSRF field', async () => {
    const analyst = await signedIn('analyst');
    const response = await upload(analyst, { kind: 'establishment', action: 'import', file: file([['2024-01', 'TST-EO-N-1', 5]]), csrf: 'wrong' });
    expect(response.status).toBe(403);
  });

  it('re-shows the form with errors when the kind or file is missing', async () => {
    const analyst = await signedIn('analyst');
    const response = await upload(analyst, { kind: '', action: 'import' });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<title>Error: Import a file');
    expect(html).toContain('<a href="#kind">Select what kind of file this is</a>');
    expect(html).toContain('<a href="#file">Select a file to import</a>');
  });

  it('checks a file without importing it, then imports it from the check', async () => {
    const analyst = await signedIn('analyst');
    const checked = await upload(analyst, { kind: 'establishment', action: 'check', file: file([['2024-01', 'TST-EO-N-1', 5], ['2024-01', 'TST-EO-S-1', 4]]) });
    expect(checked.status).toBe(303);
    const runPage = await analyst.get(checked.headers.get('location') ?? '');
    expect(runPage.html).toContain('Every row is valid. Nothing has been imported yet.');
    expect(runPage.html).toMatch(/Rows to be inserted<\/dt>\s*<dd class="nhsuk-summary-list__value">2</);
    expect((await database.db.select({ n: count() }).from(establishment))[0]?.n).toBe(0);

    const action = /action="(\/imports\/runs\/[^"]+\/apply)"/.exec(runPage.html)?.[1] ?? '';
    const applied = await analyst.request(action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrfOf(runPage.html) }) });
    expect(applied.status).toBe(303);
    expect(applied.headers.get('location')).toMatch(/^\/imports\/\d+$/);
    const batchPage = await analyst.get(applied.headers.get('location') ?? '');
    expect(batchPage.html).toContain('Imported: establishment.csv');
    expect((await database.db.select({ n: count() }).from(establishment))[0]?.n).toBe(2);

    const history = await analyst.get('/imports');
    expect(history.html).toContain('establishment.csv');
    expect(history.html).toContain('Applied');
  });

  it('shows a rejected file’s problems by row and column', async () => {
    const analyst = await signedIn('analyst');
    const response = await upload(analyst, { kind: 'establishment', action: 'import', file: file([['2024-02', 'NOPE', 5], ['2024-02', 'TST-EO-N-1', -1]]) });
    const page = await analyst.get(response.headers.get('location') ?? '');
    expect(page.html).toContain('Not imported: establishment.csv');
    expect(page.html).toContain('NOPE');
    expect(page.html).toContain('a number of FTE, 0 or more');
    const [rejected] = await database.db.select({ n: count() }).from(importBatch);
    expect(rejected?.n).toBeGreaterThan(0);
  });

  it('asks which column an unknown header is, and imports with the answer', async () => {
    const analyst = await signedIn('analyst');
    const bytes = csv([['Month', 'Organisation Code', 'Funded Headcount'], ['2024-03', 'TST-EO-N-1', 6]]);
    const response = await upload(analyst, { kind: 'establishment', action: 'import', file: { name: 'ledger.csv', bytes } });
    const mappingPage = await analyst.get(response.headers.get('location') ?? '');
    expect(mappingPage.html).toContain('Match the columns of ledger.csv');
    const action = /action="(\/imports\/runs\/[^"]+\/mapping)"/.exec(mappingPage.html)?.[1] ?? '';

    const empty = await analyst.post(action, { 'column-0': '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Select a column for “Funded Headcount”, or leave it out');

    const mapped = await analyst.post(action, { 'column-0': 'budgetedFte' });
    expect(mapped.status).toBe(303);
    expect((await analyst.get(mapped.headers.get('location') ?? '')).html).toContain('Imported: ledger.csv');
  });

  it('reports progress as JSON for the progress page script', async () => {
    const analyst = await signedIn('analyst');
    const response = await upload(analyst, { kind: 'establishment', action: 'check', file: file([['2024-04', 'TST-EO-N-1', 5]]) });
    const runPath = response.headers.get('location') ?? '';
    const status = await analyst.request(`${runPath}/status`);
    expect(await status.json()).toMatchObject({ state: 'done', progress: { rowsRead: 1 }, location: runPath });
  });
});
