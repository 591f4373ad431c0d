import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '#src/db/client.ts';
import { auditEvent, speakUpAttachment, speakUpCase, speakUpMessage } from '#src/db/schema.ts';
import { TEST_NOW } from '#test/app.ts';
import { createTestDatabase } from '#test/database.ts';
import { buildTrust } from '#test/factories.ts';
import { ngoReturn } from './reporting/ngo-return.ts';
import { loadReportRows } from './reporting/store.ts';
import { monthsBefore, redactClosedCases } from './retention.ts';
import { DEVELOPMENT_KEY_RING } from './seal.ts';
import { addMessage, closeCase, openReporterCase, raiseConcern, recordClosingFeedback, referCase, triageCase } from './store.ts';

let database: Database;
let trust: Awaited<ReturnType<typeof buildTrust>>;
const PASSPHRASE = 'a long enough passphrase';

/** A confidential case with a name, an attachment, a reply and an internal note, closed on `closedOn` with feedback. */
async function closedCase(receivedOn: string, closedOn: string) {
  const db = database.db;
  const raised = await raiseConcern(
    db,
    DEVELOPMENT_KEY_RING,
    {
      raisedAs: 'confidential',
      concern: 'What happened on the night shift',
      unitId: trust.units.northTeam,
      categories: ['patient_safety'],
      detrimentIndicated: true,
      reporterName: 'Jo Bloggs',
      reporterContact: '07700 900000',
      notifyAddress: 'jo@example.test',
      passphrase: PASSPHRASE,
      attachment: { bytes: new TextEncoder().encode('rota'), mediaType: 'text/plain' },
    },
    receivedOn,
  );
  const { caseId } = raised;
  await triageCase(db, caseId, { categories: ['patient_safety', 'worker_safety'], workerGroup: 'Patient transport', urgency: 'urgent', unitId: trust.units.northTeam, detrimentIndicated: true });
  await referCase(db, caseId, trust.accounts.investigator.accountId, receivedOn);
  await addMessage(db, DEVELOPMENT_KEY_RING, { caseId, author: 'guardian', authorAccountId: trust.accounts.guardian.accountId, internal: false, body: 'Thank you' }, receivedOn);
  await addMessage(db, DEVELOPMENT_KEY_RING, { caseId, author: 'guardian', authorAccountId: trust.accounts.guardian.accountId, internal: true, body: 'Note' }, receivedOn);
  await closeCase(db, DEVELOPMENT_KEY_RING, caseId, { outcome: 'Rota changed', lessons: 'Ask first' }, closedOn);
  await recordClosingFeedback(db, caseId, { wouldSpeakUpAgain: 'yes', detrimentAfterClosure: 'no' });
  return raised;
}

const caseRow = async (id: number) => (await database.db.select().from(speakUpCase).where(eq(speakUpCase.id, id)))[0];
const messageCount = async (id: number) => (await database.db.select().from(speakUpMessage).where(eq(speakUpMessage.caseId, id))).length;
const redactedEvents = () => database.db.select().from(auditEvent).where(eq(auditEvent.action, 'speak-up.redacted'));

beforeAll(async () => {
  database = await createTestDatabase();
  trust = await buildTrust(database.db);
});
afterAll(() => database.close());

describe('months before a day', () => {
  it('counts calendar months, ending on the last day of a shorter month', () => {
    expect(monthsBefore('2026-11-02', 72)).toBe('2020-11-02');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 1)).toBe('2025-12-15');
  });
});

describe('redacting closed speak-up cases', () => {
  it('redacts a case closed 7 years ago, not one closed last month, keeping what the returns count', async () => {
    const old = await closedCase('2019-09-02', '2019-10-30');
    const recent = await closedCase('2026-06-01', '2026-10-01');
    const before = await caseRow(old.caseId);
    const returnBefore = ngoReturn(await loadReportRows(database.db), { year: 2019, number: 2 });
    const attachmentsBefore = await database.db.select({ id: speakUpAttachment.id }).from(speakUpAttachment);
    expect(attachmentsBefore).toHaveLength(2);

    const result = await redactClosedCases(database.db, { months: 72, now: TEST_NOW, actorAccountId: null });
    expect(result).toEqual({ cases: 1, closedBefore: '2020-11-02' });

    const after = await caseRow(old.caseId);
    expect(after).toMatchObject({
      outcomeSealed: null,
      lessonsSealed: null,
      reporterNameSealed: null,
      reporterContactSealed: null,
      notifyAddressSealed: null,
      receiptLookup: null,
      passphraseHash: null,
      investigatorAccountId: null,
      replyWaiting: false,
      redactedOn: '2026-11-02',
    });
    expect(after).toMatchObject({
      reference: before?.reference,
      raisedAs: 'confidential',
      receivedOn: '2019-09-02',
      acknowledgedOn: before?.acknowledgedOn,
      closedOn: '2019-10-30',
      unitId: trust.units.northTeam,
      categories: ['patient_safety', 'worker_safety'],
      detrimentIndicated: true,
      workerGroup: 'Patient transport',
      urgency: 'urgent',
      status: 'closed',
      wouldSpeakUpAgain: 'yes',
      detrimentAfterClosure: 'no',
    });
    expect(await messageCount(old.caseId)).toBe(0);
    const attachmentsLeft = await database.db
      .select({ id: speakUpAttachment.id })
      .from(speakUpAttachment)
      .where(inArray(speakUpAttachment.id, attachmentsBefore.map((row) => row.id)));
    expect(attachmentsLeft).toHaveLength(1);
    expect(await openReporterCase(database.db, old.receiptCode, PASSPHRASE)).toBeUndefined();
    expect(ngoReturn(await loadReportRows(database.db), { year: 2019, number: 2 })).toEqual(returnBefore);

    const kept = await caseRow(recent.caseId);
    expect(kept?.outcomeSealed).not.toBeNull();
    expect(kept?.reporterNameSealed).not.toBeNull();
    expect(kept?.redactedOn).toBeNull();
    expect(await messageCount(recent.caseId)).toBe(3);
    expect(await openReporterCase(database.db, recent.receiptCode, PASSPHRASE)).toBe(recent.caseId);

    const events = await redactedEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorAccountId: null, subject: null, detail: { cases: 1, months: 72 } });
  });

  it('is idempotent: a second run changes nothing and records nothing', async () => {
    const before = await redactedEvents();
    expect(await redactClosedCases(database.db, { months: 72, now: TEST_NOW, actorAccountId: trust.accounts.admin.accountId })).toEqual({ cases: 0, closedBefore: '2020-11-02' });
    expect(await redactedEvents()).toHaveLength(before.length);
  });

  it('never redacts a case still open, however old, and redacts by months given', async () => {
    const { caseId } = await raiseConcern(
      database.db,
      DEVELOPMENT_KEY_RING,
      { raisedAs: 'anonymous', concern: 'Still open', unitId: null, categories: ['other'], detrimentIndicated: false, passphrase: PASSPHRASE },
      '2018-01-01',
    );
    const shorter = await redactClosedCases(database.db, { months: 1, now: TEST_NOW, actorAccountId: trust.accounts.admin.accountId });
    expect(shorter.cases).toBe(1);
    expect((await caseRow(caseId))?.redactedOn).toBeNull();
    expect(await messageCount(caseId)).toBe(1);
    expect((await redactedEvents()).at(-1)).toMatchObject({ actorAccountId: trust.accounts.admin.accountId, detail: { cases: 1, months: 1 } });
    await expect(redactClosedCases(database.db, { months: 0, now: TEST_NOW, actorAccountId: null })).rejects.toThrow('months must be a whole number of at least 1');
  });
});
