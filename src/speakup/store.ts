import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { hashPassword, UNUSABLE_HASH, verifyPassword } from '#src/auth/password.ts';
import type { Db } from '#src/db/client.ts';
import { account, outboxMessage, speakUpAttachment, speakUpCase, speakUpMessage } from '#src/db/schema.ts';
import { newReceiptCode, normaliseReceiptCode, receiptLookup } from './receipt.ts';
import type { RaisedAs } from './rules.ts';
import { open, openBytes, openOptional, seal, type KeyRing } from './seal.ts';

export type CaseRow = typeof speakUpCase.$inferSelect;
export type CaseStatus = CaseRow['status'];
export type Author = (typeof speakUpMessage.$inferSelect)['author'];

export interface NewAttachment {
  /** Already stripped of metadata (attachments.ts). */
  bytes: Uint8Array;
  mediaType: string;
}

export interface NewConcern {
  raisedAs: RaisedAs;
  /** What happened: the first message of the case. */
  concern: string;
  unitId: number | null;
  categories: string[];
  detrimentIndicated: boolean;
  /** Open and confidential only; ignored for anonymous concerns. */
  reporterName?: string | null;
  reporterContact?: string | null;
  /** Used only to say "a reply is waiting"; never shown to handlers. */
  notifyAddress?: string | null;
  passphrase: string;
  attachment?: NewAttachment | undefined;
}

export interface RaisedConcern {
  caseId: number;
  reference: string;
  /** Shown to the reporter once and never stored: only its hash is kept. */
  receiptCode: string;
}

