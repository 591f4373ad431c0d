import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { assignment, auditEvent, person } from '#src/db/schema.ts';
import { closeCase, raiseConcern, recordClosingFeedback, triageCase } from '#src/speakup/store.ts';
import { DEVELOPMENT_KEY_RING } from '#src/speakup/seal.ts';
import { createTestApp } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust, TEST_PASSWORD } from '#test/factories.ts';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let app: ReturnType<typeof createTestApp>;

const WRITTEN = 'The rota on north team was changed without telling anyone';
const REPORTER = 'Jo Reporter-Name';

/** Staff in post from 2021, so Emergency Operations passes the speak-up minimum of 50 (Corporate Services, with 1, does not). */
async function addStaff(unitId: number, count: number) {
  const people = await database.db
    .insert(person)
    .values(Array.from({ length: count }, (_, i) => ({ staffNumber: `R${String(i).padStart(7, '0')}`, givenName: 'Sam', familyName: `Staff${i}` })))
    .returning({ id: person.id });
  await database.db
    .insert(assignment)
    .values(people.map((row) => ({ personId: row.id, unitId, jobTitle: 'Paramedic', staffGroup: 'Allied Health Professionals', band: '6', fte: 1, startDate: '2021-04-01' })));
}

async function concern(receivedOn: string, unitId: number | null, categories: string[], raisedAs: 'anonymous' | 'confidential' | 'open' = 'anonymous') {
  const raised = await raiseConcern(
    database.db,
    DEVELOPMENT_KEY_RING,
    { raisedAs, concern: WRITTEN, unitId, categories, detrimentIndicated: false, reporterName: raisedAs === 'anonymous' ? null : REPORTER, passphrase: 'a long enough passphrase' },
    receivedOn,
  );
  return raised.caseId;
}

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
  await addStaff(trust.units.northTeam, 40);
  app = createTestApp(database);
  const { northTeam, southHub, hrTeam } = trust.units;
  // 2026/27 Q2 (July to September 2026), the latest complete quarter on TEST_NOW (2 November 2026).
  const first = await concern('2026-07-03', northTeam, ['patient_safety', 'bullying_or_harassment']);
  await concern('2026-08-11', southHub, ['patient_safety'], 'confidential');
  await concern('2026-09-30', hrTeam, ['inappropriate_attitudes']);
  await concern('2026-09-01', null, ['sexual_safety', 'worker_safety'], 'open');
  await triageCase(database.db, first, { categories: ['patient_safety', 'bullying_or_harassment'], workerGroup: 'Call handlers and dispatchers', urgency: 'routine', unitId: northTeam, detrimentIndicated: true });
  // Received earlier, closed in the quarter with an answer to the closing question.
  const earlier = await concern('2026-05-20', northTeam, ['other']);
  await closeCase(database.db, DEVELOPMENT_KEY_RING, earlier, { outcome: 'Outcome the Guardian wrote', lessons: 'Lessons the Guardian wrote' }, '2026-08-01');
  await recordClosingFeedback(database.db, earlier, { wouldSpeakUpAgain: 'yes', detrimentAfterClosure: 'no' });
  // The current quarter: not in 2026/27 Q2.
  await concern('2026-10-05', northTeam, ['patient_safety']);
});
afterAll(() => database.close());

async function signedIn(role: keyof typeof trust.accounts) {
  const client = new TestClient(app);
  expect((await client.signIn(trust.accounts[role].email, TEST_PASSWORD)).status).toBe(303);
  return client;
}

function expectNothingWritten(text: string) {
  expect(text).not.toContain(WRITTEN);
  expect(text).not.toContain(REPORTER);
  expect(text).not.toContain('the Guardian wrote');
}

