import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { auditEvent, outboxMessage, speakUpCase } from '#src/db/schema.ts';
import { createTestApp } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { findCase, listMessages, raiseConcern, recordClosingFeedback, type NewConcern } from '../store.ts';

const ring = testConfig().speakUpKeys;
const CONCERN = 'The night shift ambulance was sent out with a faulty defibrillator twice this month.';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let app: ReturnType<typeof createTestApp>;
let guardian: TestClient;

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
  app = createTestApp(database);
  guardian = new TestClient(app);
  expect((await guardian.signIn(trust.accounts.guardian.email, TEST_PASSWORD)).status).toBe(303);
});
afterAll(() => database.close());

async function raise(receivedOn: string, concern: Partial<NewConcern> = {}) {
  const raised = await raiseConcern(
    database.db,
    ring,
    { raisedAs: 'anonymous', concern: CONCERN, unitId: null, categories: ['patient_safety'], detrimentIndicated: false, passphrase: 'a long passphrase for tests', ...concern },
    receivedOn,
  );
  return raised;
}

async function auditRows(action: string, caseId: number) {
  return database.db
    .select()
    .from(auditEvent)
    .where(and(eq(auditEvent.action, action), eq(auditEvent.subject, `speak-up-case:${caseId}`)));
}

async function row(caseId: number) {
  const found = await findCase(database.db, caseId);
  if (!found) throw new Error(`no case ${caseId}`);
  return found;
}

describe('the Guardian’s inbox', () => {
  it('lists a new case with its due dates, flags an overdue acknowledgement and counts it at the top', async () => {
    const late = await raise('2026-10-20');
    const fresh = await raise('2026-10-29', { categories: ['worker_safety'] });
    const { response, html } = await guardian.get('/speak-up/cases');
    expect(response.status).toBe(200);
    expect(html).toContain(`href="/speak-up/cases/${late.caseId}"`);
    expect(html).toContain('Acknowledge by 27 October 2026 <strong class="nhsuk-tag nhsuk-tag--red">Overdue</strong>');
    expect(html).toContain('First feedback by 19 January 2027');
    expect(html).toContain('Acknowledge by 5 November 2026 <strong class="nhsuk-tag nhsuk-tag--orange">Due soon</strong>');
    expect(html).toContain('Patient safety or quality');
    expect(html).toMatch(/New, not yet acknowledged<\/dt><dd class="nhsuk-summary-list__value">2</);
    expect(html).toMatch(/Acknowledgement overdue<\/dt><dd class="nhsuk-summary-list__value">1</);
    expect(html.indexOf(`/speak-up/cases/${late.caseId}"`)).toBeLessThan(html.indexOf(`/speak-up/cases/${fresh.caseId}"`));
    expect(html).not.toContain(CONCERN);
  });

  it('filters by status with counts, lists closed imported cases newest first, and refuses an unknown view', async () => {
    for (let year = 2019; year <= 2021; year++) {
      await database.db.insert(speakUpCase).values({
        origin: 'imported',
        reference: `FTSU-${year}`,
        raisedAs: 'confidential',
        receivedOn: `${year}-05-01`,
        categories: ['other'],
        detrimentIndicated: false,
        status: 'closed',
        closedOn: `${year}-07-01`,
      });
    }
    const open = await guardian.get('/speak-up/cases');
    expect(open.html).not.toContain('FTSU-2019');
    expect(open.html).toContain('Closed (3)');
    const closed = await guardian.get('/speak-up/cases?view=closed');
    expect(closed.html).toContain('<strong aria-current="page">Closed (3)</strong>');
    expect(closed.html.indexOf('FTSU-2021')).toBeLessThan(closed.html.indexOf('FTSU-2019'));
    expect(closed.html).toContain('Closed 1 July 2021');
    const all = await guardian.get('/speak-up/cases?view=all');
    expect(all.html.indexOf('SU-2026-')).toBeLessThan(all.html.indexOf('FTSU-2021'));
    expect((await guardian.get('/speak-up/cases?view=secret')).response.status).toBe(404);
  });
});

