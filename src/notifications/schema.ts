import { index, jsonb, pgTable, serial, text } from 'drizzle-orm/pg-core';
import { createdAt, utcTimestamp } from '#src/db/columns.ts';

/**
 * Every message Vitals sends, kept as an outbox: delivered through SMTP when configured, and
 * readable by admins (the only delivery in the demo and in tests).
 */
export const outboxMessage = pgTable(
  'outbox_message',
  {
    id: serial('id').primaryKey(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** What the message is about, e.g. { kind: 'signals-digest', importId, signalIds }. */
    context: jsonb('context').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    sentAt: utcTimestamp('sent_at'),
    error: text('error'),
  },
  (t) => [index('outbox_message_created_idx').on(t.createdAt)],
);
