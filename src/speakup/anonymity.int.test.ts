import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testConfig } from '#src/config.ts';
import type { Database } from '#src/db/client.ts';
import { speakUpAttachment, speakUpCase, speakUpMessage } from '#src/db/schema.ts';
import { createTestApp } from '#test/app.ts';
import { TestClient } from '#test/client.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust, TEST_PASSWORD } from '#test/factories.ts';
import { tableRows } from '#test/table-checksums.ts';
import { normaliseReceiptCode } from './receipt.ts';
import { readAttachment } from './store.ts';

/**
 * Issue 5, "done when" 2: after anonymous reporting, nothing stored or logged links the report to
 * an address, a browser, an account or a time of day; the photo's metadata is gone; and what the
 * reporter wrote is stored only as ciphertext.
 */
const ADDRESS = '203.0.113.77';
const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) ReporterLaptop/4.2';
const PASSPHRASE = 'harbour lantern seven trees';
const CONCERN = 'Crews at the north station are told to skip vehicle checks when the queue is long.';
const REPLY = 'It happened again on Tuesday: two vehicles went out unchecked.';
const PHOTO = readFileSync(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'speak-up', 'photo-with-exif.jpg'));
const PHOTO_SECRETS = ['Jane Reporter', 'PhoneCam', 'GPS', 'North station', 'Exif'];
/** A time of day, as PostgreSQL prints a timestamp in a row. */
const TIME_OF_DAY = /\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/;

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
  // Behind a proxy the app reads the forwarded address (for rate limiting), so it could store it.
  app = createTestApp(database, { trustProxy: true });
});
afterAll(() => database.close());

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

function multipart(fields: Record<string, string | string[]>, csrf: string, photo: Buffer): FormData {
  const form = new FormData();
  form.set('_csrf', csrf);
  for (const [name, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(name, item);
  form.set('attachment', new File([photo], 'IMG_20261102_0731.jpg', { type: 'image/jpeg' }));
  return form;
}

/** Raises a concern anonymously, reads the receipt, then follows it up with a reply and a photo. */
async function reportAnonymously(client: TestClient): Promise<string> {
  const raisePage = await (await client.request('/speak-up/raise')).text();
  const fields = {
    concern: CONCERN,
    unitId: String(trust.units.northHub),
    patientSafety: 'yes',
    categories: ['worker_safety'],
    detriment: 'no',
    raisedAs: 'anonymous',
    reporterName: '',
    reporterContact: '',
    passphrase: PASSPHRASE,
    passphraseConfirm: PASSPHRASE,
    notifyAddress: '',
  };
  const raised = await client.request('/speak-up/raise', { method: 'POST', body: multipart(fields, csrfOf(raisePage), PHOTO) });
  expect(raised.status).toBe(303);
  const receipt = await (await client.request(raised.headers.get('location') ?? '')).text();
  const code = /id="receipt-code">\s*([0-9A-Z-]+)\s*</.exec(receipt)?.[1];
  if (!code) throw new Error('no receipt code on the receipt page');

  const followUp = await (await client.request('/speak-up/follow-up')).text();
  const body = new URLSearchParams({ _csrf: csrfOf(followUp), receiptCode: code, passphrase: PASSPHRASE });
  const opened = await client.request('/speak-up/follow-up', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  expect(opened.status).toBe(303);
  const casePage = await (await client.request('/speak-up/follow-up/case')).text();
  const replied = await client.request('/speak-up/follow-up/case/messages', { method: 'POST', body: multipart({ message: REPLY }, csrfOf(casePage), PHOTO) });
  expect(replied.status).toBe(303);
  return code;
}

/** Runs `action` and returns what it wrote to the server log (stderr), the only log Vitals has. */
async function logOf(action: () => Promise<void>): Promise<string> {
  const written: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return write(chunk, ...(rest as []));
  });
  try {
    await action();
  } finally {
    spy.mockRestore();
  }
  return written.join('');
}

describe.each([
  { who: 'a reporter with no account', signedIn: false },
  { who: 'a signed-in member of staff choosing to be anonymous', signedIn: true },
])('anonymous reporting by $who', ({ signedIn }) => {
  it('stores and logs no address, browser, account or time of day with the report, and only ciphertext of what was written', async () => {
    const client = new TestClient(app, { 'x-forwarded-for': ADDRESS, 'user-agent': USER_AGENT });
    if (signedIn) expect((await client.signIn(trust.accounts.staff.email, TEST_PASSWORD)).status).toBe(303);

    const before = await tableRows(database.db);
    let code = '';
    const log = await logOf(async () => {
      code = await reportAnonymously(client);
    });
    const after = await tableRows(database.db);
    const written = [...after].filter((row) => !before.has(row));

    // Only the case, its two messages and their photos were written: no session, audit, sign-in
    // or outbox row that could say who or when.
    expect(new Set(written.map((row) => row.slice(0, row.indexOf(':'))))).toEqual(new Set(['speak_up_case', 'speak_up_message', 'speak_up_attachment']));
    expect(written).toHaveLength(5);
    for (const row of written) {
      expect(row).not.toContain(ADDRESS);
      expect(row).not.toContain('ReporterLaptop');
      expect(row).not.toMatch(TIME_OF_DAY);
      expect(row).not.toContain('IMG_20261102');
    }

    const [stored] = await database.db.select().from(speakUpCase).where(eq(speakUpCase.raisedAs, 'anonymous')).orderBy(speakUpCase.id).limit(1).offset(signedIn ? 1 : 0);
    if (!stored) throw new Error('no anonymous case stored');
    expect(stored).toMatchObject({ receivedOn: '2026-11-02', reporterNameSealed: null, reporterContactSealed: null, notifyAddressSealed: null, investigatorAccountId: null });
    const messages = await database.db.select().from(speakUpMessage).where(eq(speakUpMessage.caseId, stored.id));
    expect(messages.map((m) => [m.author, m.authorAccountId, m.sentOn])).toEqual([
      ['reporter', null, '2026-11-02'],
      ['reporter', null, '2026-11-02'],
    ]);

    // Nothing anywhere in the database holds the words, the passphrase or the receipt code in the clear.
    const everything = [...after].join('\n');
    for (const secret of [CONCERN, 'skip vehicle checks', REPLY, PASSPHRASE, code, normaliseReceiptCode(code) ?? code, ...PHOTO_SECRETS]) {
      expect(everything).not.toContain(secret);
    }
    for (const message of messages) expect(message.bodySealed).toMatch(/^v1\.dev\./);

    // The photos open as images with no trace of who took them, where, or with what.
    const attachments = await database.db
      .select({ id: speakUpAttachment.id })
      .from(speakUpAttachment)
      .innerJoin(speakUpMessage, eq(speakUpMessage.id, speakUpAttachment.messageId))
      .where(eq(speakUpMessage.caseId, stored.id));
    expect(attachments).toHaveLength(2);
    for (const { id } of attachments) {
      const file = await readAttachment(database.db, testConfig().speakUpKeys, stored.id, id, { includeInternal: false });
      const text = Buffer.from(file?.bytes ?? []).toString('latin1');
      expect(file?.mediaType).toBe('image/jpeg');
      expect(text.startsWith('\xff\xd8')).toBe(true);
      for (const secret of PHOTO_SECRETS) expect(text).not.toContain(secret);
    }

    for (const secret of [ADDRESS, 'ReporterLaptop', CONCERN, REPLY, PASSPHRASE, code]) expect(log).not.toContain(secret);
  });
});
