import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { account, metric, roleGrant, scorecardAction, signal } from '#src/db/schema.ts';

export type SignalStatus = (typeof signal.$inferSelect)['status'];

const signalColumns = {
  id: signal.id,
  unitId: signal.unitId,
  metricKey: signal.metricKey,
  metricName: metric.name,
  source: signal.source,
  kind: signal.kind,
  rule: signal.rule,
  sincePeriod: signal.sincePeriod,
  lastPeriod: signal.lastPeriod,
  evidence: signal.evidence,
  isActive: signal.active,
  status: signal.status,
  createdAt: signal.createdAt,
};

export type SignalRow = Awaited<ReturnType<typeof listSignalsInUnits>>[number];

/** The newest signals with one status in the given units, and how many there are in all. */
export async function listSignalsInUnits(db: Db, unitIds: readonly number[], status: SignalStatus, limit: number) {
  if (unitIds.length === 0) return [];
  return db
    .select(signalColumns)
    .from(signal)
    .innerJoin(metric, eq(metric.key, signal.metricKey))
    .where(and(inArray(signal.unitId, [...unitIds]), eq(signal.status, status)))
    .orderBy(desc(signal.createdAt), desc(signal.id))
    .limit(limit);
}

export async function countSignalsInUnits(db: Db, unitIds: readonly number[], status: SignalStatus): Promise<number> {
  if (unitIds.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(signal)
    .where(and(inArray(signal.unitId, [...unitIds]), eq(signal.status, status)));
  return row?.n ?? 0;
}

/** Signals the engine still finds and no one has closed, for the API. */
export async function listOpenActiveSignals(db: Db, unitIds: readonly number[]) {
  if (unitIds.length === 0) return [];
  return db
    .select(signalColumns)
    .from(signal)
    .innerJoin(metric, eq(metric.key, signal.metricKey))
    .where(and(inArray(signal.unitId, [...unitIds]), eq(signal.active, 1), ne(signal.status, 'closed')))
    .orderBy(desc(signal.createdAt), desc(signal.id));
}

export async function listSignalsByIds(db: Db, signalIds: readonly number[]) {
  if (signalIds.length === 0) return [];
  return db
    .select(signalColumns)
    .from(signal)
    .innerJoin(metric, eq(metric.key, signal.metricKey))
    .where(inArray(signal.id, [...signalIds]))
    .orderBy(asc(signal.id));
}

export async function findSignal(db: Db, signalId: number) {
  const [row] = await db
    .select({
      ...signalColumns,
      acknowledgedAt: signal.acknowledgedAt,
      acknowledgedBy: signal.acknowledgedBy,
      closedAt: signal.closedAt,
      closedBy: signal.closedBy,
      outcome: signal.outcome,
    })
    .from(signal)
    .innerJoin(metric, eq(metric.key, signal.metricKey))
    .where(eq(signal.id, signalId));
  return row;
}

export async function findAccountNames(db: Db, accountIds: readonly number[]): Promise<Map<number, string>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .select({ id: account.id, displayName: account.displayName })
    .from(account)
    .where(inArray(account.id, [...accountIds]));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}

/** Marks a new signal acknowledged; false when it was not new (already acknowledged or closed). */
export async function acknowledgeSignal(db: Db, signalId: number, accountId: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(signal)
    .set({ status: 'acknowledged', acknowledgedAt: at, acknowledgedBy: accountId })
    .where(and(eq(signal.id, signalId), eq(signal.status, 'new')))
    .returning({ id: signal.id });
  return rows.length > 0;
}

/** Closes a signal with its outcome; false when it was already closed. */
export async function closeSignal(db: Db, signalId: number, accountId: number, outcome: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(signal)
    .set({ status: 'closed', closedAt: at, closedBy: accountId, outcome })
    .where(and(eq(signal.id, signalId), ne(signal.status, 'closed')))
    .returning({ id: signal.id });
  return rows.length > 0;
}

export async function listActionsForSignal(db: Db, signalId: number) {
  return db
    .select()
    .from(scorecardAction)
    .where(eq(scorecardAction.signalId, signalId))
    .orderBy(asc(scorecardAction.dueOn), asc(scorecardAction.id));
}

export interface NewAction {
  unitId: number;
  signalId: number;
  description: string;
  owner: string;
  dueOn: string;
  reviewOn: string;
  createdBy: number;
}

export async function insertAction(db: Db, values: NewAction, at: Date): Promise<number> {
  const [row] = await db
    .insert(scorecardAction)
    .values({ ...values, createdAt: at })
    .returning({ id: scorecardAction.id });
  if (!row) throw new Error('action not inserted');
  return row.id;
}

/** Marks an open action of the signal done with its outcome; false when there is no such open action. */
export async function completeAction(db: Db, signalId: number, actionId: number, outcome: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(scorecardAction)
    .set({ status: 'done', outcome, completedAt: at })
    .where(and(eq(scorecardAction.id, actionId), eq(scorecardAction.signalId, signalId), eq(scorecardAction.status, 'open')))
    .returning({ id: scorecardAction.id });
  return rows.length > 0;
}

/** Every manager grant held by an active account, with the account's address. */
export async function listActiveManagerGrants(db: Db) {
  return db
    .select({ accountId: account.id, email: account.email, displayName: account.displayName, unitId: roleGrant.unitId })
    .from(roleGrant)
    .innerJoin(account, eq(account.id, roleGrant.accountId))
    .where(and(eq(roleGrant.role, 'manager'), eq(account.isActive, true)));
}
