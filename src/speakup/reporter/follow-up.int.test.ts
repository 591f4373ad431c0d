import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '#src/app.ts';
import { testConfig, type Config } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { auditEvent, session, speakUpCase } from '#src/db/schema.ts';
import { addMessage, closeCase, findCase, listMessages, raiseConcern, readAttachment } from '#src/speakup/store.ts';
import { createTestApp, TEST_NOW } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust } from '#test/factories.ts';
import { REPORTER_CONTENT_SECURITY_POLICY } from './privacy.ts';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
const ring = testConfig().speakUpKeys;
const PASSPHRASE = 'seven lanterns over the depot';
const TODAY = '2026-11-02';

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
});
afterAll(() => database.close());

async function newConcern(concern = 'The ramp on vehicle 9 has been broken for a month.') {
  return raiseConcern(
    database.db,
    ring,
    { raisedAs: 'anonymous', concern, unitId: trust.units.northHub, categories: ['patient_safety'], detrimentIndicated: false, passphrase: PASSPHRASE },
    '2026-10-20',
  );
}

/** An app whose clock the test moves, reading client addresses from X-Forwarded-For. */
function appWithClock(overrides: Partial<Config> = {}) {
  const clock = { now: TEST_NOW };
  const app = createApp({ config: testConfig({ trustProxy: true, ...overrides }), database, clock: () => clock.now });
  return { app, clock };
}

async function followUp(client: TestClient, receiptCode: string, passphrase: string, address = '192.0.2.10'): Promise<Response> {
  await client.get('/speak-up/follow-up');
  return client.post('/speak-up/follow-up', { receiptCode, passphrase }, { headers: { 'x-forwarded-for': address } });
}