describe('speak-up themes and trends', () => {
  it('shows the guardian and the board the latest complete quarter by directorate, a small directorate suppressed with its complement', async () => {
    for (const role of ['guardian', 'board'] as const) {
      const client = await signedIn(role);
      const { response, html } = await client.get('/speak-up/reports');
      expect(response.status).toBe(200);
      expect(html).toContain('<h1>Speak-up themes and trends</h1>');
      expect(html).toContain('By directorate, 2026/27 Q2');
      expect(html).toContain('<option value="2026-Q2" selected="">2026/27 Q2</option>');
      expect(html).toMatch(/Emergency Operations<\/th><td[^>]*><span[^>]*>Staff in post <\/span>56<\/td><td[^>]*><span[^>]*>Cases received <\/span>2<\/td>/);
      expect(html).toMatch(/Corporate Services<\/th><td[^>]*><span[^>]*>Staff in post <\/span><span aria-hidden="true">\[c\]<\/span><span class="nhsuk-u-visually-hidden">suppressed<\/span>/);
      expect(html).toContain('Fewer than 50 staff, so no numbers are shown');
      expect(html).toContain('Hidden so that a smaller group’s numbers cannot be worked out from the trust total');
      expect(html).toContain('[c] means suppressed');
      expectNothingWritten(html);
    }
  });

  it('refuses everyone without speakup.reports, and sends the signed-out to sign in', async () => {
    for (const role of ['manager', 'analyst', 'staff', 'investigator', 'programme', 'admin'] as const) {
      const client = await signedIn(role);
      expect((await client.get('/speak-up/reports')).response.status).toBe(403);
      expect((await client.get('/speak-up/reports/return')).response.status).toBe(403);
      expect((await client.get('/speak-up/reports/return?quarter=2026-Q2&format=csv')).response.status).toBe(403);
    }
    const anonymous = await new TestClient(app).request('/speak-up/reports/return?format=csv');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toMatch(/^\/sign-in\?next=/);
  });

  it('downloads the 8 quarters as CSV with the same suppression', async () => {
    const client = await signedIn('board');
    const response = await client.request('/speak-up/reports?quarter=2026-Q2&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="speak-up-themes-2024-q3-to-2026-q2.csv"');
    const text = await response.text();
    expectNothingWritten(text);
    const rows = parse<Record<string, string>>(text, { columns: true });
    expect(new Set(rows.map((row) => row.Quarter)).size).toBe(8);
    const inQuarter = rows.filter((row) => row.Quarter === '2026/27 Q2');
    expect(inQuarter.map((row) => row.Area)).toEqual(['Corporate Services', 'Emergency Operations', 'No directorate given', 'Whole trust']);
    expect(inQuarter[1]).toMatchObject({ 'Staff in post at quarter end': '56', 'Cases received': '2', 'Patient safety or quality': '2', 'Bullying or harassment': '1', 'Sexual safety': '0' });
    expect(inQuarter[0]).toMatchObject({ 'Cases received': 'suppressed', 'Inappropriate attitudes or behaviours': 'suppressed', Note: 'Fewer than 50 staff, so no numbers are shown' });
    expect(inQuarter[2]).toMatchObject({ 'Cases received': 'suppressed', Note: 'Hidden so that a smaller group’s numbers cannot be worked out from the trust total' });
    expect(inQuarter[3]).toMatchObject({ 'Staff in post at quarter end': '57', 'Cases received': '4', 'Cases per 100 staff': '7.02', 'Sexual safety': '1', 'Patient safety or quality': '2' });
  });

  it('says clearly when the quarter is written wrongly or has not ended', async () => {
    const client = await signedIn('guardian');
    const wrong = await client.get('/speak-up/reports?quarter=2026-07');
    expect(wrong.response.status).toBe(400);
    expect(wrong.html).toContain('The quarter must be written like 2026-Q2');
    const future = await client.get('/speak-up/reports/return?quarter=2026-Q3');
    expect(future.response.status).toBe(400);
    expect(future.html).toContain('2026/27 Q3 has not ended yet: the latest complete quarter is 2026/27 Q2.');
    const older = await client.get('/speak-up/reports?quarter=2025-Q1');
    expect(older.response.status).toBe(200);
    expect(older.html).toContain('By directorate, 2025/26 Q1');
  });
});

describe('the National Guardian’s Office return', () => {
  it('shows the latest complete quarter: cases received, feedback from cases closed, sexual safety apart', async () => {
    const client = await signedIn('guardian');
    const { response, html } = await client.get('/speak-up/reports/return');
    expect(response.status).toBe(200);
    expect(html).toContain('<span class="nhsuk-caption-l">2026/27 Q2</span>');
    expect(html).toMatch(/Total number of cases brought to the Freedom to Speak Up Guardian<\/th><td[^>]*><span[^>]*>Number of cases <\/span>4<\/td>/);
    expect(html).toMatch(/Number of cases raised anonymously<\/th><td[^>]*><span[^>]*>Number of cases <\/span>2<\/td>/);
    expect(html).toMatch(/suffering detriment as a result of speaking up<\/th><td[^>]*><span[^>]*>Number of cases <\/span>1<\/td>/);
    expect(html).toContain('these answers are for the 1 case closed from 1 July 2026 to 30 September 2026');
    expect(html).toMatch(/Yes<\/th><td[^>]*><span[^>]*>Number of cases <\/span>1<\/td>/);
    expect(html).toContain('They are not part of the national return');
    expect(html).toMatch(/element of sexual safety<\/th><td[^>]*><span[^>]*>Number of cases <\/span>1<\/td>/);
    expectNothingWritten(html);
    const board = await signedIn('board');
    expect((await board.get('/speak-up/reports/return?quarter=2026-Q1')).response.status).toBe(200);
  });

  it('downloads the return as CSV and audits the download with the quarter', async () => {
    const client = await signedIn('board');
    const before = await database.db.select().from(auditEvent).where(eq(auditEvent.action, 'speak-up.return.downloaded'));
    const response = await client.request('/speak-up/reports/return?quarter=2026-Q2&format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="ngo-return-2026-q2.csv"');
    const text = await response.text();
    expectNothingWritten(text);
    const rows = parse<Record<string, string>>(text, { columns: true });
    const figure = (measure: string) => rows.find((row) => row.Measure === measure);
    expect(figure('Total number of cases brought to the Freedom to Speak Up Guardian')).toEqual({
      Quarter: '2026/27 Q2',
      Measure: 'Total number of cases brought to the Freedom to Speak Up Guardian',
      'Number of cases': '4',
      'Cases counted': 'Cases received in the quarter',
      'Part of the national return': 'Yes',
    });
    expect(figure('Given your experience, would you speak up again? Yes')).toMatchObject({ 'Number of cases': '1', 'Cases counted': 'Cases closed in the quarter (the question is asked at closure)' });
    expect(figure('Number of cases with an element of sexual safety')).toMatchObject({ 'Number of cases': '1', 'Part of the national return': 'No (local category)' });
    expect(figure('Number of cases by professional or worker group: Call handlers and dispatchers')?.['Number of cases']).toBe('1');

    const after = await database.db.select().from(auditEvent).where(eq(auditEvent.action, 'speak-up.return.downloaded'));
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toMatchObject({ actorAccountId: trust.accounts.board.accountId, detail: { quarter: '2026-Q2' } });
    // Viewing the page is not a download.
    await client.get('/speak-up/reports/return?quarter=2026-Q2');
    expect(await database.db.select().from(auditEvent).where(eq(auditEvent.action, 'speak-up.return.downloaded'))).toHaveLength(after.length);
  });
});
