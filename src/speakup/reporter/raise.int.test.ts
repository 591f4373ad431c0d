import { crc32, deflateSync } from 'node:zlib';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { auditEvent, session, speakUpAttachment, speakUpCase, speakUpMessage } from '#src/db/schema.ts';
import { normaliseReceiptCode, receiptLookup } from '#src/speakup/receipt.ts';
import { openBytes } from '#src/speakup/seal.ts';
import { findCase, openReporterCase, reporterIdentity } from '#src/speakup/store.ts';
import { createTestApp } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { REPORTER_CONTENT_SECURITY_POLICY } from './privacy.ts';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
const ring = testConfig().speakUpKeys;

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
});
afterAll(() => database.close());

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const receiptCodeOf = (html: string) => /id="receipt-code">\s*([0-9A-Z-]+)\s*</.exec(html)?.[1];

type Fields = Record<string, string | string[]>;
interface Upload {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** Posts the raise form as a browser does: multipart, with the page's CSRF field and a file input. */
async function raise(client: TestClient, fields: Fields, file?: Upload): Promise<Response> {
  const { html } = await client.get('/speak-up/raise');
  const form = new FormData();
  form.set('_csrf', csrfOf(html));
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(name, item);
  form.set('attachment', file ? new File([file.bytes], file.name, { type: file.type }) : new File([], ''));
  return client.request('/speak-up/raise', { method: 'POST', body: form });
}

const PASSPHRASE = 'purple kettle river morning';
const CONCERN = 'On the night shift the defibrillator on vehicle 14 failed its check three times and nobody replaced it.';

const anonymous = (overrides: Fields = {}): Fields => ({
  concern: CONCERN,
  unitId: '',
  patientSafety: 'yes',
  categories: ['worker_safety'],
  detriment: 'no',
  raisedAs: 'anonymous',
  reporterName: '',
  reporterContact: '',
  passphrase: PASSPHRASE,
  passphraseConfirm: PASSPHRASE,
  notifyAddress: '',
  ...overrides,
});

async function auditRows(): Promise<number> {
  const [row] = await database.db.select({ n: count() }).from(auditEvent);
  return row?.n ?? 0;
}

/** Raises a concern and reads its receipt page, returning the case row and receipt code. */
async function raiseAndReadReceipt(client: TestClient, fields: Fields, file?: Upload) {
  const response = await raise(client, fields, file);
  expect(response.status).toBe(303);
  expect(response.headers.get('location')).toBe('/speak-up/receipt');
  const receipt = await client.get('/speak-up/receipt');
  const code = receiptCodeOf(receipt.html);
  if (!code) throw new Error('no receipt code on the receipt page');
  const caseId = await openReporterCase(database.db, code, String(fields.passphrase));
  const row = caseId === undefined ? undefined : await findCase(database.db, caseId);
  if (!row) throw new Error('the receipt code and passphrase do not open the case');
  return { response, receipt, code, row };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 PNG whose tEXt chunk names its author. */
const PNG_WITH_AUTHOR = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0])),
  pngChunk('tEXt', Buffer.from('Author\0Jane Whistleblower', 'latin1')),
  pngChunk('IDAT', deflateSync(Buffer.from([0, 200, 30, 30]))),
  pngChunk('IEND', Buffer.alloc(0)),
]);

describe('the speak-up landing page', () => {
  it('is public and says what to speak up about, the three ways to be known and what happens next', async () => {
    const { response, html } = await new TestClient(createTestApp(database)).get('/speak-up');
    expect(response.status).toBe(200);
    expect(html).toContain('<h1>Speak up</h1>');
    expect(html).toContain('Openly, with my name');
    expect(html).toContain('Confidentially');
    expect(html).toContain('Anonymously');
    expect(html).toContain('acknowledges your concern within 7 days');
    expect(html).toContain('within about 3 months');
    expect(html).toContain('href="/speak-up/raise"');
    expect(html).toContain('Raise a concern');
    expect(html).toContain('<a href="/speak-up/follow-up">Read replies to a concern you raised</a>');
  });
});

