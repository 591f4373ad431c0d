import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { recordAudit } from '#src/auth/audit.ts';
import type { Db } from '#src/db/client.ts';
import { speakUpCase, speakUpMessage } from '#src/db/schema.ts';
import { isoDate } from '#src/web/today.ts';

/** The same day `months` calendar months earlier (the 31st becomes the month's last day). */
export function monthsBefore(day: string, months: number): string {
  const total = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 - months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(Number(day.slice(8, 10)), lastDay))}`;
}

export interface Redaction {
  /** Cases redacted by this run. */
  cases: number;
  /** Cases closed before this day were due. */
  closedBefore: string;
}

/**
 * Retention: every case closed more than `months` months ago loses everything a reporter or a
 * handler wrote, and everything that could identify anyone — its messages and their attachments,
 * outcome, lessons, the reporter's name, contact and reply address, the receipt lookup and
 * passphrase hash, and the investigator it went to. What returns and trends count stays: dates,
 * categories, unit, how it was raised, detriment, worker group and the closing answers. Idempotent;
 * one transaction; one audit entry when anything was redacted, holding only the count.
 */
export async function redactClosedCases(db: Db, { months, now, actorAccountId }: { months: number; now: Date; actorAccountId: number | null }): Promise<Redaction> {
  if (!Number.isInteger(months) || months < 1) throw new RangeError('retention: months must be a whole number of at least 1');
  const today = isoDate(now);
  const closedBefore = monthsBefore(today, months);
  const due = and(eq(speakUpCase.status, 'closed'), lt(speakUpCase.closedOn, closedBefore), isNull(speakUpCase.redactedOn));
  return db.transaction(async (tx) => {
    await tx.delete(speakUpMessage).where(inArray(speakUpMessage.caseId, tx.select({ id: speakUpCase.id }).from(speakUpCase).where(due)));
    const redacted = await tx
      .update(speakUpCase)
      .set({
        outcomeSealed: null,
        lessonsSealed: null,
        reporterNameSealed: null,
        reporterContactSealed: null,
        notifyAddressSealed: null,
        receiptLookup: null,
        passphraseHash: null,
        investigatorAccountId: null,
        replyWaiting: false,
        redactedOn: today,
      })
      .where(due)
      .returning({ id: speakUpCase.id });
    if (redacted.length > 0) {
      await recordAudit(tx, { actorAccountId, action: 'speak-up.redacted', detail: { cases: redacted.length, months } }, now);
    }
    return { cases: redacted.length, closedBefore };
  });
}
