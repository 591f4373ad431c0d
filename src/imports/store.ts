import { and, count, desc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { account, importBatch, importHeaderMapping, orgUnit, person } from '#src/db/schema.ts';

export type ImportBatch = typeof importBatch.$inferSelect;

export async function findAppliedBatch(db: Db, kind: string, fileHash: string): Promise<ImportBatch | undefined> {
  const [batch] = await db
    .select()
    .from(importBatch)
    .where(and(eq(importBatch.kind, kind), eq(importBatch.fileHash, fileHash), eq(importBatch.status, 'applied')))
    .orderBy(importBatch.id)
    .limit(1);
  return batch;
}

export async function findBatch(db: Db, id: number) {
  const [batch] = await db
    .select({ batch: importBatch, accountName: account.displayName })
    .from(importBatch)
    .leftJoin(account, eq(account.id, importBatch.accountId))
    .where(eq(importBatch.id, id));
  return batch;
}

export const HISTORY_PAGE_SIZE = 50;

/** The newest batches first, a page at a time (before = the last id of the previous page). */
export async function listBatches(db: Db, before: number | undefined) {
  return db
    .select({
      id: importBatch.id,
      kind: importBatch.kind,
      fileName: importBatch.fileName,
      status: importBatch.status,
      rows: importBatch.rows,
      summary: importBatch.summary,
      errorCount: importBatch.errorCount,
      finishedAt: importBatch.finishedAt,
      accountName: account.displayName,
    })
    .from(importBatch)
    .leftJoin(account, eq(account.id, importBatch.accountId))
    .where(before === undefined ? undefined : lt(importBatch.id, before))
    .orderBy(desc(importBatch.id))
    .limit(HISTORY_PAGE_SIZE);
}

export async function countBatches(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(importBatch);
  return row?.n ?? 0;
}

/** Header → column choices an analyst made earlier for this kind. */
export async function loadHeaderMapping(db: Db, kind: string): Promise<Record<string, string>> {
  const rows = await db.select({ header: importHeaderMapping.header, column: importHeaderMapping.column }).from(importHeaderMapping).where(eq(importHeaderMapping.kind, kind));
  return Object.fromEntries(rows.map((row) => [row.header, row.column]));
}

export async function saveHeaderMapping(db: Db, kind: string, mapping: Readonly<Record<string, string>>): Promise<void> {
  const entries = Object.entries(mapping);
  if (entries.length === 0) return;
  await db
    .insert(importHeaderMapping)
    .values(entries.map(([header, column]) => ({ kind, header, column })))
    .onConflictDoUpdate({ target: [importHeaderMapping.kind, importHeaderMapping.header], set: { column: sql`excluded.${sql.identifier('column')}` } });
}

export async function loadUnitIds(db: Db): Promise<Map<string, number>> {
  return new Map((await db.select({ id: orgUnit.id, code: orgUnit.code }).from(orgUnit)).map((u) => [u.code.toUpperCase(), u.id]));
}

export async function loadPersonIds(db: Db): Promise<Map<string, number>> {
  return new Map((await db.select({ id: person.id, staffNumber: person.staffNumber }).from(person)).map((p) => [p.staffNumber.toUpperCase(), p.id]));
}