describe('raising a concern anonymously', () => {
  it('stores no name, contact or account, keeps only hashes of the passphrase and receipt, and seals the text', async () => {
    const client = new TestClient(createTestApp(database));
    const auditBefore = await auditRows();
    const { code, row } = await raiseAndReadReceipt(client, anonymous({ unitId: String(trust.units.northHub), detriment: 'yes' }));

    expect(row).toMatchObject({
      origin: 'raised',
      raisedAs: 'anonymous',
      receivedOn: '2026-11-02',
      unitId: trust.units.northHub,
      categories: ['patient_safety', 'worker_safety'],
      detrimentIndicated: true,
      status: 'new',
      reporterNameSealed: null,
      reporterContactSealed: null,
      notifyAddressSealed: null,
      investigatorAccountId: null,
    });
    expect(row.reference).toMatch(/^SU-2026-\d{4}$/);
    expect(row.passphraseHash).toMatch(/^scrypt\$/);
    expect(row.receiptLookup).toBe(receiptLookup(normaliseReceiptCode(code) ?? ''));

    const messages = await database.db.select().from(speakUpMessage).where(eq(speakUpMessage.caseId, row.id));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ author: 'reporter', authorAccountId: null, internal: false, sentOn: '2026-11-02' });
    const stored = JSON.stringify({ row, messages });
    for (const secret of [CONCERN.slice(0, 30), 'defibrillator', PASSPHRASE, code, normaliseReceiptCode(code)]) expect(stored).not.toContain(secret);

    expect(await auditRows()).toBe(auditBefore);
  });

  it('shows the receipt code once, from a short-lived sealed cookie, then says it can no longer be shown', async () => {
    const client = new TestClient(createTestApp(database));
    const response = await raise(client, anonymous());
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('vitals_speakup_receipt='));
    expect(cookie).toMatch(/Max-Age=600/);
    expect(cookie).toMatch(/Path=\/speak-up/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);

    const first = await client.get('/speak-up/receipt');
    expect(first.response.status).toBe(200);
    const code = receiptCodeOf(first.html);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);
    expect(first.html).toContain('Your concern has been sent');
    expect(first.html).toMatch(/Your reference is <strong>SU-2026-\d{4}<\/strong>/);
    expect(first.html).toContain('This is the only time it is shown');
    expect(first.html).toContain('acknowledge your concern by 9 November 2026');
    expect(first.html).toContain('href="/speak-up/follow-up"');
    expect(client.hasCookie('vitals_speakup_receipt')).toBe(false);

    const again = await client.get('/speak-up/receipt');
    expect(again.response.status).toBe(200);
    expect(again.html).toContain('Your receipt can no longer be shown');
    expect(again.html).not.toContain(code ?? 'no code');
  });

  it('marks the receipt cookie Secure when Vitals is served over https', async () => {
    const client = new TestClient(createTestApp(database, { publicUrl: 'https://vitals.example.nhs.uk' }));
    const response = await raise(client, anonymous());
    expect(response.headers.getSetCookie().find((value) => value.startsWith('vitals_speakup_receipt='))).toMatch(/Secure/);
  });

  it('keeps the reply-waiting address sealed', async () => {
    const client = new TestClient(createTestApp(database));
    const { row } = await raiseAndReadReceipt(client, anonymous({ notifyAddress: 'private.box@example.com' }));
    expect(row.notifyAddressSealed).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain('private.box');
  });

  it('lets signed-in staff raise anonymously without linking the concern to their account', async () => {
    const client = new TestClient(createTestApp(database));
    await client.signIn(trust.accounts.staff.email, TEST_PASSWORD);
    const form = await client.get('/speak-up/raise');
    expect(form.html).toContain(`value="${trust.accounts.staff.email}"`);
    expect(form.html).toContain('your concern is not linked to your account');
    const [sessions] = await database.db.select({ n: count() }).from(session);
    const auditBefore = await auditRows();

    const { row } = await raiseAndReadReceipt(client, anonymous({ reporterName: 'Prefilled Name', reporterContact: trust.accounts.staff.email }));
    expect(row.reporterNameSealed).toBeNull();
    expect(row.reporterContactSealed).toBeNull();
    expect(await auditRows()).toBe(auditBefore);
    expect((await database.db.select({ n: count() }).from(session))[0]).toEqual(sessions);
  });
});

describe('raising a concern openly or confidentially', () => {
  it('needs a name and a way to be contacted, and seals them', async () => {
    const client = new TestClient(createTestApp(database));
    for (const raisedAs of ['open', 'confidential']) {
      const missing = await raise(client, anonymous({ raisedAs }));
      expect(missing.status).toBe(400);
      const html = await missing.text();
      expect(html).toContain('<a href="#reporterName">Enter your name, or choose to raise your concern anonymously</a>');
      expect(html).toContain('<a href="#reporterContact">Enter how the Guardian can contact you, such as an email address or phone number</a>');
    }
    const { row } = await raiseAndReadReceipt(client, anonymous({ raisedAs: 'confidential', reporterName: 'Sam Example', reporterContact: '07700 900123' }));
    expect(row.raisedAs).toBe('confidential');
    expect(reporterIdentity(ring, row)).toEqual({ name: 'Sam Example', contact: '07700 900123' });
    expect(JSON.stringify(row)).not.toContain('Sam Example');
  });
});

