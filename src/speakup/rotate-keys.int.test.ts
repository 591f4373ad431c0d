import { randomBytes } from 'node:crypto';
import { eq, getTableColumns } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { auditEvent, outboxMessage, speakUpAttachment, speakUpCase, speakUpMessage } from '#src/db/schema.ts';
import { sealedPart } from '#src/notifications/outbox.ts';
import { TEST_NOW } from '#test/app.ts';
import { createTestDatabase } from '#test/database.ts';
import { queueReplyNotice } from './reply-notice.ts';
import { MissingKeysError, rotateSpeakUpKeys, SEALED_CASE_COLUMNS } from './rotate-keys.ts';
import { open, sealedKeyId, type KeyRing } from './seal.ts';
import { addMessage, caseOutcome, closeCase, findCase, listMessages, raiseConcern, readAttachment, reporterIdentity } from './store.ts';

const OLD: KeyRing = [{ id: 'old', key: randomBytes(32) }];
const NEW_KEY = { id: 'new', key: randomBytes(32) };
const ROTATING: KeyRing = [NEW_KEY, ...OLD];
const NEW_ONLY: KeyRing = [NEW_KEY];
const FILE = new Uint8Array([0, 1, 2, 250, 251, 252]);

let database: Database;
let closedId: number;
let openId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  const base = { categories: ['other'], unitId: null, detrimentIndicated: false, passphrase: 'a long enough passphrase' };
  closedId = (
    await raiseConcern(
      db,
      OLD,
      { ...base, raisedAs: 'open', concern: 'First concern', reporterName: 'Jo Bloggs', reporterContact: 'jo@trust.test', attachment: { bytes: FILE, mediaType: 'application/octet-stream' } },
      '2026-09-01',
    )
  ).caseId;
  await addMessage(db, OLD, { caseId: closedId, author: 'guardian', authorAccountId: null, internal: true, body: 'An internal note' }, '2026-09-02');
  await closeCase(db, OLD, closedId, { outcome: 'The outcome', lessons: 'The lessons' }, '2026-09-30');
  openId = (await raiseConcern(db, OLD, { ...base, raisedAs: 'anonymous', concern: 'Second concern', notifyAddress: 'reply@example.test' }, '2026-10-01')).caseId;
  // More attachments than one batch holds.
  for (let i = 0; i < 11; i += 1) {
    await addMessage(db, OLD, { caseId: openId, author: 'reporter', authorAccountId: null, internal: false, body: `More ${i}`, attachment: { bytes: FILE, mediaType: 'application/octet-stream' } }, '2026-10-02');
  }
  const openCase = await findCase(db, openId);
  if (!openCase) throw new Error('case not found');
  await queueReplyNotice(db, { publicUrl: 'http://vitals.test' }, openCase, TEST_NOW);
});
afterAll(() => database.close());

async function everyKeyId(): Promise<string[]> {
  const db = database.db;
  const cases = await db.select().from(speakUpCase);
  const ids = cases.flatMap((row) => SEALED_CASE_COLUMNS.map(({ field }) => row[field]).filter((value) => value !== null).map((value) => sealedKeyId(value)));
  for (const row of await db.select().from(speakUpMessage)) ids.push(sealedKeyId(row.bodySealed));
  for (const row of await db.select().from(speakUpAttachment)) ids.push(sealedKeyId(row.contentSealed));
  for (const row of await db.select().from(outboxMessage)) ids.push(sealedKeyId(sealedPart(row.toAddress) ?? ''));
  return ids.map((id) => id ?? 'none');
}

describe('rotating the speak-up keys', () => {
  it('covers every sealed column of a case', () => {
    const sealedColumns = Object.keys(getTableColumns(speakUpCase)).filter((name) => name.endsWith('Sealed'));
    expect(SEALED_CASE_COLUMNS.map((column) => column.field).sort()).toEqual(sealedColumns.sort());
  });

  it('refuses to start while a value is sealed under a key the ring does not hold, changing nothing', async () => {
    const before = await everyKeyId();
    await expect(rotateSpeakUpKeys(database.db, NEW_ONLY, TEST_NOW)).rejects.toThrow(MissingKeysError);
    await expect(rotateSpeakUpKeys(database.db, NEW_ONLY, TEST_NOW)).rejects.toThrow('sealed under "old", which SPEAKUP_KEYS does not hold');
    expect(await everyKeyId()).toEqual(before);
    expect(await database.db.select().from(auditEvent).where(eq(auditEvent.action, 'speak-up.keys.rotated'))).toHaveLength(0);
  });

  it('re-seals everything under the new key, so it opens without the old one', async () => {
    expect(new Set(await everyKeyId())).toEqual(new Set(['old']));
    const rotation = await rotateSpeakUpKeys(database.db, ROTATING, TEST_NOW);
    // Closed case: name, contact, outcome, lessons. Open case: the reply address. Messages: two concerns, the note and 11 more.
    expect(rotation).toEqual({ keyId: 'new', caseValues: 5, messages: 14, attachments: 12, replyNotices: 1 });
    expect(new Set(await everyKeyId())).toEqual(new Set(['new']));

    const db = database.db;
    const closed = await findCase(db, closedId);
    if (!closed) throw new Error('case not found');
    expect(reporterIdentity(NEW_ONLY, closed)).toEqual({ name: 'Jo Bloggs', contact: 'jo@trust.test' });
    expect(caseOutcome(NEW_ONLY, closed)).toEqual({ outcome: 'The outcome', lessons: 'The lessons' });
    const messages = await listMessages(db, NEW_ONLY, closedId, { includeInternal: true });
    expect(messages.map((message) => message.body)).toEqual(['First concern', 'An internal note']);
    const attachmentId = messages[0]?.attachments[0]?.id ?? 0;
    expect((await readAttachment(db, NEW_ONLY, closedId, attachmentId, { includeInternal: true }))?.bytes).toEqual(Buffer.from(FILE));
    const openCase = await findCase(db, openId);
    expect(open(NEW_ONLY, 'notify-address', openCase?.notifyAddressSealed ?? '')).toBe('reply@example.test');
    const [notice] = await db.select().from(outboxMessage);
    expect(open(NEW_ONLY, 'notify-address', sealedPart(notice?.toAddress ?? '') ?? '')).toBe('reply@example.test');

    const [event] = await db.select().from(auditEvent).where(eq(auditEvent.action, 'speak-up.keys.rotated'));
    expect(event).toMatchObject({ actorAccountId: null, detail: { keyId: 'new', caseValues: 5, messages: 14, attachments: 12, replyNotices: 1 } });
  });

  it('has nothing to do a second time', async () => {
    expect(await rotateSpeakUpKeys(database.db, ROTATING, TEST_NOW)).toEqual({ keyId: 'new', caseValues: 0, messages: 0, attachments: 0, replyNotices: 0 });
    expect(await rotateSpeakUpKeys(database.db, NEW_ONLY, TEST_NOW)).toMatchObject({ keyId: 'new', messages: 0 });
  });
});
