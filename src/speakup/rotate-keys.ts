import { and, asc, eq, gt, isNotNull, like, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { recordAudit } from '#src/auth/audit.ts';
import type { Db } from '#src/db/client.ts';
import { outboxMessage, speakUpAttachment, speakUpCase, speakUpMessage } from '#src/db/schema.ts';
import { sealedAddress, sealedPart } from '#src/notifications/outbox.ts';
import { openBytes, seal, type KeyRing, type SealPurpose } from './seal.ts';

/** Every sealed column of a case, with what it was sealed for. */
export const SEALED_CASE_COLUMNS = [
  { field: 'outcomeSealed', purpose: 'outcome' },
  { field: 'lessonsSealed', purpose: 'lessons' },
  { field: 'reporterNameSealed', purpose: 'reporter-name' },
  { field: 'reporterContactSealed', purpose: 'reporter-contact' },
  { field: 'notifyAddressSealed', purpose: 'notify-address' },
] as const satisfies readonly { field: keyof typeof speakUpCase.$inferSelect; purpose: SealPurpose }[];

/** Rows per batch; attachments are whole files, so fewer of them at a time. */
const BATCH = 200;
const ATTACHMENT_BATCH = 10;

export interface Rotation {
  /** The key everything is now sealed under. */
  keyId: string;
  caseValues: number;
  messages: number;
  attachments: number;
  /** "A reply is waiting" notices not yet sent, whose address is sealed in the outbox. */
  replyNotices: number;
}

/** The key id of a sealed value in SQL (`v1.<key id>.<payload>`); null for a null value. */
const keyIdOf = (value: AnyPgColumn | SQL) => sql<string>`split_part(${value}, '.', 2)`;

/** The sealed part of an outbox address written `sealed:<sealed value>`. */
const sealedOutboxAddress = sql`substr(${outboxMessage.toAddress}, ${sealedAddress('').length + 1})`;

/** Values are sealed under keys the ring does not hold: rotation would fail part-way, so it does not start. */
export class MissingKeysError extends Error {
  constructor(readonly keyIds: string[]) {
    super(
      `Some speak-up values are sealed under ${keyIds.map((id) => `"${id}"`).join(', ')}, which SPEAKUP_KEYS does not hold: ` +
        'add the old keys back after the new one (newest first) and run rotate-keys again. Nothing was changed.',
    );
    this.name = 'MissingKeysError';
  }
}

async function keyIdsInUse(tx: Db): Promise<Set<string>> {
  const found = await Promise.all([
    ...SEALED_CASE_COLUMNS.map(({ field }) => tx.selectDistinct({ keyId: keyIdOf(speakUpCase[field]) }).from(speakUpCase).where(isNotNull(speakUpCase[field]))),
    tx.selectDistinct({ keyId: keyIdOf(speakUpMessage.bodySealed) }).from(speakUpMessage),
    tx.selectDistinct({ keyId: keyIdOf(speakUpAttachment.contentSealed) }).from(speakUpAttachment),
    tx.selectDistinct({ keyId: keyIdOf(sealedOutboxAddress) }).from(outboxMessage).where(like(outboxMessage.toAddress, sealedAddress('%'))),
  ]);
  return new Set(found.flat().map((row) => row.keyId));
}

/**
 * Re-seals one kind of value, a batch at a time in id order, and says how many it changed. `save`
 * writes only over the value it was given (and says whether it did), so a value that Vitals changed
 * meanwhile — a case closing deletes its reply address — is not brought back.
 */
async function resealAll(
  load: (afterId: number) => Promise<{ id: number; sealed: string | null }[]>,
  save: (id: number, was: string, sealed: string) => Promise<boolean>,
  reseal: (sealed: string) => string,
): Promise<number> {
  let changed = 0;
  for (let afterId = 0; ; ) {
    const rows = await load(afterId);
    if (rows.length === 0) return changed;
    for (const row of rows) {
      if (row.sealed !== null && (await save(row.id, row.sealed, reseal(row.sealed)))) changed += 1;
    }
    afterId = rows.at(-1)?.id ?? afterId;
  }
}

/**
 * Re-seals under the ring's first key every speak-up value sealed under another: the cases'
 * sealed columns, message bodies, attachments and the sealed addresses of notices still in the
 * outbox. One transaction, checked first: a value under a key missing from the ring changes nothing.
 * Afterwards the older keys can leave SPEAKUP_KEYS. Audited with the counts and the new key's id.
 */
export async function rotateSpeakUpKeys(db: Db, ring: KeyRing, now: Date): Promise<Rotation> {
  const current = ring[0];
  if (!current) throw new Error('No speak-up encryption key is configured: set SPEAKUP_KEYS');
  const keyId = current.id;
  const resealer = (purpose: SealPurpose) => (sealed: string) => seal(ring, purpose, openBytes(ring, purpose, sealed));
  return db.transaction(async (tx) => {
    const inUse = await keyIdsInUse(tx);
    const missing = [...inUse].filter((id) => !ring.some((key) => key.id === id)).sort();
    if (missing.length > 0) throw new MissingKeysError(missing);
    let caseValues = 0;
    for (const { field, purpose } of SEALED_CASE_COLUMNS) {
      const column = speakUpCase[field];
      caseValues += await resealAll(
        (afterId) =>
          tx
            .select({ id: speakUpCase.id, sealed: column })
            .from(speakUpCase)
            .where(and(gt(speakUpCase.id, afterId), sql`${keyIdOf(column)} <> ${keyId}`))
            .orderBy(asc(speakUpCase.id))
            .limit(BATCH),
        async (id, was, sealed) =>
          (await tx.update(speakUpCase).set({ [field]: sealed }).where(and(eq(speakUpCase.id, id), eq(column, was))).returning({ id: speakUpCase.id })).length > 0,
        resealer(purpose),
      );
    }
    const messages = await resealAll(
      (afterId) =>
        tx
          .select({ id: speakUpMessage.id, sealed: speakUpMessage.bodySealed })
          .from(speakUpMessage)
          .where(and(gt(speakUpMessage.id, afterId), sql`${keyIdOf(speakUpMessage.bodySealed)} <> ${keyId}`))
          .orderBy(asc(speakUpMessage.id))
          .limit(BATCH),
      async (id, was, sealed) =>
        (await tx.update(speakUpMessage).set({ bodySealed: sealed }).where(and(eq(speakUpMessage.id, id), eq(speakUpMessage.bodySealed, was))).returning({ id: speakUpMessage.id })).length > 0,
      resealer('message'),
    );
    const attachments = await resealAll(
      (afterId) =>
        tx
          .select({ id: speakUpAttachment.id, sealed: speakUpAttachment.contentSealed })
          .from(speakUpAttachment)
          .where(and(gt(speakUpAttachment.id, afterId), sql`${keyIdOf(speakUpAttachment.contentSealed)} <> ${keyId}`))
          .orderBy(asc(speakUpAttachment.id))
          .limit(ATTACHMENT_BATCH),
      async (id, was, sealed) =>
        (
          await tx
            .update(speakUpAttachment)
            .set({ contentSealed: sealed })
            .where(and(eq(speakUpAttachment.id, id), eq(speakUpAttachment.contentSealed, was)))
            .returning({ id: speakUpAttachment.id })
        ).length > 0,
      resealer('attachment'),
    );
    const replyNotices = await resealAll(
      async (afterId) =>
        (
          await tx
            .select({ id: outboxMessage.id, toAddress: outboxMessage.toAddress })
            .from(outboxMessage)
            .where(and(gt(outboxMessage.id, afterId), like(outboxMessage.toAddress, sealedAddress('%')), sql`${keyIdOf(sealedOutboxAddress)} <> ${keyId}`))
            .orderBy(asc(outboxMessage.id))
            .limit(BATCH)
        ).map((row) => ({ id: row.id, sealed: sealedPart(row.toAddress) ?? null })),
      async (id, was, sealed) =>
        (
          await tx
            .update(outboxMessage)
            .set({ toAddress: sealedAddress(sealed) })
            .where(and(eq(outboxMessage.id, id), eq(outboxMessage.toAddress, sealedAddress(was))))
            .returning({ id: outboxMessage.id })
        ).length > 0,
      resealer('notify-address'),
    );
    const rotation = { keyId, caseValues, messages, attachments, replyNotices };
    await recordAudit(tx, { actorAccountId: null, action: 'speak-up.keys.rotated', detail: { ...rotation } }, now);
    return rotation;
  });
}
