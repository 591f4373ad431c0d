import { boolean, date, index, integer, jsonb, pgEnum, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { account } from '#src/auth/schema.ts';
import { importBatch } from '#src/imports/schema.ts';
import { orgUnit } from '#src/org/schema.ts';

export const speakUpOrigin = pgEnum('speak_up_origin', ['raised', 'imported']);
export const speakUpRaisedAs = pgEnum('speak_up_raised_as', ['anonymous', 'confidential', 'open']);
export const speakUpStatus = pgEnum('speak_up_status', ['new', 'acknowledged', 'referred', 'closed']);
export const speakUpUrgency = pgEnum('speak_up_urgency', ['routine', 'urgent']);
export const speakUpAuthor = pgEnum('speak_up_author', ['reporter', 'guardian', 'investigator']);

/**
 * A concern raised with the Freedom to Speak Up Guardian. Dates only, never times: a time of day
 * could be matched against rotas or door logs to find an anonymous reporter. Every `*Sealed` column
 * is AES-256-GCM ciphertext (see seal.ts); nothing a reporter wrote is stored in the clear.
 */
export const speakUpCase = pgTable(
  'speak_up_case',
  {
    id: serial('id').primaryKey(),
    origin: speakUpOrigin('origin').notNull(),
    /** Raised in Vitals: SU-YYYY-NNNN. Imported: the Guardian's own log reference. */
    reference: text('reference').notNull(),
    raisedAs: speakUpRaisedAs('raised_as').notNull(),
    receivedOn: date('received_on').notNull(),
    /** Where the concern is about, as the reporter or Guardian gave it; reports roll it up to directorates. */
    unitId: integer('unit_id').references(() => orgUnit.id),
    /** Category keys (rules.ts); several may apply. */
    categories: jsonb('categories').$type<string[]>().notNull(),
    detrimentIndicated: boolean('detriment_indicated').notNull(),
    workerGroup: text('worker_group'),
    urgency: speakUpUrgency('urgency').notNull().default('routine'),
    status: speakUpStatus('status').notNull(),
    acknowledgedOn: date('acknowledged_on'),
    firstFeedbackOn: date('first_feedback_on'),
    closedOn: date('closed_on'),
    investigatorAccountId: integer('investigator_account_id').references(() => account.id),
    /** Asked at closure: yes, no, maybe, dont_know. */
    wouldSpeakUpAgain: text('would_speak_up_again'),
    /** Asked at closure: has the reporter suffered detriment since speaking up? yes, no, prefer_not_to_say. */
    detrimentAfterClosure: text('detriment_after_closure'),
    outcomeSealed: text('outcome_sealed'),
    lessonsSealed: text('lessons_sealed'),
    /** Confidential and open cases: the name and how to reach them. Confidential ones only the Guardian reads. */
    reporterNameSealed: text('reporter_name_sealed'),
    reporterContactSealed: text('reporter_contact_sealed'),
    /** Optional address used only to say "a reply is waiting"; never shown, deleted at closure. */
    notifyAddressSealed: text('notify_address_sealed'),
    /** SHA-256 of the receipt code (80+ random bits, so no salt is needed to stop guessing). */
    receiptLookup: text('receipt_lookup'),
    /** scrypt hash of the reporter's passphrase. */
    passphraseHash: text('passphrase_hash'),
    /** Something from the Guardian the reporter has not read yet. */
    replyWaiting: boolean('reply_waiting').notNull().default(false),
    redactedOn: date('redacted_on'),
    importId: integer('import_id').references(() => importBatch.id),
  },
  (t) => [
    uniqueIndex('speak_up_case_reference_idx').on(t.origin, t.reference),
    uniqueIndex('speak_up_case_receipt_idx').on(t.receiptLookup),
    index('speak_up_case_status_idx').on(t.status),
    index('speak_up_case_investigator_idx').on(t.investigatorAccountId),
    index('speak_up_case_received_idx').on(t.receivedOn),
  ],
);

/**
 * Messages between reporter and Guardian, and internal notes (`internal`) the reporter never
 * sees. Ordered by id; dated to the day only.
 */
export const speakUpMessage = pgTable(
  'speak_up_message',
  {
    id: serial('id').primaryKey(),
    caseId: integer('case_id')
      .notNull()
      .references(() => speakUpCase.id, { onDelete: 'cascade' }),
    author: speakUpAuthor('author').notNull(),
    /** The handler who wrote it; always null for the reporter. */
    authorAccountId: integer('author_account_id').references(() => account.id),
    internal: boolean('internal').notNull().default(false),
    sentOn: date('sent_on').notNull(),
    bodySealed: text('body_sealed').notNull(),
  },
  (t) => [index('speak_up_message_case_idx').on(t.caseId, t.id)],
);

/** A file sent with a message: metadata stripped before sealing, stored under a generic name. */
export const speakUpAttachment = pgTable(
  'speak_up_attachment',
  {
    id: serial('id').primaryKey(),
    messageId: integer('message_id')
      .notNull()
      .references(() => speakUpMessage.id, { onDelete: 'cascade' }),
    mediaType: text('media_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    contentSealed: text('content_sealed').notNull(),
  },
  (t) => [index('speak_up_attachment_message_idx').on(t.messageId)],
);
