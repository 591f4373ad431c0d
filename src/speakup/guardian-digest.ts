import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '#src/config.ts';
import type { Db } from '#src/db/client.ts';
import { account, outboxMessage, roleGrant } from '#src/db/schema.ts';
import { queueMessage } from '#src/notifications/outbox.ts';
import { isoDate } from '#src/web/today.ts';
import { inboxSummary, type InboxSummary } from './cases/present.ts';
import { listCases } from './store.ts';

const KIND = 'speak-up-digest';

export function writeGuardianDigest(summary: InboxSummary, publicUrl: string): { subject: string; body: string } | undefined {
  const lines = [
    summary.new > 0 && `${summary.new === 1 ? '1 new concern is' : `${summary.new} new concerns are`} waiting to be acknowledged.`,
    summary.overdueAcknowledgement > 0 && `${summary.overdueAcknowledgement === 1 ? '1 case is' : `${summary.overdueAcknowledgement} cases are`} past the date for acknowledgement.`,
    summary.overdueFeedback > 0 && `${summary.overdueFeedback === 1 ? '1 case is' : `${summary.overdueFeedback} cases are`} past the date for first feedback.`,
  ].filter((line): line is string => typeof line === 'string');
  if (lines.length === 0) return undefined;
  return {
    subject: 'Vitals: speak-up cases need you',
    body: [...lines, `See them at ${publicUrl}/speak-up/cases`].join('\n\n'),
  };
}

/**
 * Once a day at most, tells every Guardian what is waiting: counts only, never a reference or a
 * word of a concern. It counts concerns received before today, so whether and when it is sent
 * depends on the day alone: no message's time can say when an anonymous concern arrived.
 */
export async function queueGuardianDigests(db: Db, config: Pick<Config, 'publicUrl'>, now: Date): Promise<number[]> {
  const today = isoDate(now);
  const [sent] = await db
    .select({ id: outboxMessage.id })
    .from(outboxMessage)
    .where(and(sql`${outboxMessage.context}->>'kind' = ${KIND}`, sql`(${outboxMessage.createdAt} at time zone 'UTC')::date = ${today}::date`))
    .limit(1);
  if (sent) return [];
  const waiting = (await listCases(db, { status: 'open' }, 5000)).filter((row) => row.receivedOn < today);
  const message = writeGuardianDigest(inboxSummary(waiting, today), config.publicUrl);
  if (!message) return [];
  const guardians = await db
    .selectDistinct({ email: account.email })
    .from(account)
    .innerJoin(roleGrant, eq(roleGrant.accountId, account.id))
    .where(and(eq(roleGrant.role, 'guardian'), eq(account.isActive, true)));
  const ids: number[] = [];
  for (const guardian of guardians) ids.push(await queueMessage(db, { to: guardian.email, ...message, context: { kind: KIND, day: today } }, now));
  return ids;
}
