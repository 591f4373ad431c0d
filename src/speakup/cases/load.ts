import type { Context } from 'hono';
import { recordAudit, type AuditAction, type AuditEntry } from '#src/auth/audit.ts';
import type { Principal } from '#src/auth/permissions.ts';
import type { AppEnv } from '#src/web/env.ts';
import { notFound } from '#src/web/errors.ts';
import { isoDate } from '#src/web/today.ts';
import { findCase, readAttachment, type CaseRow } from '../store.ts';
import { attachmentHeaders } from '../attachments.ts';

/** Handlers for the Guardian's and the investigator's case pages share these. */

export function signedInPrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw notFound();
  return principal;
}

export function positiveIdParam(c: Context<AppEnv>, name: string): number {
  const raw = c.req.param(name) ?? '';
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) throw notFound();
  return id;
}

export function todayOf(c: Context<AppEnv>): string {
  return isoDate(c.get('clock')());
}

/** The case in the path, or 404. */
export async function loadCase(c: Context<AppEnv>): Promise<CaseRow> {
  const found = await findCase(c.get('database').db, positiveIdParam(c, 'caseId'));
  if (!found) throw notFound();
  return found;
}

/** Audits an action on a case. `detail` must never hold anything the reporter wrote or that identifies them. */
export async function auditCase(c: Context<AppEnv>, caseId: number, action: AuditAction, detail?: AuditEntry['detail']): Promise<void> {
  const entry: AuditEntry = { actorAccountId: signedInPrincipal(c).accountId, action, subject: `speak-up-case:${caseId}` };
  await recordAudit(c.get('database').db, detail ? { ...entry, detail } : entry, c.get('clock')());
}

/** Case pages hold what a reporter wrote: never keep them in a browser or proxy cache. */
export function doNotStore(c: Context<AppEnv>): void {
  c.header('Cache-Control', 'no-store');
}

/** Downloads an attachment of the case (internal notes' included), audited; 404 if it is not the case's. */
export async function sendAttachment(c: Context<AppEnv>, caseRow: CaseRow): Promise<Response> {
  const attachmentId = positiveIdParam(c, 'attachmentId');
  const found = await readAttachment(c.get('database').db, c.get('config').speakUpKeys, caseRow.id, attachmentId, { includeInternal: true });
  if (!found) throw notFound();
  await auditCase(c, caseRow.id, 'speak-up.attachment.read', { attachmentId });
  return c.body(new Uint8Array(found.bytes), 200, attachmentHeaders(attachmentId, found.mediaType));
}