async function openedClient(receiptCode: string) {
  const client = new TestClient(createTestApp(database));
  expect((await followUp(client, receiptCode, PASSPHRASE)).status).toBe(303);
  return client;
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
/** The page with the receipt code the reporter typed taken out, to compare two answers. */
const withoutTyped = (html: string, typed: string) => html.replaceAll(`value="${typed}"`, 'value="…"');

async function reply(client: TestClient, message: string, file?: { name: string; type: string; bytes: Uint8Array }): Promise<Response> {
  const { html } = await client.get('/speak-up/follow-up/case');
  const form = new FormData();
  form.set('_csrf', csrfOf(html));
  form.set('message', message);
  form.set('attachment', file ? new File([file.bytes], file.name, { type: file.type }) : new File([], ''));
  return client.request('/speak-up/follow-up/case/messages', { method: 'POST', body: form });
}

function jpegSegment(marker: number, payload: Buffer | number[]): Buffer {
  const body = Buffer.from(payload);
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

/** An 8×8 grey baseline JPEG carrying an EXIF segment with an author and a GPS position. */
const JPEG_WITH_EXIF = Buffer.concat([
  Buffer.from([0xff, 0xd8]),
  jpegSegment(0xe1, Buffer.from('Exif\0\0MM\0*\0\0\0\x08\0\0\0\0\0\0 Artist: Jane Whistleblower; GPSLatitude 51.5072N', 'latin1')),
  jpegSegment(0xdb, [0x00, ...Array<number>(64).fill(1)]),
  jpegSegment(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
  jpegSegment(0xc4, [0x00, 1, ...Array<number>(15).fill(0), 0]),
  jpegSegment(0xc4, [0x10, 1, ...Array<number>(15).fill(0), 0]),
  jpegSegment(0xda, [1, 1, 0x00, 0, 63, 0]),
  Buffer.from([0x3f, 0xff, 0xd9]),
]);

describe('following up a concern', () => {
  it('opens the case with the receipt code and passphrase, in a sealed cookie and without a session', async () => {
    const raised = await newConcern();
    const client = new TestClient(createTestApp(database));
    const [sessionsBefore] = await database.db.select({ n: count() }).from(session);
    const [auditBefore] = await database.db.select({ n: count() }).from(auditEvent);
    const typed = raised.receiptCode.toLowerCase().replaceAll('-', ' ');
    const response = await followUp(client, typed, PASSPHRASE);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/speak-up/follow-up/case');
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('vitals_speakup_case='));
    expect(cookie).toMatch(/Max-Age=1800/);
    expect(cookie).toMatch(/Path=\/speak-up/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await database.db.select({ n: count() }).from(session))[0]).toEqual(sessionsBefore);
    expect((await database.db.select({ n: count() }).from(auditEvent))[0]).toEqual(auditBefore);

    const { response: page, html } = await client.get('/speak-up/follow-up/case');
    expect(page.status).toBe(200);
    expect(html).toContain(`Reference ${raised.reference}`);
    expect(html).toContain('20 October 2026');
    expect(html).toContain('Sent: waiting for the Guardian to acknowledge it');
    expect(html).toContain('Due by 27 October 2026');
    expect(html).toContain('Due by about 19 January 2027');
    expect(html).toContain('The ramp on vehicle 9 has been broken for a month.');
    expect(html).toMatch(/You, 20 October 2026/);
    expect((await client.get('/speak-up/follow-up')).response.headers.get('location')).toBe('/speak-up/follow-up/case');
  });

  it('gives the same answer for a wrong passphrase and an unknown receipt code', async () => {
    const raised = await newConcern();
    const client = new TestClient(createTestApp(database));
    const wrongPassphrase = await followUp(client, raised.receiptCode, 'not the passphrase at all');
    const unknownCode = 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ';
    const unknownReceipt = await followUp(client, unknownCode, PASSPHRASE);
    const notACode = await followUp(client, 'hello', PASSPHRASE);
    expect(wrongPassphrase.status).toBe(400);
    expect(unknownReceipt.status).toBe(400);
    expect(notACode.status).toBe(400);
    const [a, b, c] = [
      withoutTyped(await wrongPassphrase.text(), raised.receiptCode),
      withoutTyped(await unknownReceipt.text(), unknownCode),
      withoutTyped(await notACode.text(), 'hello'),
    ];
    expect(a).toBe(b);
    expect(a).toBe(c);
    expect(a).toContain('<a href="#receiptCode">The receipt code or passphrase is not right</a>');
    expect(a).not.toContain('not the passphrase at all');
    expect(client.hasCookie('vitals_speakup_case')).toBe(false);
  });

  it('names the empty fields', async () => {
    const client = new TestClient(createTestApp(database));
    const response = await followUp(client, '', '');
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<a href="#receiptCode">Enter your receipt code</a>');
    expect(html).toContain('<a href="#passphrase">Enter your passphrase</a>');
  });

  it('refuses after 5 failures from one address, and after 5 failures on one receipt code, alike for real and made-up codes', async () => {
    const raised = await newConcern();
    const other = await newConcern();
    const { app, clock } = appWithClock();
    const client = new TestClient(app);

    for (let i = 0; i < 5; i++) expect((await followUp(client, `AAAA-AAAA-AAAA-AAAA-AAA${i}`, PASSPHRASE, '198.51.100.1')).status).toBe(400);
    const refusedReal = await followUp(client, raised.receiptCode, PASSPHRASE, '198.51.100.1');
    const refusedMadeUp = await followUp(client, 'BBBB-BBBB-BBBB-BBBB-BBBB', PASSPHRASE, '198.51.100.1');
    expect(refusedReal.status).toBe(429);
    expect(refusedMadeUp.status).toBe(429);
    const refusedHtml = withoutTyped(await refusedReal.text(), raised.receiptCode);
    expect(refusedHtml).toBe(withoutTyped(await refusedMadeUp.text(), 'BBBB-BBBB-BBBB-BBBB-BBBB'));
    expect(refusedHtml).toContain('Too many attempts. Wait 15 minutes, then try again.');
    expect((await followUp(client, raised.receiptCode, PASSPHRASE, '198.51.100.2')).status).toBe(303);

    for (let i = 0; i < 5; i++) expect((await followUp(client, other.receiptCode, `wrong guess number ${i}`, `203.0.113.${i}`)).status).toBe(400);
    expect((await followUp(client, other.receiptCode, PASSPHRASE, '203.0.113.99')).status).toBe(429);

    clock.now = new Date(TEST_NOW.getTime() + 16 * 60_000);
    expect((await followUp(client, other.receiptCode, PASSPHRASE, '203.0.113.99')).status).toBe(303);
    expect((await followUp(client, raised.receiptCode, PASSPHRASE, '198.51.100.1')).status).toBe(303);
  });

  it('signs out after 30 minutes without a request, and on request', async () => {
    const raised = await newConcern();
    const { app, clock } = appWithClock();
    const client = new TestClient(app);
    expect((await followUp(client, raised.receiptCode, PASSPHRASE)).status).toBe(303);
    clock.now = new Date(TEST_NOW.getTime() + 25 * 60_000);
    expect((await client.get('/speak-up/follow-up/case')).response.status).toBe(200);
    clock.now = new Date(TEST_NOW.getTime() + 50 * 60_000);
    expect((await client.get('/speak-up/follow-up/case')).response.status).toBe(200);
    clock.now = new Date(TEST_NOW.getTime() + 81 * 60_000);
    const expired = await client.get('/speak-up/follow-up/case');
    expect(expired.response.status).toBe(302);
    expect(expired.response.headers.get('location')).toBe('/speak-up/follow-up');

    expect((await followUp(client, raised.receiptCode, PASSPHRASE)).status).toBe(303);
    const { html } = await client.get('/speak-up/follow-up/case');
    const signedOut = await client.post('/speak-up/follow-up/sign-out', { _csrf: csrfOf(html) });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe('/speak-up/follow-up?saved=signed-out');
    expect(client.hasCookie('vitals_speakup_case')).toBe(false);
    expect((await client.get('/speak-up/follow-up?saved=signed-out')).html).toContain('You have signed out of your concern');
    expect((await client.get('/speak-up/follow-up/case')).response.status).toBe(302);
  });

  it('sends every case route back to the follow-up form without a valid cookie', async () => {
    const app = createTestApp(database);
    for (const cookie of ['', 'vitals_speakup_case=forged', 'vitals_speakup_case=bm90LWEtc2VhbGVkLXZhbHVlLWF0LWFsbC1ldmVuLWlmLWxvbmc']) {
      for (const path of ['/speak-up/follow-up/case', '/speak-up/follow-up/case/attachments/1']) {
        const response = await app.request(path, { headers: { cookie } });
        expect(response.status, path).toBe(302);
        expect(response.headers.get('location')).toBe('/speak-up/follow-up');
      }
    }
    const client = new TestClient(app);
    await client.get('/speak-up/follow-up');
    for (const path of ['/speak-up/follow-up/case/messages', '/speak-up/follow-up/case/feedback']) {
      const response = await client.post(path, { message: 'hello' });
      expect(response.status, path).toBe(303);
      expect(response.headers.get('location')).toBe('/speak-up/follow-up');
    }
  });
});

describe('the reporter’s view of their case', () => {
  it('shows the Guardian’s replies without names, never internal notes, and marks replies read', async () => {
    const raised = await newConcern();
    await addMessage(database.db, ring, { caseId: raised.caseId, author: 'guardian', authorAccountId: trust.accounts.guardian.accountId, internal: false, body: 'Thank you.\n\nWhich shift was this?' }, TODAY);
    await addMessage(database.db, ring, { caseId: raised.caseId, author: 'guardian', authorAccountId: trust.accounts.guardian.accountId, internal: true, body: 'INTERNAL: probably the north hub night crew', attachment: { bytes: JPEG_WITH_EXIF, mediaType: 'image/jpeg' } }, TODAY);
    await addMessage(database.db, ring, { caseId: raised.caseId, author: 'investigator', authorAccountId: trust.accounts.investigator.accountId, internal: false, body: 'I am looking into the ramp.' }, TODAY);
    expect((await findCase(database.db, raised.caseId))?.replyWaiting).toBe(true);

    const client = await openedClient(raised.receiptCode);
    const { html } = await client.get('/speak-up/follow-up/case');
    expect(html).toContain('<p>Thank you.</p><p>Which shift was this?</p>');
    expect(html).toMatch(/Guardian, 2 November 2026/);
    expect(html).toMatch(/Investigator, 2 November 2026/);
    expect(html).toContain('I am looking into the ramp.');
    expect(html).not.toContain('INTERNAL');
    expect(html).not.toContain('/attachments/');
    expect(html).not.toContain('User ');
    expect((await findCase(database.db, raised.caseId))?.replyWaiting).toBe(false);

    const internal = await listMessages(database.db, ring, raised.caseId, { includeInternal: true });
    const noteAttachment = internal.find((message) => message.internal)?.attachments[0];
    const hidden = await client.get(`/speak-up/follow-up/case/attachments/${noteAttachment?.id ?? 0}`);
    expect(hidden.response.status).toBe(404);
  });

  it('takes a reply with an image, stripped of its metadata, that the reporter can download', async () => {
    const raised = await newConcern();
    const client = await openedClient(raised.receiptCode);
    const response = await reply(client, 'It was the Tuesday night shift.', { name: 'IMG_2231.jpg', type: 'image/jpeg', bytes: JPEG_WITH_EXIF });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/speak-up/follow-up/case?saved=message');

    const messages = await listMessages(database.db, ring, raised.caseId, { includeInternal: true });
    const sent = messages.at(-1);
    expect(sent).toMatchObject({ author: 'reporter', authorName: null, internal: false, body: 'It was the Tuesday night shift.' });
    const attachmentId = sent?.attachments[0]?.id ?? 0;
    const stored = await readAttachment(database.db, ring, raised.caseId, attachmentId, { includeInternal: false });
    expect(stored?.mediaType).toBe('image/jpeg');
    const text = stored?.bytes.toString('latin1') ?? '';
    expect(text).not.toContain('Jane');
    expect(text).not.toContain('GPS');
    expect(text).not.toContain('Exif');
    expect(stored?.bytes.subarray(0, 2).toString('hex')).toBe('ffd8');
    expect(stored?.bytes.subarray(-2).toString('hex')).toBe('ffd9');

    const page = await client.get('/speak-up/follow-up/case?saved=message');
    expect(page.html).toContain('Your message has been sent to the Guardian');
    expect(page.html).toContain(`href="/speak-up/follow-up/case/attachments/${attachmentId}"`);
    expect(page.html).toMatch(/Download the attached image \(JPG, \d+ bytes\)/);

    const download = await client.request(`/speak-up/follow-up/case/attachments/${attachmentId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="speak-up-attachment-${attachmentId}.jpg"`);
    expect(download.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await download.arrayBuffer()).equals(stored?.bytes ?? Buffer.alloc(0))).toBe(true);

    const otherCase = await newConcern();
    const stranger = await openedClient(otherCase.receiptCode);
    expect((await stranger.get(`/speak-up/follow-up/case/attachments/${attachmentId}`)).response.status).toBe(404);
  });

  it('names the fields of a wrong reply', async () => {
    const raised = await newConcern();
    const client = await openedClient(raised.receiptCode);
    const empty = await reply(client, '   ');
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('<a href="#message">Enter your message</a>');
    const pdf = await reply(client, 'Here is the rota.', { name: 'rota.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF') });
    expect(pdf.status).toBe(400);
    const html = await pdf.text();
    expect(html).toContain('<a href="#attachment">PDF files cannot be attached');
    expect(html).toContain('Here is the rota.');
  });

  it('shows a closed case’s outcome but not its lessons, takes no new messages, and asks the closing questions once', async () => {
    const raised = await newConcern();
    await closeCase(database.db, ring, raised.caseId, { outcome: 'The ramp was repaired and checks now include it.', lessons: 'LESSONS: the fleet log was not read' }, TODAY);
    const client = await openedClient(raised.receiptCode);
    const { html } = await client.get('/speak-up/follow-up/case');
    expect(html).toContain('The ramp was repaired and checks now include it.');
    expect(html).not.toContain('LESSONS');
    expect(html).toContain('This concern is closed, so it cannot take new messages.');
    expect(html).not.toContain('action="/speak-up/follow-up/case/messages"');
    expect(html).toContain('Given your experience, would you speak up again?');
    expect(html).toContain('Since speaking up, have you been treated worse because of it?');

    expect((await reply(client, 'One more thing')).status).toBe(409);

    const missing = await client.post('/speak-up/follow-up/case/feedback', {});
    expect(missing.status).toBe(400);
    const missingHtml = await missing.text();
    expect(missingHtml).toContain('<a href="#wouldSpeakUpAgain">Select whether you would speak up again</a>');
    expect(missingHtml).toContain('<a href="#detrimentAfter">Select whether you have been treated worse since speaking up</a>');

    const answered = await client.post('/speak-up/follow-up/case/feedback', { wouldSpeakUpAgain: 'maybe', detrimentAfter: 'no' });
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toBe('/speak-up/follow-up/case?saved=feedback');
    const [row] = await database.db.select().from(speakUpCase).where(eq(speakUpCase.id, raised.caseId));
    expect(row).toMatchObject({ wouldSpeakUpAgain: 'maybe', detrimentAfterClosure: 'no' });

    const after = await client.get('/speak-up/follow-up/case?saved=feedback');
    expect(after.html).toContain('Thank you for answering');
    expect(after.html).not.toContain('Given your experience, would you speak up again?');
    expect((await client.post('/speak-up/follow-up/case/feedback', { wouldSpeakUpAgain: 'no', detrimentAfter: 'yes' })).status).toBe(409);
  });

  it('does not ask the closing questions of an open case', async () => {
    const raised = await newConcern();
    const client = await openedClient(raised.receiptCode);
    const { html } = await client.get('/speak-up/follow-up/case');
    expect(html).not.toContain('Given your experience');
    expect((await client.post('/speak-up/follow-up/case/feedback', { wouldSpeakUpAgain: 'yes', detrimentAfter: 'no' })).status).toBe(409);
  });

  it('is never cached and loads nothing from another site', async () => {
    const raised = await newConcern();
    const client = await openedClient(raised.receiptCode);
    const { response } = await client.get('/speak-up/follow-up/case');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBe(REPORTER_CONTENT_SECURITY_POLICY);
  });
});