/** SU-YYYY-NNNN, numbered within the year the concern arrived. */
async function nextReference(tx: Db, year: string): Promise<string> {
  const prefix = `SU-${year}-`;
  const [row] = await tx
    .select({ last: sql<string | null>`max(${speakUpCase.reference})` })
    .from(speakUpCase)
    .where(and(eq(speakUpCase.origin, 'raised'), sql`${speakUpCase.reference} like ${`${prefix}%`}`));
  const last = row?.last ? Number(row.last.slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

/**
 * Records a concern raised in Vitals. Only the day is kept; nothing about the browser, address or
 * account of an anonymous reporter is passed in, so nothing can be stored.
 */
export async function raiseConcern(db: Db, ring: KeyRing, concern: NewConcern, today: string): Promise<RaisedConcern> {
  const receiptCode = newReceiptCode();
  const canonical = normaliseReceiptCode(receiptCode);
  if (!canonical) throw new Error('receipt code did not normalise');
  const passphraseHash = await hashPassword(concern.passphrase);
  const identified = concern.raisedAs !== 'anonymous';
  return db.transaction(async (tx) => {
    const reference = await nextReference(tx, today.slice(0, 4));
    const [created] = await tx
      .insert(speakUpCase)
      .values({
        origin: 'raised',
        reference,
        raisedAs: concern.raisedAs,
        receivedOn: today,
        unitId: concern.unitId,
        categories: concern.categories,
        detrimentIndicated: concern.detrimentIndicated,
        status: 'new',
        reporterNameSealed: identified && concern.reporterName ? seal(ring, 'reporter-name', concern.reporterName) : null,
        reporterContactSealed: identified && concern.reporterContact ? seal(ring, 'reporter-contact', concern.reporterContact) : null,
        notifyAddressSealed: concern.notifyAddress ? seal(ring, 'notify-address', concern.notifyAddress) : null,
        receiptLookup: receiptLookup(canonical),
        passphraseHash,
      })
      .returning({ id: speakUpCase.id });
    if (!created) throw new Error('speak-up case not inserted');
    await insertMessage(tx, ring, { caseId: created.id, author: 'reporter', authorAccountId: null, internal: false, body: concern.concern, attachment: concern.attachment }, today);
    return { caseId: created.id, reference, receiptCode };
  });
}

/**
 * The case a receipt code and passphrase open, or undefined. The passphrase is checked against a
 * dummy hash when the receipt does not exist, so both failures take the same time and look alike.
 */
export async function openReporterCase(db: Db, typedCode: string, passphrase: string): Promise<number | undefined> {
  const canonical = normaliseReceiptCode(typedCode);
  const [row] = canonical
    ? await db.select({ id: speakUpCase.id, hash: speakUpCase.passphraseHash }).from(speakUpCase).where(eq(speakUpCase.receiptLookup, receiptLookup(canonical)))
    : [];
  const matches = await verifyPassword(passphrase, row?.hash ?? UNUSABLE_HASH);
  return row && row.hash && matches ? row.id : undefined;
}

export async function findCase(db: Db, caseId: number): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(speakUpCase).where(eq(speakUpCase.id, caseId));
  return row;
}

export interface MessageInput {
  caseId: number;
  author: Author;
  authorAccountId: number | null;
  internal: boolean;
  body: string;
  attachment?: NewAttachment | undefined;
}

async function insertMessage(tx: Db, ring: KeyRing, input: MessageInput, today: string): Promise<number> {
  const [message] = await tx
    .insert(speakUpMessage)
    .values({
      caseId: input.caseId,
      author: input.author,
      authorAccountId: input.author === 'reporter' ? null : input.authorAccountId,
      internal: input.internal,
      sentOn: today,
      bodySealed: seal(ring, 'message', input.body),
    })
    .returning({ id: speakUpMessage.id });
  if (!message) throw new Error('speak-up message not inserted');
  if (input.attachment) {
    await tx.insert(speakUpAttachment).values({
      messageId: message.id,
      mediaType: input.attachment.mediaType,
      byteSize: input.attachment.bytes.byteLength,
      contentSealed: seal(ring, 'attachment', input.attachment.bytes),
    });
  }
  return message.id;
}

/**
 * Adds a message or internal note. A handler's message to the reporter marks a reply as waiting;
 * on a new case it is the acknowledgement, after that the first one is the first feedback.
 */
export async function addMessage(db: Db, ring: KeyRing, input: MessageInput, today: string): Promise<number> {
  return db.transaction(async (tx) => {
    const id = await insertMessage(tx, ring, input, today);
    if (input.author !== 'reporter' && !input.internal) {
      // On the right of SET, columns hold the row's values from before this update.
      await tx
        .update(speakUpCase)
        .set({
          replyWaiting: true,
          status: sql`case when ${speakUpCase.status} = 'new' then 'acknowledged'::speak_up_status else ${speakUpCase.status} end`,
          acknowledgedOn: sql`coalesce(${speakUpCase.acknowledgedOn}, ${today}::date)`,
          firstFeedbackOn: sql`case when ${speakUpCase.acknowledgedOn} is null then ${speakUpCase.firstFeedbackOn} else coalesce(${speakUpCase.firstFeedbackOn}, ${today}::date) end`,
        })
        .where(eq(speakUpCase.id, input.caseId));
    }
    return id;
  });
}

export interface CaseMessage {
  id: number;
  author: Author;
  authorName: string | null;
  internal: boolean;
  sentOn: string;
  body: string;
  attachments: { id: number; mediaType: string; byteSize: number }[];
}

/** A case's messages, oldest first, opened. `includeInternal` is false for the reporter's view. */
export async function listMessages(db: Db, ring: KeyRing, caseId: number, { includeInternal }: { includeInternal: boolean }): Promise<CaseMessage[]> {
  const rows = await db
    .select({
      id: speakUpMessage.id,
      author: speakUpMessage.author,
      authorName: account.displayName,
      internal: speakUpMessage.internal,
      sentOn: speakUpMessage.sentOn,
      bodySealed: speakUpMessage.bodySealed,
    })
    .from(speakUpMessage)
    .leftJoin(account, eq(account.id, speakUpMessage.authorAccountId))
    .where(and(eq(speakUpMessage.caseId, caseId), includeInternal ? undefined : eq(speakUpMessage.internal, false)))
    .orderBy(asc(speakUpMessage.id));
  const attachments = rows.length
    ? await db
        .select({ id: speakUpAttachment.id, messageId: speakUpAttachment.messageId, mediaType: speakUpAttachment.mediaType, byteSize: speakUpAttachment.byteSize })
        .from(speakUpAttachment)
        .where(inArray(speakUpAttachment.messageId, rows.map((row) => row.id)))
        .orderBy(asc(speakUpAttachment.id))
    : [];
  return rows.map((row) => ({
    id: row.id,
    author: row.author,
    authorName: row.authorName,
    internal: row.internal,
    sentOn: row.sentOn,
    body: open(ring, 'message', row.bodySealed),
    attachments: attachments.filter((a) => a.messageId === row.id).map(({ id, mediaType, byteSize }) => ({ id, mediaType, byteSize })),
  }));
}

/** An attachment's bytes, if it belongs to the case (and, for the reporter, to a message they can see). */
export async function readAttachment(db: Db, ring: KeyRing, caseId: number, attachmentId: number, { includeInternal }: { includeInternal: boolean }) {
  const [row] = await db
    .select({ mediaType: speakUpAttachment.mediaType, contentSealed: speakUpAttachment.contentSealed, internal: speakUpMessage.internal })
    .from(speakUpAttachment)
    .innerJoin(speakUpMessage, eq(speakUpMessage.id, speakUpAttachment.messageId))
    .where(and(eq(speakUpAttachment.id, attachmentId), eq(speakUpMessage.caseId, caseId)));
  if (!row || (row.internal && !includeInternal)) return undefined;
  return { mediaType: row.mediaType, bytes: openBytes(ring, 'attachment', row.contentSealed) };
}

export interface ReporterIdentity {
  name: string | null;
  contact: string | null;
}

/** Only for the Guardian, and never for anonymous cases (nothing is stored for them). */
export function reporterIdentity(ring: KeyRing, row: CaseRow): ReporterIdentity {
  return { name: openOptional(ring, 'reporter-name', row.reporterNameSealed), contact: openOptional(ring, 'reporter-contact', row.reporterContactSealed) };
}

export function caseOutcome(ring: KeyRing, row: CaseRow): { outcome: string | null; lessons: string | null } {
  return { outcome: openOptional(ring, 'outcome', row.outcomeSealed), lessons: openOptional(ring, 'lessons', row.lessonsSealed) };
}

export async function markRepliesRead(db: Db, caseId: number): Promise<void> {
  await db.update(speakUpCase).set({ replyWaiting: false }).where(eq(speakUpCase.id, caseId));
}

export interface CaseFilter {
  status?: CaseStatus | 'open';
  investigatorAccountId?: number;
}

/** Cases for an inbox, newest first, without any sealed column. */
export async function listCases(db: Db, filter: CaseFilter, limit = 500) {
  const conditions = [
    filter.status === 'open' ? sql`${speakUpCase.status} <> 'closed'` : filter.status ? eq(speakUpCase.status, filter.status) : undefined,
    filter.investigatorAccountId === undefined ? undefined : eq(speakUpCase.investigatorAccountId, filter.investigatorAccountId),
  ];
  return db
    .select({
      id: speakUpCase.id,
      origin: speakUpCase.origin,
      reference: speakUpCase.reference,
      raisedAs: speakUpCase.raisedAs,
      receivedOn: speakUpCase.receivedOn,
      unitId: speakUpCase.unitId,
      categories: speakUpCase.categories,
      urgency: speakUpCase.urgency,
      status: speakUpCase.status,
      acknowledgedOn: speakUpCase.acknowledgedOn,
      firstFeedbackOn: speakUpCase.firstFeedbackOn,
      closedOn: speakUpCase.closedOn,
      investigatorAccountId: speakUpCase.investigatorAccountId,
      detrimentIndicated: speakUpCase.detrimentIndicated,
    })
    .from(speakUpCase)
    .where(and(...conditions))
    .orderBy(desc(speakUpCase.receivedOn), desc(speakUpCase.id))
    .limit(limit);
}

export type CaseSummary = Awaited<ReturnType<typeof listCases>>[number];

export async function countCases(db: Db, filter: CaseFilter): Promise<number> {
  const conditions = [
    filter.status === 'open' ? sql`${speakUpCase.status} <> 'closed'` : filter.status ? eq(speakUpCase.status, filter.status) : undefined,
    filter.investigatorAccountId === undefined ? undefined : eq(speakUpCase.investigatorAccountId, filter.investigatorAccountId),
  ];
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(speakUpCase).where(and(...conditions));
  return Number(row?.n ?? 0);
}

export async function acknowledgeCase(db: Db, caseId: number, today: string): Promise<void> {
  await db
    .update(speakUpCase)
    .set({ status: 'acknowledged', acknowledgedOn: today })
    .where(and(eq(speakUpCase.id, caseId), eq(speakUpCase.status, 'new')));
}

export interface Triage {
  categories: string[];
  workerGroup: string | null;
  urgency: 'routine' | 'urgent';
  unitId: number | null;
  detrimentIndicated: boolean;
}

export async function triageCase(db: Db, caseId: number, triage: Triage): Promise<void> {
  await db.update(speakUpCase).set(triage).where(eq(speakUpCase.id, caseId));
}

/** Refers the case to an investigator (or takes it back with null). Referring also acknowledges. */
export async function referCase(db: Db, caseId: number, investigatorAccountId: number | null, today: string): Promise<void> {
  await db
    .update(speakUpCase)
    .set({
      investigatorAccountId,
      status: investigatorAccountId === null ? 'acknowledged' : 'referred',
      acknowledgedOn: sql`coalesce(${speakUpCase.acknowledgedOn}, ${today}::date)`,
    })
    .where(and(eq(speakUpCase.id, caseId), sql`${speakUpCase.status} <> 'closed'`));
}

/** Accounts holding the investigator role, for the referral list. */
export async function listInvestigators(db: Db) {
  const rows = await db.execute(sql`
    select distinct a.id, a.display_name as "displayName", a.email
    from account a join role_grant g on g.account_id = a.id
    where g.role = 'investigator' and a.is_active
    order by a.display_name`);
  return (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { id: number; displayName: string; email: string }[];
}

/**
 * Closes a case with its outcome and lessons. The reporter's "reply waiting" address is deleted
 * now, with any notice not yet sent: it was only ever for the life of the case.
 */
export async function closeCase(db: Db, ring: KeyRing, caseId: number, closing: { outcome: string; lessons: string }, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(speakUpCase)
      .set({
        status: 'closed',
        closedOn: today,
        acknowledgedOn: sql`coalesce(${speakUpCase.acknowledgedOn}, ${today}::date)`,
        outcomeSealed: seal(ring, 'outcome', closing.outcome),
        lessonsSealed: closing.lessons ? seal(ring, 'lessons', closing.lessons) : null,
        notifyAddressSealed: null,
      })
      .where(eq(speakUpCase.id, caseId));
    await tx.delete(outboxMessage).where(and(sql`${outboxMessage.context}->>'speakUpCaseId' = ${String(caseId)}`, sql`${outboxMessage.sentAt} is null`));
  });
}

