import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '#src/db/client.ts';
import type { UpsertCounts } from './kinds/define.ts';

/** Rows per statement: one JSON parameter each, so the bind-parameter limit does not apply. */
const BATCH_SIZE = 50_000;

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Rows a raw query returns, whichever driver ran it (PGlite gives { rows }, postgres.js an array). */
export async function queryRows<T>(tx: Db, query: SQL): Promise<T[]> {
  const result: unknown = await tx.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

/**
 * Inserts rows, or updates the row with the same natural key when any value differs. Rows are sent
 * as one JSON document per statement (jsonb_to_recordset), which is far faster than thousands of bind
 * parameters on PGlite. The key must have a unique index. `importId`, when the table has it, is set
 * on inserted and updated rows but not compared, so an unchanged row keeps the import that wrote it.
 * With `returnWritten`, `written` holds the first key column of every inserted or updated row.
 */
export async function upsertRows(
  tx: Db,
  table: PgTable,
  rows: readonly Record<string, unknown>[],
  key: readonly string[],
  options: { returnWritten?: boolean } = {},
): Promise<UpsertCounts & { written: Set<string> }> {
  const counts = { inserted: 0, updated: 0, unchanged: 0, written: new Set<string>() };
  const first = rows[0];
  if (!first) return counts;
  const columns = getTableColumns(table);
  const properties = Object.keys(first);
  const definition = properties.map((property) => {
    const column = columns[property];
    if (!column) throw new Error(`${getTableName(table)} has no column ${property}`);
    return { property, name: column.name, type: column.getSQLType() };
  });
  const sqlName = (property: string) => definition.find((d) => d.property === property)?.name ?? property;
  const tableName = ident(getTableName(table));
  const nonKey = definition.filter((d) => !key.includes(d.property));
  const compared = nonKey.filter((d) => d.property !== 'importId');
  const conflict =
    compared.length === 0
      ? 'do nothing'
      : `do update set ${nonKey.map((d) => `${ident(d.name)} = excluded.${ident(d.name)}`).join(', ')}
         where row(${compared.map((d) => `${tableName}.${ident(d.name)}`).join(', ')}) is distinct from row(${compared.map((d) => `excluded.${ident(d.name)}`).join(', ')})`;
  const head = `with w as (insert into ${tableName} (${definition.map((d) => ident(d.name)).join(', ')})
    select ${definition.map((d) => `x.${ident(d.property)}`).join(', ')}
    from jsonb_to_recordset(`;
  const tail = `::jsonb) as x(${definition.map((d) => `${ident(d.property)} ${d.type}`).join(', ')})
    on conflict (${key.map((property) => ident(sqlName(property))).join(', ')}) ${conflict}
    returning (xmax = 0) as inserted, ${ident(sqlName(key[0] ?? ''))}::text as key)
    ${options.returnWritten ? 'select inserted, key from w' : 'select count(*) filter (where inserted)::int as inserted, count(*)::int as written from w'}`;

  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    const batch = rows.slice(i, i + BATCH_SIZE);
    const query = sql`${sql.raw(head)}${JSON.stringify(batch)}${sql.raw(tail)}`;
    let inserted: number;
    let written: number;
    if (options.returnWritten) {
      const rows = await queryRows<{ inserted: boolean; key: string }>(tx, query);
      for (const row of rows) counts.written.add(row.key);
      inserted = rows.filter((row) => row.inserted).length;
      written = rows.length;
    } else {
      const [row] = await queryRows<{ inserted: number; written: number }>(tx, query);
      inserted = Number(row?.inserted ?? 0);
      written = Number(row?.written ?? 0);
    }
    counts.inserted += inserted;
    counts.updated += written - inserted;
    counts.unchanged += batch.length - written;
  }
  return counts;
}
