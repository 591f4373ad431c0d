import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { auditEvent } from '#src/db/schema.ts';
import { createTestApp } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildAccount, buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { addMessage, listMessages, raiseConcern, referCase, type NewConcern } from '../store.ts';

const ring = testConfig().speakUpKeys;
const CONCERN = 'Crews are told not to report near misses on the new stretchers.';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let app: ReturnType<typeof createTestApp>;
let investigator: TestClient;
let otherInvestigatorId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
  otherInvestigatorId = (await buildAccount(database.db, [{ role: 'investigator', unitId: trust.units.trust }])).accountId;
  app = createTestApp(database);
  investigator = new TestClient(app);
  expect((await investigator.signIn(trust.accounts.investigator.email, TEST_PASSWORD)).status).toBe(303);
});
afterAll(() => database.close());

async function referred(to: number | null, concern: Partial<NewConcern> = {}) {
  const { caseId, reference } = await raiseConcern(
    database.db,
    ring,
    { raisedAs: 'confidential', concern: CONCERN, unitId: null, categories: ['worker_safety'], detrimentIndicated: false, passphrase: 'a long passphrase for tests', ...concern },
    '2026-10-26',
  );
  if (to !== null) await referCase(database.db, caseId, to, '2026-10-27');
  return { caseId, reference };
}

async function auditCount(action: string, caseId: number) {
  const rows = await database.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.action, action), eq(auditEvent.subject, `speak-up-case:${caseId}`)));
  return rows.length;
}

describe('an investigator', () => {
  it('lists only the cases referred to them', async () => {
    const mine = await referred(trust.accounts.investigator.accountId);
    const theirs = await referred(otherInvestigatorId);
    const nobodys = await referred(null);
    const { response, html } = await investigator.get('/speak-up/investigations');
    expect(response.status).toBe(200);
    expect(html).toContain(`href="/speak-up/investigations/${mine.caseId}"`);
    expect(html).not.toContain(theirs.reference);
    expect(html).not.toContain(nobodys.reference);
  });

  it('reads an assigned confidential case without the reporter’s name or contact, audited', async () => {
    const { caseId } = await referred(trust.accounts.investigator.accountId, { reporterName: 'Jo Marsh', reporterContact: 'jo.marsh@example.test' });
    await addMessage(database.db, ring, { caseId, author: 'guardian', authorAccountId: trust.accounts.guardian.accountId, internal: true, body: 'Fleet lead agrees to meet.' }, '2026-10-28');
    const { response, html } = await investigator.get(`/speak-up/investigations/${caseId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain(CONCERN);
    expect(html).toContain('Fleet lead agrees to meet.');
    expect(html).toContain('investigators are not told who they are');
    expect(html).not.toContain('Jo Marsh');
    expect(html).not.toContain('jo.marsh@example.test');
    for (const action of ['/messages', '/triage', '/refer', '/close', '/acknowledge']) expect(html).not.toContain(`${caseId}${action}"`);
    expect(await auditCount('speak-up.case.read', caseId)).toBe(1);
  });

  it('sees the name of a reporter who raised the concern openly, but not how to reach them', async () => {
    const { caseId } = await referred(trust.accounts.investigator.accountId, { raisedAs: 'open', reporterName: 'Kim Oduya', reporterContact: '07700 900456' });
    const { html } = await investigator.get(`/speak-up/investigations/${caseId}`);
    expect(html).toContain('Raised openly by Kim Oduya.');
    expect(html).not.toContain('07700 900456');
  });

  it('adds internal notes to an assigned case, which the reporter never sees', async () => {
    const { caseId } = await referred(trust.accounts.investigator.accountId);
    await investigator.get(`/speak-up/investigations/${caseId}`);
    const empty = await investigator.post(`/speak-up/investigations/${caseId}/notes`, { note: '' });
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('href="#note"');
    expect(emptyHtml).toContain('Enter the internal note');
    const noted = await investigator.post(`/speak-up/investigations/${caseId}/notes`, { note: 'Interviewed two crew members.' });
    expect(noted.status).toBe(303);
    expect(noted.headers.get('location')).toBe(`/speak-up/investigations/${caseId}?saved=noted`);
    const all = await listMessages(database.db, ring, caseId, { includeInternal: true });
    expect(all.at(-1)).toMatchObject({ author: 'investigator', internal: true, body: 'Interviewed two crew members.' });
    expect((await listMessages(database.db, ring, caseId, { includeInternal: false })).map((m) => m.body)).toEqual([CONCERN]);
    expect(await auditCount('speak-up.case.noted', caseId)).toBe(1);
    expect((await investigator.get(`/speak-up/investigations/${caseId}?saved=noted`)).html).toContain('Interviewed two crew members.');
  });

  it('gets 404 for a case referred to someone else, an unreferred case and a missing one, and writes nothing', async () => {
    const theirs = await referred(otherInvestigatorId);
    const nobodys = await referred(null);
    const missing = (await investigator.get('/speak-up/investigations/999999')).html;
    for (const { caseId } of [theirs, nobodys]) {
      const page = await investigator.get(`/speak-up/investigations/${caseId}`);
      expect(page.response.status).toBe(404);
      expect(page.html.replace(/name="_csrf" value="[^"]+"/, '')).toBe(missing.replace(/name="_csrf" value="[^"]+"/, ''));
      await investigator.get('/speak-up/investigations');
      expect((await investigator.post(`/speak-up/investigations/${caseId}/notes`, { note: 'probe' })).status).toBe(404);
      expect(await listMessages(database.db, ring, caseId, { includeInternal: true })).toHaveLength(1);
      expect(await auditCount('speak-up.case.read', caseId)).toBe(0);
    }
  });

  it('downloads attachments of assigned cases only', async () => {
    const attachment = { bytes: new TextEncoder().encode('photo of the stretcher'), mediaType: 'text/plain' };
    const mine = await referred(trust.accounts.investigator.accountId, { attachment });
    const theirs = await referred(otherInvestigatorId, { attachment });
    const attachmentOf = async (caseId: number) => (await listMessages(database.db, ring, caseId, { includeInternal: true }))[0]?.attachments[0]?.id;
    const download = await investigator.request(`/speak-up/investigations/${mine.caseId}/attachments/${await attachmentOf(mine.caseId)}`);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe('photo of the stretcher');
    expect(await auditCount('speak-up.attachment.read', mine.caseId)).toBe(1);
    expect((await investigator.request(`/speak-up/investigations/${theirs.caseId}/attachments/${await attachmentOf(theirs.caseId)}`)).status).toBe(404);
    expect(await auditCount('speak-up.attachment.read', theirs.caseId)).toBe(0);
  });
});
