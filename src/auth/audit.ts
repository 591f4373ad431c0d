import { desc, eq, lt } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { account, auditEvent } from '#src/db/schema.ts';

export type AuditAction =
  | 'sign-in'
  | 'sign-in.failed'
  | 'sign-out'
  | 'account.created'
  | 'account.updated'
  | 'grant.added'
  | 'grant.removed'
  | 'characteristics.read'
  | 'audit.read'
  | 'metric.updated'
  | 'import.applied'
  | 'import.rejected'
  | 'signal.acknowledged'
  | 'signal.closed'
  | 'action.created'
  | 'action.updated'
  | 'api-token.created'
  | 'api-token.revoked'
  | 'speak-up.case.read'
  | 'speak-up.case.acknowledged'
  | 'speak-up.case.triaged'
  | 'speak-up.case.replied'
  | 'speak-up.case.noted'
  | 'speak-up.case.referred'
  | 'speak-up.case.closed'
  | 'speak-up.attachment.read'
  | 'speak-up.return.downloaded'
  | 'speak-up.redacted'
  | 'speak-up.keys.rotated'
  | 'board.report.created'
  | 'board.report.ready'
  | 'board.report.returned'
  | 'board.report.published'
  | 'board.commentary.saved'
  | 'board.report.downloaded'
  | 'strategy.updated';

export interface AuditEntry {
  actorAccountId: number | null;
  action: AuditAction;
  subject?: string;
  detail?: Record<string, string | number | boolean | null>;
}

/** Never put suppressed values, passwords or anything identifying a speak-up reporter in an entry. */
export async function recordAudit(db: Db, entry: AuditEntry, at: Date): Promise<void> {
  await db.insert(auditEvent).values({
    at,
    actorAccountId: entry.actorAccountId,
    action: entry.action,
    subject: entry.subject ?? null,
    detail: entry.detail ?? null,
  });
}

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEvents(db: Db, before: number | undefined) {
  return db
    .select({
      id: auditEvent.id,
      at: auditEvent.at,
      action: auditEvent.action,
      subject: auditEvent.subject,
      detail: auditEvent.detail,
      actorEmail: account.email,
    })
    .from(auditEvent)
    .leftJoin(account, eq(account.id, auditEvent.actorAccountId))
    .where(before === undefined ? undefined : lt(auditEvent.id, before))
    .orderBy(desc(auditEvent.id))
    .limit(AUDIT_PAGE_SIZE);
}