describe('a case page', () => {
  it('shows an anonymous case, audits the read without anything the reporter wrote, and serves attachments audited', async () => {
    const raised = await raise('2026-10-25', {
      notifyAddress: 'reporter@example.test',
      attachment: { bytes: new TextEncoder().encode('rota photo'), mediaType: 'text/plain' },
    });
    const { response, html } = await guardian.get(`/speak-up/cases/${raised.caseId}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain(CONCERN);
    expect(html).toContain('The reporter is anonymous');
    expect(html).toContain('The reporter will be told by email that a reply is waiting.');
    expect(html).not.toContain('reporter@example.test');
    const read = await auditRows('speak-up.case.read', raised.caseId);
    expect(read).toHaveLength(1);
    expect(JSON.stringify(read)).not.toContain('defibrillator');

    const [message] = await listMessages(database.db, ring, raised.caseId, { includeInternal: true });
    const attachmentId = message?.attachments[0]?.id;
    expect(html).toContain(`href="/speak-up/cases/${raised.caseId}/attachments/${attachmentId}"`);
    const download = await guardian.request(`/speak-up/cases/${raised.caseId}/attachments/${attachmentId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="speak-up-attachment-${attachmentId}.bin"`);
    expect(await download.text()).toBe('rota photo');
    expect(await auditRows('speak-up.attachment.read', raised.caseId)).toHaveLength(1);
    const other = await raise('2026-10-25');
    expect((await guardian.request(`/speak-up/cases/${other.caseId}/attachments/${attachmentId}`)).status).toBe(404);
    expect((await guardian.get('/speak-up/cases/999999')).response.status).toBe(404);
    expect((await guardian.get('/speak-up/cases/abc')).response.status).toBe(404);
  });

  it('shows a confidential reporter’s name marked confidential, and says when they must check back themselves', async () => {
    const raised = await raise('2026-10-30', { raisedAs: 'confidential', reporterName: 'Sam Ridley', reporterContact: '07700 900123' });
    const { html } = await guardian.get(`/speak-up/cases/${raised.caseId}`);
    expect(html).toContain('Confidential: do not share without their agreement');
    expect(html).toContain('Sam Ridley');
    expect(html).toContain('07700 900123');
    expect(html).toContain('The reporter must check back themselves');
    expect(JSON.stringify(await auditRows('speak-up.case.read', raised.caseId))).not.toContain('Sam Ridley');
  });

  it('shows only the statistical fields of a redacted case', async () => {
    const raised = await raise('2020-01-10', { raisedAs: 'open', reporterName: 'Pat Long' });
    await database.db
      .update(speakUpCase)
      .set({ status: 'closed', closedOn: '2020-03-01', redactedOn: '2026-04-01', reporterNameSealed: null })
      .where(eq(speakUpCase.id, raised.caseId));
    await database.db.execute(sql`delete from speak_up_message where case_id = ${raised.caseId}`);
    const { html } = await guardian.get(`/speak-up/cases/${raised.caseId}`);
    expect(html).toContain('This case was redacted on 1 April 2026');
    expect(html).toContain('Patient safety or quality');
    expect(html).not.toContain('Conversation and notes');
    expect(html).not.toContain('Save triage');
    await guardian.get(`/speak-up/cases/${raised.caseId}`);
    expect((await guardian.post(`/speak-up/cases/${raised.caseId}/notes`, { note: 'late' })).status).toBe(409);
  });
});

describe('working a case', () => {
  it('acknowledges a new case once, audited', async () => {
    const { caseId } = await raise('2026-10-28');
    await guardian.get(`/speak-up/cases/${caseId}`);
    const acknowledged = await guardian.post(`/speak-up/cases/${caseId}/acknowledge`, {});
    expect(acknowledged.status).toBe(303);
    expect(acknowledged.headers.get('location')).toBe(`/speak-up/cases/${caseId}?saved=acknowledged`);
    expect(await row(caseId)).toMatchObject({ status: 'acknowledged', acknowledgedOn: '2026-11-02' });
    expect(await auditRows('speak-up.case.acknowledged', caseId)).toHaveLength(1);
    expect((await guardian.post(`/speak-up/cases/${caseId}/acknowledge`, {})).headers.get('location')).toBe(`/speak-up/cases/${caseId}?saved=unchanged`);
    expect(await auditRows('speak-up.case.acknowledged', caseId)).toHaveLength(1);
    const page = await guardian.get(`/speak-up/cases/${caseId}?saved=acknowledged`);
    expect(page.html).toContain('Case acknowledged.');
    expect(page.html).toContain('Acknowledged 2 November 2026');
  });

  it('triages categories, worker group, urgency, where and detriment, and names every wrong field', async () => {
    const { caseId } = await raise('2026-10-28');
    await guardian.get(`/speak-up/cases/${caseId}`);
    const invalid = await guardian.post(`/speak-up/cases/${caseId}/triage`, { workerGroup: 'Astronauts', unitId: String(trust.units.northTeam) });
    expect(invalid.status).toBe(400);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain('<title>Error: Case SU-2026-');
    for (const field of ['categories', 'workerGroup', 'urgency', 'unitId', 'detrimentIndicated']) expect(invalidHtml).toContain(`href="#${field}"`);
    expect(invalidHtml).toContain('Select at least one category');
    expect(await auditRows('speak-up.case.triaged', caseId)).toHaveLength(0);

    const body = new URLSearchParams([
      ['categories', 'patient_safety'],
      ['categories', 'bullying_or_harassment'],
      ['workerGroup', 'Call handlers and dispatchers'],
      ['urgency', 'urgent'],
      ['unitId', String(trust.units.northHub)],
      ['detrimentIndicated', 'yes'],
    ]);
    const page = await guardian.get(`/speak-up/cases/${caseId}`);
    body.set('_csrf', /name="_csrf" value="([^"]+)"/.exec(page.html)?.[1] ?? '');
    const saved = await guardian.request(`/speak-up/cases/${caseId}/triage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    expect(saved.status).toBe(303);
    expect(await row(caseId)).toMatchObject({
      categories: ['patient_safety', 'bullying_or_harassment'],
      workerGroup: 'Call handlers and dispatchers',
      urgency: 'urgent',
      unitId: trust.units.northHub,
      detrimentIndicated: true,
    });
    const [audit] = await auditRows('speak-up.case.triaged', caseId);
    expect(audit?.detail).toEqual({ categories: 'patient_safety,bullying_or_harassment', urgency: 'urgent', unitId: trust.units.northHub });
    const shown = await guardian.get(`/speak-up/cases/${caseId}`);
    expect(shown.html).toContain('North hub');
    expect(shown.html).toContain('<strong class="nhsuk-tag nhsuk-tag--red">Urgent</strong>');
  });

  it('replies to the reporter, queues the reply notice, and keeps internal notes from the reporter', async () => {
    const { caseId } = await raise('2026-10-28', { notifyAddress: 'reporter@example.test' });
    await guardian.get(`/speak-up/cases/${caseId}`);
    const empty = await guardian.post(`/speak-up/cases/${caseId}/messages`, { message: '  ' });
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('href="#message"');
    expect(emptyHtml).toContain('Enter your message to the reporter');

    const replied = await guardian.post(`/speak-up/cases/${caseId}/messages`, { message: 'Thank you. I am looking into this now.' });
    expect(replied.status).toBe(303);
    expect(replied.headers.get('location')).toBe(`/speak-up/cases/${caseId}?saved=replied`);
    expect(await row(caseId)).toMatchObject({ replyWaiting: true, status: 'acknowledged', acknowledgedOn: '2026-11-02' });
    const [audit] = await auditRows('speak-up.case.replied', caseId);
    expect(audit?.detail).toEqual({ notified: true, acknowledged: true });
    const notices = await database.db.select().from(outboxMessage).where(sql`${outboxMessage.context}->>'speakUpCaseId' = ${String(caseId)}`);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.toAddress).not.toContain('reporter@example.test');

    await guardian.get(`/speak-up/cases/${caseId}`);
    const noted = await guardian.post(`/speak-up/cases/${caseId}/notes`, { note: 'Spoke to fleet: two defibrillators were out of service.' });
    expect(noted.status).toBe(303);
    expect(await auditRows('speak-up.case.noted', caseId)).toHaveLength(1);
    const reporterSees = await listMessages(database.db, ring, caseId, { includeInternal: false });
    expect(reporterSees.map((message) => message.body)).toEqual([CONCERN, 'Thank you. I am looking into this now.']);
    const guardianSees = await listMessages(database.db, ring, caseId, { includeInternal: true });
    expect(guardianSees.at(-1)).toMatchObject({ author: 'guardian', internal: true });

    const page = await guardian.get(`/speak-up/cases/${caseId}?saved=noted`);
    expect(page.html).toContain('Internal note – the reporter cannot see this');
    expect(page.html).toContain('Spoke to fleet: two defibrillators were out of service.');
    expect(page.html).toContain('To the reporter, from');
    expect(page.html).toContain('<label class="nhsuk-label" for="message">Message to the reporter</label>');
    expect(page.html).toContain('Send message</button>');
  });

  it('refers to an investigator, refuses someone who is not one, and takes the case back', async () => {
    const { caseId } = await raise('2026-10-28');
    await guardian.get(`/speak-up/cases/${caseId}`);
    const wrong = await guardian.post(`/speak-up/cases/${caseId}/refer`, { investigator: String(trust.accounts.manager.accountId) });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('href="#investigator"');
    const referred = await guardian.post(`/speak-up/cases/${caseId}/refer`, { investigator: String(trust.accounts.investigator.accountId) });
    expect(referred.headers.get('location')).toBe(`/speak-up/cases/${caseId}?saved=referred`);
    expect(await row(caseId)).toMatchObject({ status: 'referred', investigatorAccountId: trust.accounts.investigator.accountId, acknowledgedOn: '2026-11-02' });
    const [audit] = await auditRows('speak-up.case.referred', caseId);
    expect(audit?.detail).toEqual({ investigatorAccountId: trust.accounts.investigator.accountId });

    await guardian.get(`/speak-up/cases/${caseId}`);
    const back = await guardian.post(`/speak-up/cases/${caseId}/refer`, { investigator: '' });
    expect(back.headers.get('location')).toBe(`/speak-up/cases/${caseId}?saved=taken-back`);
    expect(await row(caseId)).toMatchObject({ status: 'acknowledged', investigatorAccountId: null });
    expect(await auditRows('speak-up.case.referred', caseId)).toHaveLength(2);
  });

  it('closes with an outcome, deletes the reply address, and shows the reporter’s closing answers when they come', async () => {
    const { caseId } = await raise('2026-09-01', { notifyAddress: 'reporter@example.test' });
    await guardian.get(`/speak-up/cases/${caseId}`);
    const noOutcome = await guardian.post(`/speak-up/cases/${caseId}/close`, { outcome: '', lessons: 'x' });
    expect(noOutcome.status).toBe(400);
    const noOutcomeHtml = await noOutcome.text();
    expect(noOutcomeHtml).toContain('href="#outcome"');
    expect(noOutcomeHtml).toContain('Enter the outcome');
    expect(noOutcomeHtml).toContain('would you speak up again?');

    const closed = await guardian.post(`/speak-up/cases/${caseId}/close`, { outcome: 'Daily defibrillator checks added.', lessons: 'Check kit at handover.' });
    expect(closed.headers.get('location')).toBe(`/speak-up/cases/${caseId}?saved=closed`);
    expect(await row(caseId)).toMatchObject({ status: 'closed', closedOn: '2026-11-02', notifyAddressSealed: null });
    expect(await auditRows('speak-up.case.closed', caseId)).toHaveLength(1);

    const page = await guardian.get(`/speak-up/cases/${caseId}`);
    expect(page.html).toContain('Daily defibrillator checks added.');
    expect(page.html).toContain('Check kit at handover.');
    expect(page.html).toMatch(/Would speak up again<\/dt><dd class="nhsuk-summary-list__value">Not answered yet/);
    expect(page.html).not.toContain('Send message</button>');
    expect(page.html).not.toContain('Close case</button>');
    expect((await guardian.post(`/speak-up/cases/${caseId}/messages`, { message: 'one more thing' })).status).toBe(409);

    await recordClosingFeedback(database.db, caseId, { wouldSpeakUpAgain: 'maybe', detrimentAfterClosure: 'no' });
    const answered = await guardian.get(`/speak-up/cases/${caseId}`);
    expect(answered.html).toMatch(/Would speak up again<\/dt><dd class="nhsuk-summary-list__value">Maybe/);
    expect(answered.html).toMatch(/Detriment since speaking up<\/dt><dd class="nhsuk-summary-list__value">No/);
  });

  it('offers no reply form on a case imported from the Guardian’s log', async () => {
    const [imported] = await database.db
      .insert(speakUpCase)
      .values({ origin: 'imported', reference: 'FTSU-OPEN-1', raisedAs: 'anonymous', receivedOn: '2026-10-01', categories: ['other'], detrimentIndicated: false, status: 'acknowledged', acknowledgedOn: '2026-10-02' })
      .returning({ id: speakUpCase.id });
    if (!imported) throw new Error('not inserted');
    const { html } = await guardian.get(`/speak-up/cases/${imported.id}`);
    expect(html).toContain('imported from the Guardian’s case log');
    expect(html).not.toContain('Send message</button>');
    expect(html).toContain('Add internal note</button>');
    expect((await guardian.post(`/speak-up/cases/${imported.id}/messages`, { message: 'hello' })).status).toBe(409);
  });
});

describe('the home page', () => {
  it('tells the Guardian what needs doing, an investigator what is referred to them, and a manager nothing', async () => {
    await raise('2026-10-20');
    const { html } = await guardian.get('/');
    expect(html).toMatch(/Speak up: \d+ new concerns?, [1-9]\d* cases? overdue for acknowledgement, \d+ cases? overdue for feedback\./);
    expect(html).toContain('href="/speak-up/cases"');
    const investigator = new TestClient(app);
    await investigator.signIn(trust.accounts.investigator.email, TEST_PASSWORD);
    expect((await investigator.get('/')).html).toMatch(/\d+ speak-up cases? (is|are) referred to you\./);
    const manager = new TestClient(app);
    await manager.signIn(trust.accounts.manager.email, TEST_PASSWORD);
    expect((await manager.get('/')).html).not.toMatch(/speak-up cases|new concern/i);
  });
});