describe('the raise form', () => {
  it('names every field that is missing, and keeps nothing the reporter would have to retype except passphrases', async () => {
    const client = new TestClient(createTestApp(database));
    const response = await raise(client, {});
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<title>Error: Raise a concern');
    for (const [field, message] of [
      ['concern', 'Enter what happened'],
      ['patientSafety', 'Select whether your concern involves patient safety or the quality of care'],
      ['categories', 'Select what your concern is about. Choose ‘Something else’ if none of these fit'],
      ['detriment', 'Select whether you have been treated worse for speaking up before'],
      ['raisedAs', 'Select how you want to be known'],
      ['passphrase', 'Choose a passphrase'],
    ]) {
      expect(html).toContain(`<a href="#${field}">${message}</a>`);
      expect(html).toContain(`id="${field}-error"`);
      expect(html).toMatch(new RegExp(`id="${field}"`));
    }
  });

  it('explains each wrong value and keeps the values given, but never the passphrases', async () => {
    const client = new TestClient(createTestApp(database));
    const response = await raise(
      client,
      anonymous({
        concern: 'x'.repeat(10_001),
        unitId: String(trust.units.northTeam),
        categories: ['worker_safety', 'made_up'],
        notifyAddress: 'not an address',
        passphrase: 'too short',
        passphraseConfirm: 'too short',
      }),
      { name: 'report.pdf', type: 'application/pdf', bytes: Buffer.from('%PDF-1.7\n/Author (Jane)\n%%EOF') },
    );
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('<a href="#concern">What happened must be 10,000 characters or fewer</a>');
    expect(html).toContain('<a href="#unitId">Select where it happened from the list, or ‘I would rather not say’</a>');
    expect(html).toContain('<a href="#categories">Select what your concern is about from the list</a>');
    expect(html).toContain('<a href="#passphrase">Your passphrase must be 10 characters or more</a>');
    expect(html).toContain('<a href="#notifyAddress">Enter the email address in the correct format, like name@example.com, or leave it blank</a>');
    expect(html).toContain('<a href="#attachment">PDF files cannot be attached');
    expect(html).not.toContain('too short');
    expect(html).toContain('value="not an address"');
    expect(html).toMatch(/value="worker_safety" checked=""/);
    expect(html).toMatch(/id="patientSafety" name="patientSafety" type="radio" value="yes" checked=""/);

    const mismatch = await (await raise(client, anonymous({ passphraseConfirm: 'purple kettle river evening' }))).text();
    expect(mismatch).toContain('<a href="#passphraseConfirm">The passphrases do not match: type the same passphrase in both boxes</a>');
  });

  it('lists directorates and areas but not teams, with “I would rather not say” first', async () => {
    const { html } = await new TestClient(createTestApp(database)).get('/speak-up/raise');
    expect(html).toContain('<option value="" selected="">I would rather not say</option>');
    expect(html).toContain(`<option value="${trust.units.operations}">Emergency Operations</option>`);
    expect(html).toContain(`<option value="${trust.units.northHub}">– North hub</option>`);
    expect(html).not.toContain('North team 1');
    expect(html).toContain('enctype="multipart/form-data"');
  });

  it('strips an attached image’s metadata before sealing it', async () => {
    const client = new TestClient(createTestApp(database));
    const { row } = await raiseAndReadReceipt(client, anonymous(), { name: 'IMG_0042.png', type: 'image/png', bytes: PNG_WITH_AUTHOR });
    const [attachment] = await database.db
      .select({ mediaType: speakUpAttachment.mediaType, contentSealed: speakUpAttachment.contentSealed })
      .from(speakUpAttachment)
      .innerJoin(speakUpMessage, eq(speakUpMessage.id, speakUpAttachment.messageId))
      .where(eq(speakUpMessage.caseId, row.id));
    if (!attachment) throw new Error('no attachment stored');
    expect(attachment.mediaType).toBe('image/png');
    const bytes = openBytes(ring, 'attachment', attachment.contentSealed);
    expect(bytes.toString('latin1')).not.toContain('Jane');
    expect(bytes.toString('latin1')).toContain('IDAT');
    expect(JSON.stringify(attachment)).not.toContain('IMG_0042');
  });
});

describe('reporter pages', () => {
  it('are never cached, send no referrer and load nothing from another site, even when a font host is set', async () => {
    const app = createTestApp(database, { fontUrl: 'https://fonts.example.com/nhs' });
    const client = new TestClient(app);
    for (const path of ['/speak-up', '/speak-up/raise', '/speak-up/receipt', '/speak-up/follow-up']) {
      const { response } = await client.get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('content-security-policy'), path).toBe(REPORTER_CONTENT_SECURITY_POLICY);
    }
    const failed = await raise(client, {});
    expect(failed.headers.get('cache-control')).toBe('no-store');
    expect(failed.headers.get('content-security-policy')).toBe(REPORTER_CONTENT_SECURITY_POLICY);
  });

  it('do not touch the Guardian’s pages mounted beside them', async () => {
    const { response } = await new TestClient(createTestApp(database)).get('/speak-up/cases');
    expect(response.headers.get('content-security-policy')).not.toBe(REPORTER_CONTENT_SECURITY_POLICY);
  });

  it('write nothing to the case tables when the form is wrong', async () => {
    const [before] = await database.db.select({ n: count() }).from(speakUpCase);
    await raise(new TestClient(createTestApp(database)), anonymous({ passphrase: '' }));
    expect((await database.db.select({ n: count() }).from(speakUpCase))[0]).toEqual(before);
  });
});