/** The reporter's answers to the closing questions. */
export async function recordClosingFeedback(db: Db, caseId: number, answers: { wouldSpeakUpAgain: string; detrimentAfterClosure: string | null }): Promise<void> {
  await db
    .update(speakUpCase)
    .set({ wouldSpeakUpAgain: answers.wouldSpeakUpAgain, detrimentAfterClosure: answers.detrimentAfterClosure })
    .where(and(eq(speakUpCase.id, caseId), eq(speakUpCase.status, 'closed')));
}

/** How many cases hold each status, in one query (the inbox's filter counts). */
export async function countCasesByStatus(db: Db): Promise<Record<CaseStatus, number>> {
  const rows = await db.select({ status: speakUpCase.status, n: sql<number>`count(*)::int` }).from(speakUpCase).groupBy(speakUpCase.status);
  const counts: Record<CaseStatus, number> = { new: 0, acknowledged: 0, referred: 0, closed: 0 };
  for (const row of rows) counts[row.status] = Number(row.n);
  return counts;
}

/** The display name of the account a case is referred to, even if it has since lost the role. */
export async function investigatorName(db: Db, accountId: number): Promise<string | undefined> {
  const [row] = await db.select({ displayName: account.displayName }).from(account).where(eq(account.id, accountId));
  return row?.displayName;
}
