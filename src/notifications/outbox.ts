import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { outboxMessage } from '#src/db/schema.ts';

export interface NewMessage {
  to: string;
  subject: string;
  /** Plain text. Never suppressed values, never anything that identifies a speak-up reporter. */
  body: string;
  context: Record<string, unknown>;
}

const SEALED_PREFIX = 'sealed:';
export const WITHHELD_ADDRESS = 'withheld';

/** An address kept encrypted in the outbox (a speak-up reporter's): delivery opens it, pages never show it. */
export function sealedAddress(sealed: string): string {
  return `${SEALED_PREFIX}${sealed}`;
}

export function isWithheldAddress(toAddress: string): boolean {
  return toAddress.startsWith(SEALED_PREFIX) || toAddress === WITHHELD_ADDRESS;
}

/** The sealed value inside a sealed outbox address, or undefined for a plain one. */
export function sealedPart(toAddress: string): string | undefined {
  return toAddress.startsWith(SEALED_PREFIX) ? toAddress.slice(SEALED_PREFIX.length) : undefined;
}

/** Keeps a message in the outbox; deliverPendingMessages sends it when SMTP is configured. */
export async function queueMessage(db: Db, message: NewMessage, now: Date): Promise<number> {
  const [row] = await db
    .insert(outboxMessage)
    .values({ toAddress: message.to, subject: message.subject, body: message.body, context: message.context, createdAt: now })
    .returning({ id: outboxMessage.id });
  if (!row) throw new Error('outbox message not inserted');
  return row.id;
}

export const OUTBOX_PAGE_SIZE = 50;

export async function listMessages(db: Db, before: number | undefined) {
  return db
    .select({
      id: outboxMessage.id,
      toAddress: outboxMessage.toAddress,
      subject: outboxMessage.subject,
      createdAt: outboxMessage.createdAt,
      sentAt: outboxMessage.sentAt,
      error: outboxMessage.error,
    })
    .from(outboxMessage)
    .where(before === undefined ? undefined : lt(outboxMessage.id, before))
    .orderBy(desc(outboxMessage.id))
    .limit(OUTBOX_PAGE_SIZE);
}

export async function findMessage(db: Db, messageId: number) {
  const [row] = await db.select().from(outboxMessage).where(eq(outboxMessage.id, messageId));
  return row;
}

/** Messages not yet sent and not failed, oldest first. */
export async function listPendingMessages(db: Db, limit: number) {
  return db
    .select()
    .from(outboxMessage)
    .where(and(isNull(outboxMessage.sentAt), isNull(outboxMessage.error)))
    .orderBy(outboxMessage.id)
    .limit(limit);
}

/** A sealed address is forgotten once the message has gone. */
export async function markSent(db: Db, messageId: number, at: Date, forgetAddress = false): Promise<void> {
  await db
    .update(outboxMessage)
    .set({ sentAt: at, error: null, ...(forgetAddress ? { toAddress: WITHHELD_ADDRESS } : {}) })
    .where(eq(outboxMessage.id, messageId));
}

export async function markFailed(db: Db, messageId: number, error: string): Promise<void> {
  await db.update(outboxMessage).set({ error }).where(eq(outboxMessage.id, messageId));
}
